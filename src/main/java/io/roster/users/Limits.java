package io.roster.users;

import io.roster.shared.FieldErrors;

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
}
