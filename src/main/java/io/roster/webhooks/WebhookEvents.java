package io.roster.webhooks;

import java.util.List;

/**
 * What happened to webhook endpoints; the audit listens. {@code companyId} is null for the
 * platform's endpoints. Never carries a secret.
 */
public final class WebhookEvents {

    private WebhookEvents() {
    }

    public record EndpointRegistered(String companyId, String endpointId, String url, List<String> events,
            boolean enabled) {
    }

    public record EndpointUpdated(String companyId, String endpointId, String previousUrl, List<String> previousEvents,
            boolean previouslyEnabled, String url, List<String> events, boolean enabled) {
    }

    public record EndpointDeleted(String companyId, String endpointId, String url) {
    }

    /** The signing key was replaced; the previous one still signs until the overlap ends. */
    public record SigningKeyRotated(String companyId, String endpointId) {
    }

    public record DeliveryRequeued(String companyId, String endpointId, String deliveryId, String eventId,
            String eventType) {
    }
}
