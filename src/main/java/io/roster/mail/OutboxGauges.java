package io.roster.mail;

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
 * How far delivery lags: mails waiting, the age of the oldest one, and dead mails. Read from the
 * database (every node sees the same outbox) at most once per cache period, however often and by
 * however many collectors it is scraped; the age is computed at each scrape from the cached time.
 */
@Component
class OutboxGauges {

    private final JdbcClient jdbc;
    private final CachedReading<Depth> depth;

    OutboxGauges(JdbcClient jdbc, MeterRegistry meters, SharedProperties shared) {
        this.jdbc = jdbc;
        this.depth = new CachedReading<>(shared.metrics().cache(), this::read);
        Gauge.builder("roster.mail.outbox.depth", depth, d -> d.get().pending())
                .description("Mails waiting in the outbox").register(meters);
        Gauge.builder("roster.mail.outbox.oldest.age", depth, d -> d.get().oldestAgeSeconds())
                .baseUnit("seconds").description("Age of the oldest mail waiting in the outbox").register(meters);
        Gauge.builder("roster.mail.outbox.dead", depth, d -> d.get().dead())
                .description("Mails that gave up after their last attempt (until purged)").register(meters);
    }

    /** Both counts come from the (status, created_at) index. */
    private Depth read() {
        record Row(String status, long count, OffsetDateTime oldest) {
        }
        var rows = jdbc.sql("SELECT status, COUNT(*), MIN(created_at) FROM mail_outbox WHERE status IN ('PENDING', 'DEAD')"
                        + " GROUP BY status")
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class))).list();
        Row pending = rows.stream().filter(r -> r.status().equals("PENDING")).findFirst().orElse(null);
        long dead = rows.stream().filter(r -> r.status().equals("DEAD")).mapToLong(Row::count).sum();
        return new Depth(pending == null ? 0 : pending.count(), pending == null ? null : pending.oldest().toInstant(), dead);
    }

    private record Depth(long pending, Instant oldest, long dead) {
        double oldestAgeSeconds() {
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
        }
    }
}
