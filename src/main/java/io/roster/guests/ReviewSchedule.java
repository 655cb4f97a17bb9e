package io.roster.guests;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the month's reviews on every node ({@code ROSTER_GUEST_REVIEWS_CRON}, by default the first
 * of the month at 06:00 UTC); the period rows keep it to one mail per reviewer and month.
 */
@Component
class ReviewSchedule {

    private final GuestReviews reviews;

    ReviewSchedule(GuestReviews reviews) {
        this.reviews = reviews;
    }

    @Scheduled(cron = "${roster.guest-reviews.cron:0 0 6 1 * *}", zone = "UTC")
    void sendMonthly() {
        reviews.sendMonthly();
    }
}
