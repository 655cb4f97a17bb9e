package io.roster.invitations;

import java.time.Instant;

/**
 * One mailed link and what it is for. {@code state} accounts for expiry. {@code newEmail} is set on
 * a link that cancels an email change: the address the change is to ({@code email} is the old one).
 * {@code endsAt}: on a workspace invitation, when the right it gives ends (null: never).
 */
public record Invitation(String id, InvitationKind kind, String accountId, String companyId, String workspaceId,
        String email, String right, String invitedBy, LinkState state, Instant createdAt, Instant expiresAt,
        Instant usedAt, String newEmail, Instant endsAt) {

    public boolean usable() {
        return state == LinkState.VALID;
    }
}
