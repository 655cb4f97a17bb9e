package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import java.time.Instant;

/** What changed in who may do what. Audit and notifications listen to these. */
public final class AccessEvents {

    private AccessEvents() {
    }

    /**
     * A signed-in caller was refused a change (403): {@code operation} is the method and path,
     * {@code reason} the refusal's type; {@code companyId} / {@code partnerId} are those the path
     * names, if any. {@code suppressedBefore} counts the caller's refusals left out since the last
     * one recorded (see DeniedAttemptBudget).
     */
    public record AccessDenied(String accountId, String method, String path, String companyId, String partnerId,
            String reason, long suppressedBefore) {
    }

    public record RoleCreated(CompanyId companyId, String roleId, String name, String permissions) {
    }

    /** A custom role was renamed or its permissions changed by {@code byAccountId}: before and after. */
    public record RoleUpdated(CompanyId companyId, String roleId, String previousName, String previousPermissions,
            String name, String permissions, String byAccountId) {
    }

    /** A custom role nobody holds any more was deleted by {@code byAccountId}: what it was. */
    public record RoleDeleted(CompanyId companyId, String roleId, String name, String permissions, String byAccountId) {
    }

    public record RoleGranted(CompanyId companyId, String accountId, String roleId, String byAccountId) {
    }

    public record RoleRevoked(CompanyId companyId, String accountId, String roleId, String byAccountId) {
    }

    public record PartnerMemberAdded(PartnerId partnerId, String accountId, PartnerRole role, String userId) {
    }

    /** The member's account went with it; {@code userId} and {@code role} are what it was. */
    public record PartnerMemberRemoved(PartnerId partnerId, String accountId, String userId, PartnerRole role) {
    }

    /**
     * An administrator of {@code companyId} cleared the sign-in failures of one of its users;
     * {@code failures} and {@code lockedUntil} (null when none) are what the account's count was.
     */
    public record SignInLockCleared(String accountId, String byAccountId, CompanyId companyId, int failures,
            Instant lockedUntil) {
    }

    /**
     * Too many failed sign-ins locked the account until {@code lockedUntil}: the apps it signed in to
     * lose it at once (io.roster.oidc). Published once per lockout, in the transaction that counts the
     * failure: an attempt during a lockout is refused before it counts. A device's own lockout, or one
     * on a login that names no account, publishes none.
     */
    public record AccountLocked(String accountId, Instant lockedUntil) {
    }

    /** A company administrator created a SCIM token for its directory (never its value). */
    public record ScimTokenCreated(CompanyId companyId, String tokenId, String byAccountId) {
    }

    public record ScimTokenRevoked(CompanyId companyId, String tokenId, String byAccountId) {
    }

    /** What the company decides for the people its directory provisions changed: before and after. */
    public record ScimSettingsChanged(CompanyId companyId, String previousDefaultRoleId, boolean previousInvite,
            String defaultRoleId, boolean invite, String byAccountId) {
    }
}
