package io.roster.users;

/** Who a mail or a notification about an account goes to, and in which language. */
public record Recipient(String accountId, String firstName, String lastName, String email, String locale,
        String homeCompanyId, UserStatus status, boolean emailVerified, boolean notifyInApp, boolean notifyEmail) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? email : name;
    }
}
