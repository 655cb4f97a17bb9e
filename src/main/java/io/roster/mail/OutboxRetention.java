package io.roster.mail;

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
 * Deletes mails that left (SENT) or gave up (DEAD) longer ago than {@code ROSTER_RETENTION_MAIL}:
 * the outbox is a queue, not an archive. Pending mails are never purged, whatever their age.
 */
@Component
class OutboxRetention implements Retention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final BatchedPurge purge;
    private final Duration keep;

    OutboxRetention(BatchedPurge purge, MailProperties properties) {
        this.purge = purge;
        this.keep = properties.retention().mail();
    }

    @Scheduled(fixedDelayString = "${roster.retention.interval:PT1H}", initialDelayString = "${roster.retention.first-run:PT2M}")
    void purgeOnSchedule() {
        int purged = purge(Instant.now());
        if (purged > 0) {
            log.info("Purged {} delivered or dead mails older than {}", purged, keep);
        }
    }

    /**
     * A mail is sent after it was written, so {@code created_at} bounds {@code sent_at} from below:
     * the range on {@code (status, created_at)} finds the candidates, {@code sent_at} decides.
     */
    @Override
    public int purge(Instant now) {
        var cutoff = now.minus(keep).atOffset(ZoneOffset.UTC);
        return purge.delete("mail_outbox", "id", "status IN ('SENT', 'DEAD') AND created_at < :cutoff"
                + " AND (sent_at IS NULL OR sent_at < :cutoff)", Map.of("cutoff", cutoff));
    }
}
