package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;
import static io.roster.audit.UserChanges.user;

import io.roster.access.AccessEvents;
import io.roster.access.SignIn;
import java.util.Arrays;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records who may do what: roles, partner staff, sign-in locks, and every sign-in attempt on an account. */
@Component
class AccessChanges {

    private final AuditTrail trail;

    AccessChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AccessEvents.RoleCreated e) {
        trail.inCompany(e.companyId(), "role.created", new AuditTrail.Target("role", e.roleId()), null,
                fields("name", e.name(), "permissions", permissionList(e.permissions())));
    }

    /** A custom role renamed or given other permissions: before and after, both whole. */
    @EventListener
    void on(AccessEvents.RoleUpdated e) {
        trail.inCompany(e.companyId(), "role.updated", new AuditTrail.Target("role", e.roleId()),
                fields("name", e.previousName(), "permissions", permissionList(e.previousPermissions())),
                fields("name", e.name(), "permissions", permissionList(e.permissions())));
    }

    /** A custom role deleted: what it was, and nothing after. */
    @EventListener
    void on(AccessEvents.RoleDeleted e) {
        trail.inCompany(e.companyId(), "role.deleted", new AuditTrail.Target("role", e.roleId()),
                fields("name", e.name(), "permissions", permissionList(e.permissions())), null);
    }

    private static java.util.List<String> permissionList(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? java.util.List.of()
                : Arrays.asList(spaceSeparated.split(" "));
    }

    @EventListener
    void on(AccessEvents.RoleGranted e) {
        trail.inCompany(e.companyId(), "role.granted", user(e.accountId()), null, fields("roleId", e.roleId()));
    }

    @EventListener
    void on(AccessEvents.RoleRevoked e) {
        trail.inCompany(e.companyId(), "role.revoked", user(e.accountId()), fields("roleId", e.roleId()), null);
    }

    @EventListener
    void on(AccessEvents.ScimSettingsChanged e) {
        trail.inCompany(e.companyId(), "scim_settings.changed", new AuditTrail.Target("company", e.companyId().value()),
                fields("defaultRoleId", e.previousDefaultRoleId(), "inviteProvisioned", e.previousInvite()),
                fields("defaultRoleId", e.defaultRoleId(), "inviteProvisioned", e.invite()));
    }

    @EventListener
    void on(AccessEvents.ScimTokenCreated e) {
        trail.inCompany(e.companyId(), "scim_token.created", new AuditTrail.Target("scim_token", e.tokenId()), null, null);
    }

    @EventListener
    void on(AccessEvents.ScimTokenRevoked e) {
        trail.inCompany(e.companyId(), "scim_token.revoked", new AuditTrail.Target("scim_token", e.tokenId()), null, null);
    }

    @EventListener
    void on(AccessEvents.PartnerMemberAdded e) {
        trail.inPartner(e.partnerId(), null, "partner.member_added", user(e.accountId()), null,
                fields("userId", e.userId(), "role", e.role()));
    }

    @EventListener
    void on(AccessEvents.PartnerMemberRemoved e) {
        trail.inPartner(e.partnerId(), null, "partner.member_removed", user(e.accountId()),
                fields("userId", e.userId(), "role", e.role()), null);
    }

    /**
     * A refused change, filed where it was attempted: the company or partner space its path
     * names, else the platform's own log. The refused request is the target, named by its path.
     */
    @EventListener
    void on(AccessEvents.AccessDenied e) {
        var attempt = fields("operation", e.method() + " " + e.path(), "reason", e.reason());
        if (e.suppressedBefore() > 0) {
            attempt.put("suppressedBefore", e.suppressedBefore());
        }
        AuditTrail.Target target = targetOf(e);
        if (e.companyId() != null) {
            trail.inCompany(new io.roster.shared.CompanyId(e.companyId()), "access.denied", target, null, attempt);
        } else if (e.partnerId() != null) {
            trail.inPartner(new io.roster.shared.PartnerId(e.partnerId()), null, "access.denied", target, null, attempt);
        } else {
            trail.as(trail.actors().current(), null, null, "access.denied", target, null, attempt, null);
        }
    }

    private static AuditTrail.Target targetOf(AccessEvents.AccessDenied e) {
        var user = java.util.regex.Pattern.compile("/users/([^/]{1,36})").matcher(e.path());
        if (user.find()) {
            return user(user.group(1));
        }
        return e.companyId() != null ? new AuditTrail.Target("company", e.companyId())
                : e.partnerId() != null ? new AuditTrail.Target("partner", e.partnerId())
                : new AuditTrail.Target("platform", null);
    }

    @EventListener
    void on(AccessEvents.SignInLockCleared e) {
        trail.inCompany(e.companyId(), "user.sign_in_lock_cleared", user(e.accountId()),
                fields("failures", e.failures(), "lockedUntil", e.lockedUntil() == null ? null : e.lockedUntil().toString()),
                null);
    }

    /**
     * A sign-in is filed under the account's home (company or partner space). A success is the
     * account acting; a failure is anonymous, since the account was not proven, and names the
     * account as its target. Attempts on a login that matches no account stay in the sign-in
     * record only: they belong to no tenant, and the login typed might be a mistyped password.
     */
    @EventListener
    void on(SignIn.SignInAttempted e) {
        if (e.accountId() == null || "SECOND_FACTOR_DUE".equals(e.outcome())) {
            // the password alone does not sign in an account with a second factor: its second step is recorded
            return;
        }
        Actors.Actor actor = e.succeeded()
                ? new Actors.Actor(e.accountId(), e.userId(), Actors.kindOf(e.operator(), e.homePartnerId()))
                : new Actors.Actor(null, null, ActorKind.ANONYMOUS);
        trail.as(actor, e.homeCompanyId(), e.homePartnerId(), e.succeeded() ? "sign_in.succeeded" : "sign_in.failed",
                user(e.accountId()), null,
                fields("userId", e.userId(), "channel", e.channel(), "outcome", e.outcome(), "method", e.method()),
                e.clientAddress());
    }
}
