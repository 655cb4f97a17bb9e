package io.roster.invitations;

import java.time.Instant;

/** One mailed link and what it is for. {@code state} accounts for expiry. */
public record Invitation(String id, InvitationKind kind, String accountId, String companyId, String workspaceId,
        String email, String right, String invitedBy, LinkState state, Instant createdAt, Instant expiresAt,
        Instant usedAt) {

    public boolean usable() {
        return state == LinkState.VALID;
    }
}
