package io.roster.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts due deliveries to their endpoints, on every node. A round claims, in a short transaction,
 * the oldest PENDING delivery of each endpoint that is due ({@code FOR UPDATE SKIP LOCKED}, so
 * nodes never claim the same row, and a lease, so a node that dies mid-send only delays it); only
 * that head of an endpoint's queue may be in flight, so each endpoint receives its events in the
 * order they were filed. It posts outside any transaction, signed, with connect and read timeouts
 * and no redirects followed, then records DELIVERED (a 2xx), or a retry after a growing delay, or
 * FAILED once the event is older than {@code roster.webhooks.retry-for}; the next one then goes.
 * At shutdown it stops between two posts and gives back what it claimed and did not post.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;
    /** Deliveries claimed behind each endpoint's head in one round (see {@link #followers}). */
    private static final int FOLLOWERS = 9;
    /**
     * How long one call starts new rounds while work is due. One endpoint's backlog moves at most
     * {@code 1 + FOLLOWERS} deliveries per round (its head and the rows right behind it), so a fixed
     * number of rounds would cap it per poll interval; a time bound lets fast receivers drain, and still gives the
     * scheduler back within about a second plus one batch: fixed-delay tasks (the mail dispatcher's
     * too) share its single thread.
     */
    private static final Duration ROUNDS_FOR = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UrlPolicy urls;
    private final SigningSecretVault vault;
    private final FailingEndpoints failing;
    private final WebhookProperties properties;
    private final PinnedPost http;
    private final Duration worstSend;
    private final Duration lease;
    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private volatile boolean running;
    private final Map<String, OpenedSecret> opened = new ConcurrentHashMap<>();
    private static final int MAX_OPENED = 10_000;

    WebhookDispatcher(JdbcClient jdbc, TransactionTemplate tx, UrlPolicy urls, SigningSecretVault vault,
            FailingEndpoints failing, WebhookProperties properties, MeterRegistry meters) {
        this.vault = vault;
        this.failing = failing;
        this.jdbc = jdbc;
        this.tx = tx;
        this.urls = urls;
        this.properties = properties;
        this.http = new PinnedPost(properties.connectTimeout(), properties.readTimeout());
        // a send starts only while its lease still has a whole worst-case send left, so no other
        // node claims a delivery still being sent (the same rule as the mail dispatcher)
        this.worstSend = properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(1);
        this.lease = worstSend.multipliedBy(2).plusSeconds(5);
        this.delivered = deliveries(meters, "delivered");
        this.retried = deliveries(meters, "retry");
        this.failed = deliveries(meters, "failed");
    }

    private static Counter deliveries(MeterRegistry meters, String outcome) {
        return Counter.builder("roster.webhooks.deliveries").tag("outcome", outcome)
                .description("Delivery attempts of webhook events by outcome").register(meters);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Stops before the next post; the post under way ends within its timeouts. */
    @Override
    public void stop() {
        running = false;
        http.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Scheduled(fixedDelayString = "${roster.webhooks.poll-interval:PT1S}",
            initialDelayString = "${roster.webhooks.poll-interval:PT1S}")
    void deliverDue() {
        long until = System.nanoTime() + ROUNDS_FOR.toNanos();
        try {
            while (running && System.nanoTime() < until) {
                if (deliverOneBatch() == 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Webhook round stopped: {}", e.toString());
        }
    }

    /** @return how many deliveries were attempted */
    int deliverOneBatch() {
        List<Claimed> batch = claim();
        // an endpoint whose delivery was not taken gets nothing after it in this batch: its order holds
        Set<String> stopped = new HashSet<>();
        List<Claimed> unsent = new ArrayList<>();
        int attempted = 0;
        for (int i = 0; i < batch.size(); i++) {
            Claimed delivery = batch.get(i);
            // the node is stopping, or the lease could end during this post: the rest goes back
            if (!running || now().plus(worstSend).isAfter(delivery.leaseUntil())) {
                unsent.addAll(batch.subList(i, batch.size()));
                break;
            }
            if (stopped.contains(delivery.endpointId())) {
                unsent.add(delivery);
                continue;
            }
            if (!attempt(delivery)) {
                stopped.add(delivery.endpointId());
            }
            attempted++;
        }
        release(unsent);
        return attempted;
    }

    /** @return whether the receiver took it (a 2xx) */
    private boolean attempt(Claimed delivery) {
        UrlPolicy.Checked target = urls.check(delivery.url());
        if (target.refusal() != null) {
            failedAttempt(delivery, null, 0, "URL refused: " + target.refusal());
            return false;
        }
        long timestamp = Instant.now().getEpochSecond();
        String signature = Signatures.sign(delivery.secret(), delivery.eventId(), timestamp, delivery.payload());
        if (delivery.previousSecret() != null) {
            signature += " " + Signatures.sign(delivery.previousSecret(), delivery.eventId(), timestamp, delivery.payload());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Roster-Webhooks/1");
        headers.put("webhook-id", delivery.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        long started = System.nanoTime();
        try {
            // to an address of this very check, not to a new resolution of the name
            int status = http.post(target.uri(), target.addresses(), headers,
                    delivery.payload().getBytes(StandardCharsets.UTF_8));
            int millis = elapsedMillis(started);
            if (status / 100 == 2) {
                jdbc.sql("UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = ?, lease_until = NULL,"
                                + " last_status_code = ?, last_duration_ms = ?, last_error = NULL WHERE id = ?")
                        .params(now(), status, millis, delivery.id()).update();
                delivered.increment();
                if (delivery.failing()) {
                    failing.succeeded(delivery.endpointId());
                }
                return true;
            }
            failedAttempt(delivery, status, millis, "HTTP " + status);
        } catch (Exception e) {
            failedAttempt(delivery, null, elapsedMillis(started), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        return false;
    }

    private void failedAttempt(Claimed delivery, Integer statusCode, int millis, String reason) {
        recordFailure(delivery, statusCode, millis, reason);
        failing.failed(delivery.endpointId());
    }

    private void recordFailure(Claimed delivery, Integer statusCode, int millis, String reason) {
        String error = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        List<Duration> delays = properties.retryDelays();
        Duration delay = delays.get(Math.min(delivery.attempt(), delays.size()) - 1);
        OffsetDateTime next = now().plus(delay);
        if (next.isAfter(delivery.createdAt().plus(properties.retryFor()))) {
            log.warn("Webhook delivery {} to endpoint {} failed after {} attempts: {}", delivery.id(),
                    delivery.endpointId(), delivery.attempt(), error);
            jdbc.sql("UPDATE webhook_deliveries SET status = 'FAILED', lease_until = NULL, last_status_code = ?,"
                            + " last_duration_ms = ?, last_error = ? WHERE id = ?")
                    .params(statusCode, millis, error, delivery.id()).update();
            failed.increment();
            return;
        }
        log.info("Webhook delivery {} to endpoint {} not delivered (attempt {}), retrying in {}: {}", delivery.id(),
                delivery.endpointId(), delivery.attempt(), delay, error);
        jdbc.sql("UPDATE webhook_deliveries SET next_attempt_at = ?, lease_until = NULL, last_status_code = ?,"
                        + " last_duration_ms = ?, last_error = ? WHERE id = ?")
                .params(next, statusCode, millis, error, delivery.id()).update();
        retried.increment();
    }

    /**
     * Claims the due heads of the endpoints' queues: first their ids, unlocked, then those rows
     * locked and checked again (still PENDING, unleased, still the oldest of their endpoint),
     * skipping any another node holds.
     */
    private List<Claimed> claim() {
        return tx.execute(status -> {
            OffsetDateTime now = now();
            OffsetDateTime until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
            String head = " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.endpoint_id = d.endpoint_id"
                    + " AND o.status = 'PENDING' AND o.seq < d.seq)";
            // Each enabled endpoint's head (its first PENDING row, one probe of the queue index per
            // endpoint), then those due and unleased. Asking instead for "PENDING rows with no earlier
            // PENDING row" let PostgreSQL's generic plan of the prepared statement compare the backlog
            // with itself: with 3,000 rows waiting for one endpoint a claim took 3 s, and a backlog
            // drained at 3 events/s.
            List<String> candidates = jdbc.sql("SELECT h.id FROM (SELECT (SELECT q.id FROM webhook_deliveries q"
                            + " WHERE q.endpoint_id = e.id AND q.status = 'PENDING' ORDER BY q.seq FETCH FIRST 1 ROWS ONLY)"
                            + " AS head_id FROM webhook_endpoints e WHERE e.enabled = TRUE) heads"
                            + " JOIN webhook_deliveries h ON h.id = heads.head_id"
                            + " WHERE h.next_attempt_at <= :now AND (h.lease_until IS NULL OR h.lease_until < :now)"
                            + " ORDER BY h.next_attempt_at FETCH FIRST " + BATCH + " ROWS ONLY")
                    .param("now", now).query(String.class).list();
            if (candidates.isEmpty()) {
                return List.of();
            }
            List<Map<String, Object>> locked = jdbc.sql("SELECT d.id, d.endpoint_id, d.event_id, d.payload, d.attempts,"
                            + " d.created_at, d.seq FROM webhook_deliveries d WHERE d.id IN (:ids) AND d.status = 'PENDING'"
                            + " AND (d.lease_until IS NULL OR d.lease_until < :now)" + head
                            + " ORDER BY d.seq FOR UPDATE SKIP LOCKED")
                    .param("ids", candidates).param("now", now).query().listOfRows();
            if (locked.isEmpty()) {
                return List.of();
            }
            Map<String, Endpoint> endpoints = endpoints(
                    locked.stream().map(row -> (String) row.get("endpoint_id")).distinct().toList(), now);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : locked) {
                Endpoint endpoint = endpoints.get((String) row.get("endpoint_id"));
                // an endpoint's deliveries go with it (ON DELETE CASCADE): a row whose endpoint is gone is gone too
                if (endpoint != null) {
                    rows.add(row);
                    if (!endpoint.failing()) {
                        rows.addAll(followers(row, now));
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            List<String> ids = rows.stream().map(row -> (String) row.get("id")).toList();
            jdbc.sql("UPDATE webhook_deliveries SET attempts = attempts + 1, lease_until = :until WHERE id IN (:ids)")
                    .param("until", until).param("ids", ids).update();
            return rows.stream().map(row -> claimed(row, endpoints.get((String) row.get("endpoint_id")), until))
                    .toList();
        });
    }

    /**
     * The deliveries that come right after a claimed head in its endpoint's queue, claimed with it
     * (at most {@link #FOLLOWERS}), so that a backlog moves several events per round and not one:
     * the PENDING rows after the head in {@code seq} order, as long as each is due, unleased and
     * locked here; the run stops at the first that is not, so nothing is claimed past a row left
     * behind. Only for an endpoint that is not failing: a failing one gets its head alone. They are
     * posted after the head, in order, and go back unsent once one of them is not taken.
     */
    private List<Map<String, Object>> followers(Map<String, Object> head, OffsetDateTime now) {
        List<String> next = jdbc.sql("SELECT id FROM webhook_deliveries WHERE endpoint_id = :endpoint"
                        + " AND status = 'PENDING' AND seq > :seq ORDER BY seq FETCH FIRST " + FOLLOWERS + " ROWS ONLY")
                .param("endpoint", head.get("endpoint_id")).param("seq", ((Number) head.get("seq")).longValue())
                .query(String.class).list();
        if (next.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> locked = jdbc.sql("SELECT d.id, d.endpoint_id, d.event_id, d.payload, d.attempts,"
                        + " d.created_at, d.seq FROM webhook_deliveries d WHERE d.id IN (:ids) AND d.status = 'PENDING'"
                        + " AND d.next_attempt_at <= :now AND (d.lease_until IS NULL OR d.lease_until < :now)"
                        + " ORDER BY d.seq FOR UPDATE SKIP LOCKED")
                .param("ids", next).param("now", now).query().listOfRows();
        int run = 0;
        while (run < locked.size() && next.get(run).equals(locked.get(run).get("id"))) {
            run++;
        }
        return locked.subList(0, run);
    }

    /**
     * The endpoints of a claimed batch, in one read, with their secrets opened: each opened once
     * per sealed value ({@link #opened}), not at every delivery.
     */
    private Map<String, Endpoint> endpoints(List<String> endpointIds, OffsetDateTime now) {
        Map<String, Endpoint> endpoints = new HashMap<>();
        jdbc.sql("SELECT id, url, secret, previous_secret, previous_secret_until, failing_since FROM webhook_endpoints"
                        + " WHERE id IN (:ids)")
                .param("ids", endpointIds).query(rs -> {
                    String endpointId = rs.getString(1);
                    OffsetDateTime previousUntil = rs.getObject(5, OffsetDateTime.class);
                    String previous = rs.getString(4);
                    boolean previousValid = previous != null && previousUntil != null && previousUntil.isAfter(now);
                    endpoints.put(endpointId, new Endpoint(rs.getString(2), open(endpointId, rs.getString(3)),
                            previousValid ? open(endpointId, previous) : null, rs.getObject(6) != null));
                });
        return endpoints;
    }

    /**
     * A sealed secret opened, kept by endpoint and sealed value: a rotation writes a new sealed
     * value (and a deleted endpoint claims nothing), so a kept one is never stale; no more entries
     * than endpoints with their current and previous secrets.
     */
    private String open(String endpointId, String sealed) {
        if (sealed == null) {
            return null;
        }
        OpenedSecret kept = opened.get(endpointId + " " + sealed);
        if (kept != null) {
            return kept.secret();
        }
        if (opened.size() > MAX_OPENED) {
            opened.clear();
        }
        String secret = vault.open(endpointId, sealed);
        opened.put(endpointId + " " + sealed, new OpenedSecret(secret));
        return secret;
    }

    /** A signing secret in the clear: never logged. */
    private record OpenedSecret(String secret) {
        @Override
        public String toString() {
            return "OpenedSecret[…]";
        }
    }

    private static Claimed claimed(Map<String, Object> row, Endpoint endpoint, OffsetDateTime until) {
        return new Claimed((String) row.get("id"), (String) row.get("endpoint_id"), (String) row.get("event_id"),
                (String) row.get("payload"), ((Number) row.get("attempts")).intValue() + 1,
                createdAt(row.get("created_at")), endpoint.url(), endpoint.secret(), endpoint.previousSecret(),
                endpoint.failing(), until);
    }

    private static OffsetDateTime createdAt(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    /** Gives back claimed deliveries not attempted, undoing their claim's attempt; only this claim's lease. */
    private void release(List<Claimed> unsent) {
        if (unsent.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE webhook_deliveries SET attempts = attempts - 1, lease_until = NULL"
                        + " WHERE id IN (:ids) AND status = 'PENDING' AND lease_until = :until")
                .param("ids", unsent.stream().map(Claimed::id).toList())
                .param("until", unsent.getFirst().leaseUntil()).update();
    }

    private static int elapsedMillis(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static OffsetDateTime now() {
        return Instant.now().atOffset(ZoneOffset.UTC);
    }

    /** @param failing whether its attempts have been failing (a success then clears that) */
    private record Endpoint(String url, String secret, String previousSecret, boolean failing) {
    }

    /** One claimed delivery; holds signing keys, so it is never logged whole. */
    private record Claimed(String id, String endpointId, String eventId, String payload, int attempt,
            OffsetDateTime createdAt, String url, String secret, String previousSecret, boolean failing,
            OffsetDateTime leaseUntil) {
        @Override
        public String toString() {
            return "Claimed[" + id + "]";
        }
    }
}
