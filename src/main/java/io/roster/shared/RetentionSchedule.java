package io.roster.shared;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link Retention} on one schedule ({@code roster.retention.interval}, first
 * after {@code roster.retention.first-run}). Every node runs it: each purge deletes in small
 * batches that skip what another node is deleting ({@link BatchedPurge}). One purge failing (its
 * database busy, say) does not keep the others from running; it is tried again next time.
 */
@Component
class RetentionSchedule {

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final List<Retention> retentions;

    RetentionSchedule(List<Retention> retentions) {
        this.retentions = retentions;
    }

    @Scheduled(fixedDelayString = "${roster.retention.interval:PT1H}", initialDelayString = "${roster.retention.first-run:PT2M}")
    void purgeAll() {
        for (Retention retention : retentions) {
            try {
                int purged = retention.purge(Instant.now());
                if (purged > 0) {
                    log.info("Purged {} {}", purged, retention.purgedRows());
                }
            } catch (RuntimeException failed) {
                log.warn("Could not purge {}: will try again at the next run", retention.purgedRows(), failed);
            }
        }
    }
}
