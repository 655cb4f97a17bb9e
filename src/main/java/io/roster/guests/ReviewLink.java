package io.roster.guests;

import java.time.Instant;

/** One guest's keep-or-remove link in a review mail; {@code usedAt} and {@code decision} once answered. */
public record ReviewLink(String id, String companyId, String workspaceId, String guestAccountId,
        String reviewerAccountId, String period, Instant expiresAt, Instant usedAt, Decision decision) {

    /** Whether it can still be answered at {@code now}. */
    public boolean usable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
