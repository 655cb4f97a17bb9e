package io.roster.users;

import io.roster.shared.FieldError;
import io.roster.shared.ProblemException;
import java.util.List;
import java.util.Map;

/** The current password given to change it is not the account's password (400, field {@code currentPassword}). */
public final class WrongPassword extends ProblemException {

    WrongPassword() {
        super(400, "wrong-password", "Wrong password", "currentPassword: is not your current password",
                List.of(new FieldError("currentPassword", "is not your current password")), Map.of());
    }
}
