package io.roster.users;

import io.roster.shared.EmailAddress;
import io.roster.shared.UserHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * What a DRAFT row needs before it can become an account: a well-formed userId, both names and a
 * well-formed email. Uniqueness and the free seat are checked afterwards, against the database.
 * Each problem reads as the instruction an administrator sees in the validation result.
 */
final class ActivationPolicy {

    static final String OK = "OK";
    static final String USER_ID_MISSING = "User ID is missing";
    static final String USER_ID_INVALID = "User ID is invalid: use 3 to 64 characters among a-z, 0-9, '.', '_', '-', '@' and '+'";
    static final String USER_ID_TAKEN = "User ID already taken";
    static final String FIRST_NAME_MISSING = "First name is missing";
    static final String LAST_NAME_MISSING = "Last name is missing";
    static final String EMAIL_MISSING = "Email is missing";
    static final String EMAIL_INVALID = "Email is invalid";
    static final String EMAIL_TAKEN = "Email already in use by another account";

    private ActivationPolicy() {
    }

    /** The problems of a row's fields, in the order of the form; empty when it may be activated. */
    static List<String> problemsOf(UserRow row) {
        return problemsOf(row.userId(), row.firstName(), row.lastName(), row.email());
    }

    static List<String> problemsOf(String userId, String firstName, String lastName, String email) {
        List<String> problems = new ArrayList<>();
        if (isBlank(userId)) {
            problems.add(USER_ID_MISSING);
        } else if (!UserHandle.isValid(userId)) {
            problems.add(USER_ID_INVALID);
        }
        if (isBlank(firstName)) {
            problems.add(FIRST_NAME_MISSING);
        }
        if (isBlank(lastName)) {
            problems.add(LAST_NAME_MISSING);
        }
        if (isBlank(email)) {
            problems.add(EMAIL_MISSING);
        } else if (!EmailAddress.isValid(email)) {
            problems.add(EMAIL_INVALID);
        }
        return problems;
    }

    /**
     * Whether an activation mails the person a link to set their password: unless the
     * administrator set one and marked the email as validated, so the person can sign in at once.
     */
    static boolean invitationNeeded(boolean hasPassword, boolean emailVerified) {
        return !(hasPassword && emailVerified);
    }

    static String describe(List<String> problems) {
        return String.join("; ", problems);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
