package io.roster.users;

import io.roster.shared.FieldError;
import io.roster.shared.FieldErrors;
import java.util.ArrayList;
import java.util.List;

/** Column sizes: longer input is refused with a 400 before anything is written. */
final class Limits {

    static final int USER_ID = 255;
    static final int NAME = 255;
    static final int EMAIL = 320;

    private Limits() {
    }

    static FieldErrors check(String userId, String firstName, String lastName, String email) {
        return new FieldErrors()
                .maxLength("userId", userId, USER_ID)
                .maxLength("firstName", firstName, NAME)
                .maxLength("lastName", lastName, NAME)
                .maxLength("email", email, EMAIL);
    }

    /** The cells of an imported row longer than their column, each named by line and column. */
    static List<FieldError> overlong(ImportRow row) {
        List<FieldError> errors = new ArrayList<>();
        cell(errors, row, "userId", row.userId(), USER_ID);
        cell(errors, row, "firstName", row.firstName(), NAME);
        cell(errors, row, "lastName", row.lastName(), NAME);
        cell(errors, row, "email", row.email(), EMAIL);
        return errors;
    }

    private static void cell(List<FieldError> errors, ImportRow row, String column, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError("line " + row.line() + ": " + column, "must be at most " + max + " characters"));
        }
    }
}
