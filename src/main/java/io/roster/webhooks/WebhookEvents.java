package io.roster.webhooks;

import java.time.Instant;
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

    /**
     * Roster disabled the endpoint: every attempt failed since {@code failingSince}, longer than
     * {@code roster.webhooks.disable-after}. Happens outside any request, so the actor is the system.
     */
    public record EndpointDisabled(String companyId, String endpointId, String url, Instant failingSince) {
    }

    public record DeliveryRequeued(String companyId, String endpointId, String deliveryId, String eventId,
            String eventType) {
    }
}
