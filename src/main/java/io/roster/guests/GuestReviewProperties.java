package io.roster.guests;

import io.roster.shared.Settings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the monthly guest reviews ({@code roster.guest-reviews.*}).
 *
 * @param cron when the month's reviews are sent (read by {@link ReviewSchedule}'s {@code @Scheduled})
 * @param linkLifetime how long a keep/remove link of a review mail works
 */
@ConfigurationProperties("roster.guest-reviews")
record GuestReviewProperties(@DefaultValue("0 0 6 1 * *") String cron, @DefaultValue("P14D") Duration linkLifetime) {

    GuestReviewProperties {
        Settings.positive(linkLifetime, "roster.guest-reviews.link-lifetime (ROSTER_GUEST_REVIEWS_LINK_LIFETIME)");
    }
}
