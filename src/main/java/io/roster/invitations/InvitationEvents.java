package io.roster.invitations;

import io.roster.shared.CompanyId;
import java.time.Instant;

/** What happened to mailed links. The audit listens to these; the link itself is never in them. */
public final class InvitationEvents {

    private InvitationEvents() {
    }

    /** A setup link was mailed (at activation, or resent by an administrator); an earlier one died. */
    public record AccountSetupSent(CompanyId companyId, String accountId, String invitationId, String email,
            Instant expiresAt) {
    }

    /** An administrator withdrew the pending setup link. */
    public record AccountSetupRevoked(CompanyId companyId, String accountId, String invitationId) {
    }

    /** A workspace invitation was mailed (new, or resent: then the earlier link died). */
    public record WorkspaceInvitationSent(CompanyId companyId, String workspaceId, String invitationId, String email,
            String right, Instant expiresAt, boolean resent) {
    }

    /** A workspace manager withdrew a pending workspace invitation. */
    public record WorkspaceInvitationRevoked(CompanyId companyId, String workspaceId, String invitationId,
            String email) {
    }
}
