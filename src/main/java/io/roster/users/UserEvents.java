package io.roster.users;

import io.roster.shared.CompanyId;

/** What happened to a Users-table row. Audit, mail and notifications listen to these. */
public final class UserEvents {

    private UserEvents() {
    }

    public record UserCreated(CompanyId companyId, String accountId, String userId) {
    }

    /**
     * The account was activated. {@code invitationNeeded} is false when the administrator set a
     * password and marked the email as validated: the person can then sign in at once.
     */
    public record UserActivated(CompanyId companyId, String accountId, String userId, boolean firstTime,
            boolean invitationNeeded) {
    }

    public record UserActivationRefused(CompanyId companyId, String accountId, String validationResult) {
    }

    public record UserDeactivated(CompanyId companyId, String accountId, String userId) {
    }

    public record UserDeleted(CompanyId companyId, String accountId, String userId) {
    }

    /** The email of an existing account changed: the old address is told, the new one must be confirmed. */
    public record EmailChanged(CompanyId companyId, String accountId, String oldEmail, String newEmail) {
    }

    /** A password was set or changed (by the person, through a link). Security mail: always sent. */
    public record PasswordChanged(String accountId) {
    }

    public record PreferencesChanged(String accountId, String locale, boolean notifyInApp, boolean notifyEmail) {
    }

    public record UserEdited(CompanyId companyId, String accountId, UserEdit before, UserEdit after) {
    }

    /**
     * The person changed their own first and last name. {@code homeCompanyId} is the company whose
     * Users table shows the account, null for partner staff and self-managed accounts.
     */
    public record OwnNamesChanged(String accountId, String homeCompanyId, String previousFirstName,
            String previousLastName, String firstName, String lastName) {
    }
}
