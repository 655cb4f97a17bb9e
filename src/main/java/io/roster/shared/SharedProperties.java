package io.roster.shared;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings several modules read alike ({@code roster.metrics.cache}, {@code roster.retention.interval},
 * {@code roster.retention.first-run}). The purge schedule is read by the {@code @Scheduled} methods
 * of each module's {@link Retention} through its placeholder; it is bound here so that a bad value
 * stops the start with a clear message.
 */
@ConfigurationProperties("roster")
public record SharedProperties(@DefaultValue Metrics metrics, @DefaultValue Purges retention) {

    /** @param cache how long a metric read from the database is kept before the next scrape reads it again */
    public record Metrics(@DefaultValue("PT10S") Duration cache) {
        public Metrics {
            Settings.notNegative(cache, "roster.metrics.cache");
        }
    }

    /**
     * @param interval how often each node runs the purges ({@code ROSTER_RETENTION_INTERVAL})
     * @param firstRun how long after start the first purge runs
     */
    public record Purges(@DefaultValue("PT1H") Duration interval, @DefaultValue("PT2M") Duration firstRun) {
        public Purges {
            Settings.positive(interval, "roster.retention.interval (ROSTER_RETENTION_INTERVAL)");
            Settings.notNegative(firstRun, "roster.retention.first-run");
        }
    }
}
