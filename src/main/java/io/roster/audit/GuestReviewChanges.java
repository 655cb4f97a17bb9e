package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;

import io.roster.guests.GuestReviewEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records the monthly guest reviews sent (docs/rules.md §8); the answers are workspace entries. */
@Component
class GuestReviewChanges {

    private final AuditTrail trail;

    GuestReviewChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(GuestReviewEvents.ReviewSent e) {
        trail.as(new Actors.Actor(null, null, ActorKind.SYSTEM), e.companyId().value(), null, "guest_review.sent",
                new AuditTrail.Target("user", e.reviewerAccountId()), null,
                fields("period", e.period(), "guests", e.guests()), null);
    }
}
