package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.webhooks.DeliveryLog;
import io.roster.webhooks.RegisteredEndpoint;
import io.roster.webhooks.WebhookDelivery;
import io.roster.webhooks.WebhookEndpoint;
import io.roster.webhooks.WebhookEndpoints;
import io.roster.webhooks.WebhookScope;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook endpoints of a company (under {@code /api/v1/companies/{companyId}/webhooks}) and of the
 * whole platform (under {@code /api/v1/webhooks}, the operator only). A company's endpoints need
 * every company permission, the administrator's set: they send out the company's people, roles and
 * licenses, so whoever registers one must already be able to see and manage all of it. The signing
 * secret is in the answer of the creation and of a rotation only.
 */
@RestController
class WebhooksController {

    private static final String COMPANY = "/api/v1/companies/{companyId}/webhooks";
    private static final String PLATFORM = "/api/v1/webhooks";

    private final Guard guard;
    private final WebhookEndpoints endpoints;
    private final DeliveryLog deliveries;

    WebhooksController(Guard guard, WebhookEndpoints endpoints, DeliveryLog deliveries) {
        this.guard = guard;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    record EndpointRequest(String url, List<String> events, Boolean enabled) {
    }

    /** {@code disabledAt}: when Roster disabled it for failing too long (null otherwise). */
    record EndpointView(String id, String url, List<String> events, boolean enabled, Instant createdAt,
            Instant disabledAt) {
        static EndpointView of(WebhookEndpoint endpoint) {
            return new EndpointView(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.enabled(),
                    endpoint.createdAt(), endpoint.disabledAt());
        }
    }

    /** The only view that carries the secret: the answer to a creation or a rotation. */
    record EndpointWithSecret(String id, String url, List<String> events, boolean enabled, Instant createdAt,
            String secret) {
        static EndpointWithSecret of(RegisteredEndpoint registered) {
            WebhookEndpoint endpoint = registered.endpoint();
            return new EndpointWithSecret(endpoint.id(), endpoint.url(), endpoint.events(), endpoint.enabled(),
                    endpoint.createdAt(), registered.secret());
        }

        @Override
        public String toString() {
            return "EndpointWithSecret[" + id + ", secret=(hidden)]";
        }
    }

    // --- a company's endpoints

    @GetMapping(COMPANY)
    Page<EndpointView> list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        return list(company(caller, companyId));
    }

    @PostMapping(COMPANY)
    ResponseEntity<EndpointWithSecret> create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestBody EndpointRequest request) {
        return create(company(caller, companyId), "/api/v1/companies/" + companyId + "/webhooks/", request);
    }

    @GetMapping(COMPANY + "/{id}")
    EndpointView get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id) {
        return EndpointView.of(endpoints.get(company(caller, companyId), id));
    }

    @PatchMapping(COMPANY + "/{id}")
    EndpointView update(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestBody EndpointRequest request) {
        return update(company(caller, companyId), id, request);
    }

    @DeleteMapping(COMPANY + "/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        endpoints.delete(company(caller, companyId), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(COMPANY + "/{id}/rotate-secret")
    EndpointWithSecret rotate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        return EndpointWithSecret.of(endpoints.rotateSecret(company(caller, companyId), id));
    }

    @GetMapping(COMPANY + "/{id}/deliveries")
    Page<WebhookDelivery> deliveries(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return deliveries.of(company(caller, companyId), id, PageRequest.of(limit, cursor));
    }

    @PostMapping(COMPANY + "/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<WebhookDelivery> redeliver(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id, @PathVariable String deliveryId) {
        return ResponseEntity.accepted().body(deliveries.redeliver(company(caller, companyId), id, deliveryId));
    }

    // --- the platform's endpoints (the operator)

    @GetMapping(PLATFORM)
    Page<EndpointView> listPlatform(@AuthenticationPrincipal Caller caller) {
        return list(platform(caller));
    }

    @PostMapping(PLATFORM)
    ResponseEntity<EndpointWithSecret> createPlatform(@AuthenticationPrincipal Caller caller,
            @RequestBody EndpointRequest request) {
        return create(platform(caller), PLATFORM + "/", request);
    }

    @GetMapping(PLATFORM + "/{id}")
    EndpointView getPlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return EndpointView.of(endpoints.get(platform(caller), id));
    }

    @PatchMapping(PLATFORM + "/{id}")
    EndpointView updatePlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestBody EndpointRequest request) {
        return update(platform(caller), id, request);
    }

    @DeleteMapping(PLATFORM + "/{id}")
    ResponseEntity<Void> deletePlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        endpoints.delete(platform(caller), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(PLATFORM + "/{id}/rotate-secret")
    EndpointWithSecret rotatePlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        return EndpointWithSecret.of(endpoints.rotateSecret(platform(caller), id));
    }

    @GetMapping(PLATFORM + "/{id}/deliveries")
    Page<WebhookDelivery> deliveriesPlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return deliveries.of(platform(caller), id, PageRequest.of(limit, cursor));
    }

    @PostMapping(PLATFORM + "/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<WebhookDelivery> redeliverPlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @PathVariable String deliveryId) {
        return ResponseEntity.accepted().body(deliveries.redeliver(platform(caller), id, deliveryId));
    }

    // --- shared

    /** Every company permission, checked in order: no standing answers 404, a missing one 403 naming it. */
    private WebhookScope company(Caller caller, String companyId) {
        CompanyId company = new CompanyId(companyId);
        for (Permission permission : Permission.values()) {
            guard.requireCompany(caller, company, permission);
        }
        return WebhookScope.of(company);
    }

    private WebhookScope platform(Caller caller) {
        guard.requireOperator(caller);
        return WebhookScope.platform();
    }

    private Page<EndpointView> list(WebhookScope scope) {
        return new Page<>(endpoints.list(scope).stream().map(EndpointView::of).toList(), null);
    }

    private ResponseEntity<EndpointWithSecret> create(WebhookScope scope, String base, EndpointRequest request) {
        EndpointRequest body = request == null ? new EndpointRequest(null, null, null) : request;
        RegisteredEndpoint registered = endpoints.register(scope, body.url(), body.events(), body.enabled());
        return Responses.created(base + registered.endpoint().id(), registered.endpoint().version(),
                EndpointWithSecret.of(registered));
    }

    private EndpointView update(WebhookScope scope, String id, EndpointRequest request) {
        EndpointRequest body = request == null ? new EndpointRequest(null, null, null) : request;
        return EndpointView.of(endpoints.update(scope, id, body.url(), body.events(), body.enabled()));
    }
}
