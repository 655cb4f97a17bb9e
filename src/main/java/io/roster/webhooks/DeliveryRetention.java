package io.roster.webhooks;

import io.roster.shared.BatchedPurge;
import io.roster.shared.Retention;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Deletes deliveries that were DELIVERED or FAILED longer ago than
 * {@code roster.webhooks.log-retention}: the outbox is a queue and a recent log, not an archive.
 * PENDING ones are never purged (a retry ends within {@code retry-for} anyway).
 */
@Component
class DeliveryRetention implements Retention {

    private final BatchedPurge purge;
    private final Duration keep;

    DeliveryRetention(BatchedPurge purge, WebhookProperties properties) {
        this.purge = purge;
        this.keep = properties.logRetention();
    }

    @Override
    public String purgedRows() {
        return "delivered or failed webhook deliveries older than " + keep;
    }

    @Override
    public int purge(Instant now) {
        return purge.delete("webhook_deliveries", "id", "status IN ('DELIVERED', 'FAILED') AND created_at < :cutoff",
                Map.of("cutoff", now.minus(keep).atOffset(ZoneOffset.UTC)));
    }
}
