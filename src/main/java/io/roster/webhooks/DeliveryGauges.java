package io.roster.webhooks;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.roster.shared.CachedReading;
import io.roster.shared.SharedProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far webhook delivery lags: deliveries waiting (PENDING, on every endpoint, enabled or not)
 * and the age of the oldest of them, the lag a receiver sees. Read from the database, which every
 * node shares, at most once per {@code roster.metrics.cache}; the age is computed at each scrape.
 * The attempts themselves are counted by the dispatcher ({@code roster.webhooks.deliveries}).
 */
@Component
class DeliveryGauges {

    private final JdbcClient jdbc;
    private final CachedReading<Queue> queue;

    DeliveryGauges(JdbcClient jdbc, MeterRegistry meters, SharedProperties shared) {
        this.jdbc = jdbc;
        this.queue = new CachedReading<>(shared.metrics().cache(), this::read);
        Gauge.builder("roster.webhooks.pending", queue, q -> q.get().pending())
                .description("Webhook deliveries waiting to be delivered or retried").register(meters);
        Gauge.builder("roster.webhooks.lag", queue, q -> q.get().oldestAgeSeconds()).baseUnit("seconds")
                .description("Age of the oldest webhook delivery still waiting (0 when none waits)").register(meters);
    }

    /** From the (status, next_attempt_at) index: PENDING rows only, which a healthy queue keeps few. */
    private Queue read() {
        return jdbc.sql("SELECT COUNT(*), MIN(created_at) FROM webhook_deliveries WHERE status = 'PENDING'")
                .query((rs, n) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new Queue(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                }).single();
    }

    private record Queue(long pending, Instant oldest) {
        double oldestAgeSeconds() {
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
        }
    }
}
