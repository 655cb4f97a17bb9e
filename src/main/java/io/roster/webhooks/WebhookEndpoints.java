package io.roster.webhooks;

import io.roster.shared.FieldErrors;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, changes and removes webhook endpoints of one scope (a company, or the platform).
 * Callers authorize first; every query is bounded to the scope, so another company's endpoint reads
 * as unknown. The signing secret leaves this class only in a {@link RegisteredEndpoint}, once.
 */
@Service
public class WebhookEndpoints {

    private final JdbcClient jdbc;
    private final UrlPolicy urls;
    private final ApplicationEventPublisher events;
    private final WebhookProperties properties;
    private final SigningSecretVault vault;

    WebhookEndpoints(JdbcClient jdbc, UrlPolicy urls, ApplicationEventPublisher events, WebhookProperties properties,
            SigningSecretVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.urls = urls;
        this.events = events;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> list(WebhookScope scope) {
        return jdbc.sql("SELECT id, company_id, url, events, enabled, version, created_at, disabled_at FROM webhook_endpoints WHERE "
                        + scopeCondition(scope) + " ORDER BY created_at, id")
                .params(scopeParams(scope)).query(WebhookEndpoints::endpoint).list();
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint get(WebhookScope scope, String id) {
        return find(scope, id, false).orElseThrow(() -> unknown(id));
    }

    /** @param events wire names of {@link WebhookEventType}; at least one */
    @Transactional
    public RegisteredEndpoint register(WebhookScope scope, String url, List<String> events, Boolean enabled) {
        FieldErrors errors = new FieldErrors();
        urls.refusal(url).ifPresent(message -> errors.add("url", message));
        List<String> types = checkedTypes(events, errors);
        errors.throwIfAny();
        String id = Ids.newId();
        String secret = Signatures.newSecret();
        boolean on = enabled == null || enabled;
        jdbc.sql("INSERT INTO webhook_endpoints (id, company_id, url, events, enabled, secret, version, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 0, ?)")
                .params(id, scope.companyIdOrNull(), url, String.join(",", types), on, vault.seal(id, secret), now())
                .update();
        this.events.publishEvent(new WebhookEvents.EndpointRegistered(scope.companyIdOrNull(), id, url, types, on));
        return new RegisteredEndpoint(get(scope, id), secret);
    }

    /** Changes what is given (null: kept). */
    @Transactional
    public WebhookEndpoint update(WebhookScope scope, String id, String url, List<String> events, Boolean enabled) {
        WebhookEndpoint before = find(scope, id, true).orElseThrow(() -> unknown(id));
        FieldErrors errors = new FieldErrors();
        if (url != null) {
            urls.refusal(url).ifPresent(message -> errors.add("url", message));
        }
        List<String> types = events == null ? before.events() : checkedTypes(events, errors);
        errors.throwIfAny();
        String newUrl = url == null ? before.url() : url;
        boolean on = enabled == null ? before.enabled() : enabled;
        if (newUrl.equals(before.url()) && types.equals(before.events()) && on == before.enabled()) {
            return before;
        }
        // enabled again: its failures so far no longer count towards disabling it
        String reenabled = on && !before.enabled() ? ", failing_since = NULL, disabled_at = NULL" : "";
        jdbc.sql("UPDATE webhook_endpoints SET url = ?, events = ?, enabled = ?, version = version + 1" + reenabled
                        + " WHERE id = ?")
                .params(newUrl, String.join(",", types), on, id).update();
        this.events.publishEvent(new WebhookEvents.EndpointUpdated(scope.companyIdOrNull(), id, before.url(),
                before.events(), before.enabled(), newUrl, types, on));
        return get(scope, id);
    }

    /** Removes the endpoint with its delivery log; what was still pending is not delivered. */
    @Transactional
    public void delete(WebhookScope scope, String id) {
        WebhookEndpoint before = find(scope, id, true).orElseThrow(() -> unknown(id));
        jdbc.sql("DELETE FROM webhook_deliveries WHERE endpoint_id = ?").param(id).update();
        jdbc.sql("DELETE FROM webhook_endpoints WHERE id = ?").param(id).update();
        events.publishEvent(new WebhookEvents.EndpointDeleted(scope.companyIdOrNull(), id, before.url()));
    }

    /**
     * Replaces the signing secret. The current one becomes the previous one and keeps signing
     * (deliveries carry both signatures) until the overlap ends, so receivers can switch keys
     * without missing a delivery.
     */
    @Transactional
    public RegisteredEndpoint rotateSecret(WebhookScope scope, String id) {
        find(scope, id, true).orElseThrow(() -> unknown(id));
        String secret = Signatures.newSecret();
        jdbc.sql("UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = ?, secret = ?,"
                        + " version = version + 1 WHERE id = ?")
                .params(now().plus(properties.secretOverlap()), vault.seal(id, secret), id).update();
        events.publishEvent(new WebhookEvents.SigningKeyRotated(scope.companyIdOrNull(), id));
        return new RegisteredEndpoint(get(scope, id), secret);
    }

    /** How long the previous secret still signs after a rotation ({@code roster.webhooks.secret-overlap}). */
    public Duration secretOverlap() {
        return properties.secretOverlap();
    }

    Optional<WebhookEndpoint> find(WebhookScope scope, String id, boolean forUpdate) {
        return jdbc.sql("SELECT id, company_id, url, events, enabled, version, created_at, disabled_at FROM webhook_endpoints"
                        + " WHERE id = ? AND " + scopeCondition(scope) + (forUpdate ? " FOR UPDATE" : ""))
                .params(concat(id, scopeParams(scope))).query(WebhookEndpoints::endpoint).optional();
    }

    private static List<String> checkedTypes(List<String> events, FieldErrors errors) {
        if (events == null || events.isEmpty()) {
            errors.add("events", "must list at least one event, among " + allCodes());
            return List.of();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (String event : events) {
            if (event == null || WebhookEventType.byCode(event).isEmpty()) {
                errors.add("events", "'" + event + "' is not an event; use " + allCodes());
            } else {
                types.add(event);
            }
        }
        return List.copyOf(types);
    }

    private static String allCodes() {
        return String.join(", ", Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList());
    }

    static String scopeCondition(WebhookScope scope) {
        return scope.isPlatform() ? "company_id IS NULL" : "company_id = ?";
    }

    static List<Object> scopeParams(WebhookScope scope) {
        return scope.isPlatform() ? List.of() : List.of(scope.company().value());
    }

    private static List<Object> concat(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static Problems.NotFound unknown(String id) {
        return new Problems.NotFound("No webhook endpoint " + id).coded("NO_WEBHOOK", id);
    }

    private static WebhookEndpoint endpoint(ResultSet rs, int n) throws SQLException {
        return new WebhookEndpoint(rs.getString(1), rs.getString(2), rs.getString(3),
                List.of(rs.getString(4).split(",")), rs.getBoolean(5), rs.getLong(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(), instant(rs.getObject(8, OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }
}
