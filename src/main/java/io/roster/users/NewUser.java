package io.roster.users;

/**
 * What an administrator typed in the new-user form or sent to the API. Any field may be missing:
 * the row is saved as a DRAFT whatever its content, and activation says what to fix.
 */
public record NewUser(String userId, String firstName, String lastName, String email, UserStatus status,
        boolean emailVerified, String password, String locale, boolean notifyInApp, boolean notifyEmail) {
}
