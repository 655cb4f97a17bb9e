package io.roster.users;

import io.roster.shared.CompanyId;

/**
 * What happened to a Users-table row. Audit, mail and notifications listen to these. Each event
 * carries what the audit needs to tell before from after (never a password or its hash).
 */
public final class UserEvents {

    private UserEvents() {
    }

    /** A DRAFT row was saved with these fields; {@code passwordSet} tells whether a password came with it. */
    public record UserCreated(CompanyId companyId, String accountId, String userId, String firstName, String lastName,
            String email, boolean emailVerified, String locale, boolean passwordSet) {
    }

    /**
     * The account was activated. {@code invitationNeeded} is false when the administrator set a
     * password and marked the email as validated: the person can then sign in at once.
     */
    public record UserActivated(CompanyId companyId, String accountId, String userId, boolean firstTime,
            boolean invitationNeeded) {
    }

    /** The row keeps {@code status} (DRAFT or INACTIVE) and now reads {@code validationResult}. */
    public record UserActivationRefused(CompanyId companyId, String accountId, ValidationResult validationResult, String userId,
            UserStatus status) {
    }

    /** The directory's own identifier of the row (SCIM externalId) was set, changed or cleared. */
    public record ExternalIdChanged(CompanyId companyId, String accountId, String before, String after) {
    }

    public record UserDeactivated(CompanyId companyId, String accountId, String userId) {
    }

    /** The row as it was when deleted. */
    public record UserDeleted(CompanyId companyId, String accountId, String userId, String firstName, String lastName,
            String email, UserStatus status) {
    }

    /**
     * An administrator asked to change the email of an existing account: it stays {@code oldEmail}
     * until {@code newEmail} confirms; the old address is told and may cancel.
     */
    public record EmailChangeRequested(CompanyId companyId, String accountId, String oldEmail, String newEmail) {
    }

    /**
     * The person, from the old address, cancelled an email change: a pending one is dropped, or an
     * already confirmed one is undone ({@code reverted}: the account's sessions and tokens end too,
     * since whoever confirmed the new address may hold them).
     */
    public record EmailChangeCancelled(String accountId, String userId, String keptEmail, String droppedEmail,
            boolean reverted, String homeCompanyId, String homePartnerId) {
    }

    /** A password was set or changed (by the person, through a link). Security mail: always sent. */
    public record PasswordChanged(String accountId, String userId, String homeCompanyId, String homePartnerId) {
    }

    /** The person confirmed {@code email} through a mailed link: it is verified now. */
    public record EmailConfirmed(String accountId, String userId, String email, String previousEmail,
            String homeCompanyId, String homePartnerId) {
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

    /**
     * The platform operator was created: from the environment at start ({@code ENVIRONMENT}), or by
     * the person on the first-run setup page ({@code SETUP_PAGE}), who then acts for themselves.
     */
    public record OperatorCreated(String accountId, String userId, String email, String firstName, String lastName,
            Source source) {

        public enum Source { ENVIRONMENT, SETUP_PAGE }
    }
}
