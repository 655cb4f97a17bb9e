package io.roster.webhooks;

import java.time.Instant;

/**
 * One line of an endpoint's delivery log: the event, the attempts so far, the last answer (status
 * code, how long it took, or the error), and when the next attempt is due while it is PENDING.
 */
public record WebhookDelivery(String id, String eventId, String eventType, String status, int attempts,
        Integer lastStatusCode, Integer lastDurationMs, String lastError, Instant nextAttemptAt, Instant createdAt,
        Instant deliveredAt) {
}
