package io.roster.webhooks;

import io.roster.shared.Cursor;
import io.roster.shared.Ids;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery log of an endpoint, newest first, and redelivery of one of its events. */
@Service
public class DeliveryLog {

    private final JdbcClient jdbc;
    private final WebhookEndpoints endpoints;
    private final ApplicationEventPublisher events;

    DeliveryLog(JdbcClient jdbc, WebhookEndpoints endpoints, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Page<WebhookDelivery> of(WebhookScope scope, String endpointId, PageRequest page) {
        endpoints.find(scope, endpointId, false).orElseThrow(() -> WebhookEndpoints.unknown(endpointId));
        Cursor after = page.cursor() == null ? null : page.cursor().requireSort("-seq");
        var spec = jdbc.sql("SELECT id, event_id, event_type, status, attempts, last_status_code, last_duration_ms,"
                        + " last_error, next_attempt_at, created_at, delivered_at, seq FROM webhook_deliveries"
                        + " WHERE endpoint_id = :endpoint" + (after == null ? "" : " AND seq < :after")
                        + " ORDER BY seq DESC FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY")
                .param("endpoint", endpointId);
        if (after != null) {
            spec = spec.param("after", parseSeq(after.key()));
        }
        List<Row> rows = spec.query(DeliveryLog::row).list();
        return Page.fromLookahead(rows, page.limit(), last -> new Cursor("-seq", Long.toString(last.seq()),
                last.delivery().id())).map(Row::delivery);
    }

    /**
     * Sends an event of the log again: a new PENDING delivery with the same event id and body, at
     * the end of the endpoint's queue. One already PENDING answers 409: it will be sent anyway.
     */
    @Transactional
    public WebhookDelivery redeliver(WebhookScope scope, String endpointId, String deliveryId) {
        endpoints.find(scope, endpointId, true).orElseThrow(() -> WebhookEndpoints.unknown(endpointId));
        record Source(String eventId, String eventType, String payload, String status) {
        }
        Source source = jdbc.sql("SELECT event_id, event_type, payload, status FROM webhook_deliveries"
                        + " WHERE id = ? AND endpoint_id = ?")
                .params(deliveryId, endpointId)
                .query((rs, n) -> new Source(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> new Problems.NotFound("No delivery " + deliveryId + " of this endpoint").coded("NO_DELIVERY", deliveryId));
        if (source.status().equals("PENDING")) {
            throw new Problems.Conflict("delivery-pending", "This delivery is still pending: it will be attempted again");
        }
        String id = Ids.newId();
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, payload, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                .params(id, endpointId, source.eventId(), source.eventType(), source.payload(), now, now).update();
        events.publishEvent(new WebhookEvents.DeliveryRequeued(scope.companyIdOrNull(), endpointId, id,
                source.eventId(), source.eventType()));
        return jdbc.sql("SELECT id, event_id, event_type, status, attempts, last_status_code, last_duration_ms,"
                        + " last_error, next_attempt_at, created_at, delivered_at, seq FROM webhook_deliveries WHERE id = ?")
                .param(id).query(DeliveryLog::row).single().delivery();
    }

    private static long parseSeq(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw Problems.InvalidInput.of("cursor", "is not a cursor of this list");
        }
    }

    private record Row(WebhookDelivery delivery, long seq) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String status = rs.getString(4);
        return new Row(new WebhookDelivery(rs.getString(1), rs.getString(2), rs.getString(3), status, rs.getInt(5),
                (Integer) rs.getObject(6, Integer.class), (Integer) rs.getObject(7, Integer.class), rs.getString(8),
                status.equals("PENDING") ? instant(rs, 9) : null, instant(rs, 10), instant(rs, 11)), rs.getLong(12));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
