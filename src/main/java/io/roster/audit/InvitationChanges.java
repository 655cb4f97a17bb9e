package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;
import static io.roster.audit.UserChanges.user;

import io.roster.invitations.InvitationEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records account-setup links mailed and withdrawn (never the link). */
@Component
class InvitationChanges {

    private final AuditTrail trail;

    InvitationChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(InvitationEvents.AccountSetupSent e) {
        trail.inCompany(e.companyId(), "user.invited", user(e.accountId()), null,
                fields("invitationId", e.invitationId(), "email", e.email(), "expiresAt", e.expiresAt().toString()));
    }

    @EventListener
    void on(InvitationEvents.AccountSetupRevoked e) {
        trail.inCompany(e.companyId(), "user.invitation_revoked", user(e.accountId()),
                fields("invitationId", e.invitationId()), null);
    }

    @EventListener
    void on(InvitationEvents.WorkspaceInvitationSent e) {
        trail.inCompany(e.companyId(), e.resent() ? "workspace.invitation_resent" : "workspace.invitation_sent",
                new AuditTrail.Target("workspace", e.workspaceId()), null,
                fields("invitationId", e.invitationId(), "email", e.email(), "right", e.right(),
                        "expiresAt", e.expiresAt().toString()));
    }

    @EventListener
    void on(InvitationEvents.WorkspaceInvitationRevoked e) {
        trail.inCompany(e.companyId(), "workspace.invitation_revoked", new AuditTrail.Target("workspace", e.workspaceId()),
                fields("invitationId", e.invitationId(), "email", e.email()), null);
    }
}
