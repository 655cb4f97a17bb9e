package io.roster.access;

import io.roster.shared.BatchedPurge;
import io.roster.shared.Retention;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges the sign-in records of this module: events older than {@code ROSTER_RETENTION_SIGN_IN_EVENTS}
 * (what the audit log needed of them it filed when they happened, and keeps) and throttle rows past
 * their window.
 */
@Component
class SignInRetention implements Retention {

    private static final Logger log = LoggerFactory.getLogger(SignInRetention.class);

    private final BatchedPurge purge;
    private final SignInThrottle throttle;
    private final Duration keepEvents;

    SignInRetention(BatchedPurge purge, SignInThrottle throttle,
            AccessProperties properties) {
        this.purge = purge;
        this.throttle = throttle;
        this.keepEvents = properties.retention().signInEvents();
    }

    @Scheduled(fixedDelayString = "${roster.retention.interval:PT1H}", initialDelayString = "${roster.retention.first-run:PT2M}")
    void purgeOnSchedule() {
        int purged = purge(Instant.now());
        if (purged > 0) {
            log.info("Purged {} sign-in events older than {} and throttle rows past their window", purged, keepEvents);
        }
    }

    @Override
    public int purge(Instant now) {
        int events = purge.delete("sign_in_events", "id", "occurred_at < :cutoff",
                Map.of("cutoff", now.minus(keepEvents).atOffset(ZoneOffset.UTC)));
        return events + throttle.purgeStale(now, purge);
    }
}
