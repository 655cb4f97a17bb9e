package io.roster.audit;

import java.util.List;

/**
 * The actions the audit log records, grouped by what they act on: the console's action list
 * offers each group (its prefix, e.g. {@code user.}) and each action. A test keeps this list in
 * step with the actions the listeners write.
 */
public final class AuditActions {

    /** One group of actions: its prefix ({@code user.}) and its actions. */
    public record Group(String prefix, List<String> actions) {
    }

    public static final List<Group> GROUPS = List.of(
            new Group("user.", List.of("user.created", "user.edited", "user.activated", "user.activation_refused",
                    "user.deactivated", "user.deleted", "user.invited", "user.invitation_revoked",
                    "user.email_change_requested", "user.email_confirmed", "user.email_change_cancelled",
                    "user.names_changed", "user.password_changed", "user.preferences_changed",
                    "user.sign_in_lock_cleared", "user.external_id_changed")),
            new Group("role.", List.of("role.granted", "role.revoked", "role.created", "role.updated", "role.deleted")),
            new Group("workspace.", List.of("workspace.created", "workspace.right_granted", "workspace.right_changed",
                    "workspace.right_removed", "workspace.invitation_sent", "workspace.invitation_resent",
                    "workspace.invitation_revoked", "workspace.end_date_changed", "workspace.right_ended",
                    "workspace.guests_handed_over", "workspace.guest_kept", "workspace.guest_removed")),
            new Group("guest_review.", List.of("guest_review.sent")),
            new Group("licenses.", List.of("licenses.changed")),
            new Group("waitlist.", List.of("waitlist.setting_changed", "waitlist.joined", "waitlist.activated",
                    "waitlist.moved", "waitlist.removed")),
            new Group("company.", List.of("company.created")),
            new Group("partner_access.", List.of("partner_access.requested", "partner_access.accepted",
                    "partner_access.revoked", "partner_access.declined", "partner_access.expired")),
            new Group("scim_token.", List.of("scim_token.created", "scim_token.revoked")),
            new Group("scim_settings.", List.of("scim_settings.changed")),
            new Group("webhook.", List.of("webhook.created", "webhook.updated", "webhook.deleted", "webhook.key_rotated",
                    "webhook.redelivered", "webhook.disabled")),
            new Group("oidc.", List.of("oidc.sign_in", "oidc.refused")),
            new Group("access.", List.of("access.denied")),
            new Group("sign_in.", List.of("sign_in.succeeded", "sign_in.failed")),
            new Group("mfa.", List.of("mfa.enrolled", "mfa.removed", "mfa.recovery_codes_renewed", "mfa.reset",
                    "mfa.policy_changed")));

    private AuditActions() {
    }
}
