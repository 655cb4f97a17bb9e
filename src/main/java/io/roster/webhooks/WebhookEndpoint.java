package io.roster.webhooks;

import java.time.Instant;
import java.util.List;

/**
 * A registered endpoint as shown to its owner: never its secret. {@code disabledAt} is set when
 * Roster disabled it after failing for {@code roster.webhooks.disable-after}, until it is enabled again.
 */
public record WebhookEndpoint(String id, String companyId, String url, List<String> events, boolean enabled,
        long version, Instant createdAt, Instant disabledAt) {
}
