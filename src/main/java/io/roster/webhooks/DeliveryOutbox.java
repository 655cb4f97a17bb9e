package io.roster.webhooks;

import io.roster.shared.Ids;
import io.roster.shared.TransactionMemo;
import io.roster.shared.WrittenAtCommit;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Files one delivery per matching enabled endpoint for an event, in the transaction of the change:
 * the rows are written just before it commits ({@link WrittenAtCommit}), so a rolled-back change
 * leaves none and a committed one always has them; inserting them last also makes the order of
 * their {@code seq} follow the order of the commits closely.
 */
@Component
class DeliveryOutbox {

    private final JsonMapper json;
    private final WrittenAtCommit<Filed> pending;
    /** The subscribers of a company, read once per transaction: a bulk import files many events. */
    private final TransactionMemo<String, List<Subscriber>> subscribers;

    private record Subscriber(String endpointId, List<String> events) {
    }

    DeliveryOutbox(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.json = json;
        // the bodies are rendered here, just before the commit: data read then is the resource as
        // the whole change left it
        this.pending = new WrittenAtCommit<>(events -> batch.batchUpdate(
                "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                rows(events)));
        this.subscribers = new TransactionMemo<>(companyId -> jdbc.sql("SELECT id, events FROM webhook_endpoints"
                        + " WHERE enabled = TRUE AND (company_id = ? OR company_id IS NULL) ORDER BY created_at, id")
                .param(companyId).query((rs, n) -> new Subscriber(rs.getString(1), List.of(rs.getString(2).split(","))))
                .list());
    }

    /**
     * The rows of the events written together; events that share a {@code dataKey} (the events of
     * one user in one change: created, granted, activated) read their {@code data} once.
     */
    private List<Object[]> rows(List<Filed> events) {
        Map<String, Optional<Map<String, Object>>> read = new HashMap<>();
        return events.stream().flatMap(event -> event.rows(json, read).stream()).toList();
    }

    /**
     * @param companyId the company the change belongs to: its endpoints and the platform's receive it
     * @param data the resource as the REST API shows it, without secrets or link tokens; read when
     *        the change commits, and only if an endpoint subscribes to the event
     */
    void file(WebhookEventType type, String companyId, Supplier<Map<String, Object>> data) {
        file(type, companyId, null, () -> Optional.of(data.get()), Map.of());
    }

    /**
     * @param dataKey names what {@code data} reads (the same key, the same resource): events
     *        written together with the same key share one reading, taken when they are written
     * @param data the resource, or empty when it is gone
     * @param otherwise the {@code data} of this event when the resource is gone
     */
    void file(WebhookEventType type, String companyId, String dataKey, Supplier<Optional<Map<String, Object>>> data,
            Map<String, Object> otherwise) {
        List<String> endpoints = subscribers.get(companyId).stream()
                .filter(subscriber -> subscriber.events().contains(type.code())).map(Subscriber::endpointId).toList();
        if (endpoints.isEmpty()) {
            return;
        }
        OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
        pending.add(new Filed(Ids.newId(), type, companyId, now, dataKey, data, otherwise, endpoints));
    }

    void file(WebhookEventType type, String companyId, Map<String, Object> data) {
        file(type, companyId, () -> data);
    }

    /** One event, filed for its endpoints; its body is rendered once, at the commit, for all of them. */
    private record Filed(String eventId, WebhookEventType type, String companyId, OffsetDateTime at,
            String dataKey, Supplier<Optional<Map<String, Object>>> data, Map<String, Object> otherwise,
            List<String> endpoints) {

        List<Object[]> rows(JsonMapper json, Map<String, Optional<Map<String, Object>>> read) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", eventId);
            payload.put("type", type.code());
            payload.put("occurredAt", at.toInstant().toString());
            payload.put("companyId", companyId);
            payload.put("data", (dataKey == null ? data.get() : read.computeIfAbsent(dataKey, key -> data.get()))
                    .orElse(otherwise));
            String body = json.writeValueAsString(payload);
            return endpoints.stream().map(endpoint -> new Object[] {Ids.newId(), endpoint, eventId, type.code(), body,
                    at, at}).toList();
        }
    }
}
