package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;

import io.roster.shared.CompanyId;
import io.roster.webhooks.WebhookEvents.DeliveryRequeued;
import io.roster.webhooks.WebhookEvents.EndpointDeleted;
import io.roster.webhooks.WebhookEvents.EndpointDisabled;
import io.roster.webhooks.WebhookEvents.EndpointRegistered;
import io.roster.webhooks.WebhookEvents.EndpointUpdated;
import io.roster.webhooks.WebhookEvents.SigningKeyRotated;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every change to webhook endpoints: in the company's log for a company's endpoint, as a
 * platform entry (no company) for the operator's. The signing key is never recorded, only that it
 * was rotated.
 */
@Component
class WebhookChanges {

    private final AuditTrail trail;

    WebhookChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(EndpointRegistered e) {
        write(e.companyId(), "webhook.created", e.endpointId(), null,
                fields("url", e.url(), "events", String.join(",", e.events()), "enabled", e.enabled()));
    }

    @EventListener
    void on(EndpointUpdated e) {
        write(e.companyId(), "webhook.updated", e.endpointId(),
                fields("url", e.previousUrl(), "events", String.join(",", e.previousEvents()), "enabled",
                        e.previouslyEnabled()),
                fields("url", e.url(), "events", String.join(",", e.events()), "enabled", e.enabled()));
    }

    @EventListener
    void on(EndpointDeleted e) {
        write(e.companyId(), "webhook.deleted", e.endpointId(), fields("url", e.url()), null);
    }

    @EventListener
    void on(SigningKeyRotated e) {
        write(e.companyId(), "webhook.key_rotated", e.endpointId(), null, null);
    }

    /** Written by the dispatcher, outside any request: the actor is SYSTEM. */
    @EventListener
    void on(EndpointDisabled e) {
        trail.as(new Actors.Actor(null, null, ActorKind.SYSTEM), e.companyId(), null, "webhook.disabled",
                new AuditTrail.Target("webhook", e.endpointId()), fields("enabled", true),
                fields("enabled", false, "failingSince", e.failingSince().toString()), null);
    }

    @EventListener
    void on(DeliveryRequeued e) {
        write(e.companyId(), "webhook.redelivered", e.endpointId(), null,
                fields("deliveryId", e.deliveryId(), "eventId", e.eventId(), "eventType", e.eventType()));
    }

    private void write(String companyId, String action, String endpointId, Map<String, Object> before,
            Map<String, Object> after) {
        AuditTrail.Target target = new AuditTrail.Target("webhook", endpointId);
        if (companyId != null) {
            trail.inCompany(new CompanyId(companyId), action, target, before, after);
        } else {
            trail.as(trail.actors().current(), null, null, action, target, before, after, null);
        }
    }
}
