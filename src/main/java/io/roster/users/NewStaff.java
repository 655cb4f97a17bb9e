package io.roster.users;

/** A partner staff account: complete from the start, since it is not a Users-table draft. */
public record NewStaff(String userId, String firstName, String lastName, String email, String password,
        boolean emailVerified, String locale) {
}
