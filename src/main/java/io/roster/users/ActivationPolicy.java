package io.roster.users;

import io.roster.shared.EmailAddress;
import io.roster.shared.UserHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * What a DRAFT row needs before it can become an account: a well-formed userId, both names and a
 * well-formed email. Uniqueness and the free seat are checked afterwards, against the database.
 * Each problem is a code ({@link ValidationCode}); its words are chosen when it is shown.
 */
final class ActivationPolicy {

    static final ValidationProblem USER_ID_TAKEN = ValidationProblem.of(ValidationCode.USER_ID_TAKEN);
    static final ValidationProblem EMAIL_TAKEN = ValidationProblem.of(ValidationCode.EMAIL_TAKEN);

    private ActivationPolicy() {
    }

    /** The problems of a row's fields, in the order of the form; empty when it may be activated. */
    static List<ValidationProblem> problemsOf(UserRow row) {
        return problemsOf(row.userId(), row.firstName(), row.lastName(), row.email());
    }

    static List<ValidationProblem> problemsOf(String userId, String firstName, String lastName, String email) {
        List<ValidationProblem> problems = new ArrayList<>();
        if (isBlank(userId)) {
            problems.add(ValidationProblem.of(ValidationCode.USER_ID_MISSING));
        } else if (!UserHandle.isValid(userId)) {
            problems.add(ValidationProblem.of(ValidationCode.USER_ID_INVALID));
        }
        if (isBlank(firstName)) {
            problems.add(ValidationProblem.of(ValidationCode.FIRST_NAME_MISSING));
        }
        if (isBlank(lastName)) {
            problems.add(ValidationProblem.of(ValidationCode.LAST_NAME_MISSING));
        }
        if (isBlank(email)) {
            problems.add(ValidationProblem.of(ValidationCode.EMAIL_MISSING));
        } else if (!EmailAddress.isValid(email)) {
            problems.add(ValidationProblem.of(ValidationCode.EMAIL_INVALID));
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

    static ValidationResult describe(List<ValidationProblem> problems) {
        return ValidationResult.of(problems);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
