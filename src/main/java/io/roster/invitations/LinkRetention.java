package io.roster.invitations;

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
 * Deletes links whose validity ended longer ago than {@code ROSTER_RETENTION_LINKS}, whatever
 * became of them (used, replaced, revoked or never used): a link can no longer be used once it
 * expired, so its row only answered "this link has expired" until then. Pending links that can
 * still be used are never deleted. Opened afterwards, a purged link is simply "not valid".
 */
@Component
class LinkRetention implements Retention {

    private static final Logger log = LoggerFactory.getLogger(LinkRetention.class);

    private final BatchedPurge purge;
    private final Duration keep;

    LinkRetention(BatchedPurge purge, InvitationProperties properties) {
        this.purge = purge;
        this.keep = properties.retention().links();
    }

    @Scheduled(fixedDelayString = "${roster.retention.interval:PT1H}", initialDelayString = "${roster.retention.first-run:PT2M}")
    void purgeOnSchedule() {
        int purged = purge(Instant.now());
        if (purged > 0) {
            log.info("Purged {} links expired for more than {}", purged, keep);
        }
    }

    @Override
    public int purge(Instant now) {
        return purge.delete("invitations", "id", "expires_at < :cutoff",
                Map.of("cutoff", now.minus(keep).atOffset(ZoneOffset.UTC)));
    }
}
