package io.roster.audit;

import java.time.Instant;

/**
 * One recorded change. {@code beforeJson} and {@code afterJson} are JSON objects of the fields that
 * changed (either may be null: nothing before a creation, nothing after a deletion).
 * {@code actorUserId} is the actor's userId at the time, kept when the account is later deleted.
 */
public record AuditEntry(String id, Instant occurredAt, String companyId, String partnerId, String actorAccountId,
        String actorUserId, ActorKind actorKind, String action, String targetType, String targetId,
        String beforeJson, String afterJson, String clientAddress, String requestId) {
}
