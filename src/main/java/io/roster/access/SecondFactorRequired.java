package io.roster.access;

import io.roster.shared.ProblemException;
import java.util.List;
import java.util.Map;

/** 401 {@code /problems/mfa-required}: the account has a second factor and the request gave no code. */
public final class SecondFactorRequired extends ProblemException {

    public SecondFactorRequired(String detail) {
        super(401, "mfa-required", "Second factor required", detail, List.of(), Map.of());
    }
}
