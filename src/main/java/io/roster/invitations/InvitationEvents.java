package io.roster.invitations;

import io.roster.shared.CompanyId;
import java.time.Instant;

/** What happened to account-setup links. The audit listens to these; the link itself is never in them. */
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
}
