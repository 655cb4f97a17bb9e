package io.roster.support;

/** The platform operator every integration test context bootstraps. */
public final class Operator {

    public static final String EMAIL = "operator@roster.test";
    public static final String PASSWORD = "operator-password-for-tests";

    private Operator() {
    }
}
