package io.roster.users;

/**
 * What sign-in needs to know of an account. {@code passwordHash} never leaves the server.
 */
public record Credentials(String accountId, String userId, String email, UserStatus status, boolean operator,
        String homeCompanyId, String homePartnerId, String passwordHash) {

    /** docs/rules.md §13: only an ACTIVE account with a password may sign in (roles are checked by access). */
    public boolean mayAuthenticate() {
        return status == UserStatus.ACTIVE && passwordHash != null;
    }
}
