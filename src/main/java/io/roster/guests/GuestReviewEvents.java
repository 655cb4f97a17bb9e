package io.roster.guests;

import io.roster.shared.CompanyId;

/** What happened to guest reviews. The audit listens; the links themselves are never in them. */
public final class GuestReviewEvents {

    private GuestReviewEvents() {
    }

    /** A reviewer's monthly review mail was queued, listing {@code guests} guests. */
    public record ReviewSent(CompanyId companyId, String reviewerAccountId, String period, int guests) {
    }
}
