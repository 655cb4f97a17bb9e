package io.roster.webhooks;

import java.time.Instant;
import java.util.List;

/** A registered endpoint as shown to its owner: never its secret. */
public record WebhookEndpoint(String id, String companyId, String url, List<String> events, boolean enabled,
        long version, Instant createdAt) {
}
