package io.roster.webhooks;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.roster.shared.DatabaseProduct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts due deliveries to their endpoints, on every node. A round claims the oldest PENDING
 * delivery of each endpoint that is due, with the few right behind it ({@code FOR UPDATE SKIP
 * LOCKED}, so nodes never claim the same row, and a lease, so a node that dies mid-send only delays
 * it): one statement on PostgreSQL, a short transaction on H2. Only that head of an endpoint's queue
 * and the run behind it may be in flight, posted in order, so each endpoint receives its events in
 * the order they were filed. It posts outside any transaction, signed, with connect and read
 * timeouts and no redirects followed, then records DELIVERED (a 2xx; the batch's are written
 * together, see {@link #write}), or a retry after a growing delay, or FAILED once the event is older
 * than {@code roster.webhooks.retry-for}; the next one then goes. At shutdown it stops between two
 * posts and gives back what it claimed and did not post.
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

    /**
     * How long a delivered attempt may wait to be written: outcomes are written together, once per
     * batch, and earlier when a batch's posts take longer than this (a slow receiver in it).
     */
    private static final Duration MARKS_WAIT_AT_MOST = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final JdbcTemplate batchJdbc;
    /** PostgreSQL: the claim is one statement, and a batch's DELIVERED rows one update (see {@link #claim()}). */
    private final boolean postgreSql;
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

    WebhookDispatcher(JdbcClient jdbc, JdbcTemplate batchJdbc, DatabaseProduct database, TransactionTemplate tx,
            UrlPolicy urls, SigningSecretVault vault, FailingEndpoints failing, WebhookProperties properties,
            MeterRegistry meters) {
        this.batchJdbc = batchJdbc;
        this.postgreSql = database.isPostgreSql();
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
        DeliveredMarks marks = new DeliveredMarks();
        int attempted = 0;
        try {
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
                if (marks.waitedLongerThan(MARKS_WAIT_AT_MOST)) {
                    write(marks);
                }
                if (!attempt(delivery, marks)) {
                    stopped.add(delivery.endpointId());
                }
                attempted++;
            }
        } finally {
            // what was delivered is written even if a later attempt threw: it is not sent again
            write(marks);
            release(unsent);
        }
        return attempted;
    }

    /** @return whether the receiver took it (a 2xx), noted in {@code marks} to be written with the batch */
    private boolean attempt(Claimed delivery, DeliveredMarks marks) {
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
                marks.add(delivery.id(), status, millis, now());
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

    /**
     * Writes the DELIVERED rows noted so far, in one statement on PostgreSQL (the rows' values as
     * arrays) and one JDBC batch on H2, instead of one update and one transaction per delivery. Until
     * then each stays PENDING under this node's lease, so no node sends it nor anything after it on
     * its endpoint; a node that dies before writing them only sends them again (at least once).
     */
    private void write(DeliveredMarks marks) {
        if (marks.isEmpty()) {
            return;
        }
        if (postgreSql) {
            jdbc.sql("UPDATE webhook_deliveries d SET status = 'DELIVERED', delivered_at = v.delivered_at,"
                            + " lease_until = NULL, last_status_code = v.status_code, last_duration_ms = v.duration_ms,"
                            + " last_error = NULL FROM unnest(?::varchar[], ?::int[], ?::int[], ?::timestamptz[])"
                            + " AS v(id, status_code, duration_ms, delivered_at) WHERE d.id = v.id")
                    .params(marks.ids.toArray(String[]::new), marks.statusCodes.toArray(Integer[]::new),
                            marks.durations.toArray(Integer[]::new),
                            marks.at.stream().map(at -> at.toInstant().toString()).toArray(String[]::new))
                    .update();
        } else {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < marks.ids.size(); i++) {
                rows.add(new Object[] {marks.at.get(i), marks.statusCodes.get(i), marks.durations.get(i),
                        marks.ids.get(i)});
            }
            batchJdbc.batchUpdate("UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = ?,"
                    + " lease_until = NULL, last_status_code = ?, last_duration_ms = ?, last_error = NULL WHERE id = ?",
                    rows);
        }
        marks.clear();
    }

    /** The deliveries of a batch the receivers took, not yet written DELIVERED. */
    private static final class DeliveredMarks {
        private final List<String> ids = new ArrayList<>();
        private final List<Integer> statusCodes = new ArrayList<>();
        private final List<Integer> durations = new ArrayList<>();
        private final List<OffsetDateTime> at = new ArrayList<>();
        private long firstNanos;

        void add(String id, int statusCode, int durationMillis, OffsetDateTime deliveredAt) {
            if (ids.isEmpty()) {
                firstNanos = System.nanoTime();
            }
            ids.add(id);
            statusCodes.add(statusCode);
            durations.add(durationMillis);
            at.add(deliveredAt);
        }

        boolean isEmpty() {
            return ids.isEmpty();
        }

        boolean waitedLongerThan(Duration limit) {
            return !ids.isEmpty() && System.nanoTime() - firstNanos > limit.toNanos();
        }

        void clear() {
            ids.clear();
            statusCodes.clear();
            durations.clear();
            at.clear();
        }
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
     * Claims the due heads of the endpoints' queues, each with the run of deliveries right behind
     * it (see {@link #followers}), and leases them: on PostgreSQL in one statement, on H2 in a few.
     */
    private List<Claimed> claim() {
        OffsetDateTime now = now();
        OffsetDateTime until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        return postgreSql ? claimInOneStatement(now, until) : claimStepByStep(now, until);
    }

    /**
     * The PostgreSQL claim: one statement, so one round trip and one transaction, where the H2 one
     * takes five or more statements per round (two more per endpoint) in a transaction. It reads
     * the head of each enabled endpoint's queue (one probe per endpoint of
     * {@code ix_webhook_deliveries_pending}, which holds only the PENDING rows: V97), keeps the {@value #BATCH} due and unleased ones that waited longest, reads each one's
     * first {@code 1 + FOLLOWERS} PENDING rows (another probe), locks those still PENDING, due and
     * unleased ({@code SKIP LOCKED}: never a row another node is claiming; PostgreSQL checks a row
     * changed since the statement began again, so a row another node has just leased is not taken),
     * keeps per endpoint the rows before the first one not locked (from the head on, so nothing is
     * claimed past a row left behind; the head alone for a failing endpoint), leases them and returns
     * them with their endpoint. Every step probes an index by endpoint or by id: no plan depends on
     * the parameters, so the prepared statement's generic plan is the same as a custom one. (With
     * statistics, PostgreSQL used to find a head by walking the unique index on {@code seq} instead,
     * through every row for an endpoint with nothing PENDING: V94 dropped that index; then by
     * walking an endpoint's delivered rows in {@code (endpoint_id, seq)}: V97 gave it an index of the
     * PENDING rows alone, which no plan walking delivered rows can beat.)
     */
    private List<Claimed> claimInOneStatement(OffsetDateTime now, OffsetDateTime until) {
        Map<String, Endpoint> endpoints = new HashMap<>();
        return jdbc.sql("WITH heads AS MATERIALIZED ("
                        + " SELECT e.id AS endpoint_id, h.seq, h.next_attempt_at FROM webhook_endpoints e"
                        + " CROSS JOIN LATERAL (SELECT q.seq, q.next_attempt_at, q.lease_until FROM webhook_deliveries q"
                        + " WHERE q.endpoint_id = e.id AND q.status = 'PENDING' ORDER BY q.seq FETCH FIRST 1 ROWS ONLY) h"
                        + " WHERE e.enabled = TRUE AND h.next_attempt_at <= :now AND (h.lease_until IS NULL OR h.lease_until < :now)"
                        + " ORDER BY h.next_attempt_at FETCH FIRST " + BATCH + " ROWS ONLY),"
                        + " queue AS MATERIALIZED (SELECT q.id, q.endpoint_id, q.seq FROM heads h"
                        + " CROSS JOIN LATERAL (SELECT r.id, r.endpoint_id, r.seq FROM webhook_deliveries r"
                        + " WHERE r.endpoint_id = h.endpoint_id AND r.status = 'PENDING' AND r.seq >= h.seq"
                        + " ORDER BY r.seq FETCH FIRST " + (1 + FOLLOWERS) + " ROWS ONLY) q),"
                        // row by row through the primary key: a join could read every due row of the backlog
                        + " locked AS MATERIALIZED (SELECT l.id FROM queue q CROSS JOIN LATERAL (SELECT d.id"
                        + " FROM webhook_deliveries d WHERE d.id = q.id AND d.status = 'PENDING' AND d.next_attempt_at <= :now"
                        + " AND (d.lease_until IS NULL OR d.lease_until < :now) FOR UPDATE SKIP LOCKED) l),"
                        + " runs AS (SELECT q.id, q.endpoint_id, ROW_NUMBER() OVER w AS place, COUNT(l.id) OVER w AS taken"
                        + " FROM queue q LEFT JOIN locked l ON l.id = q.id"
                        + " WINDOW w AS (PARTITION BY q.endpoint_id ORDER BY q.seq))"
                        + " UPDATE webhook_deliveries d SET attempts = d.attempts + 1, lease_until = :until"
                        + " FROM runs r JOIN webhook_endpoints e ON e.id = r.endpoint_id"
                        + " WHERE d.id = r.id AND r.taken = r.place AND (r.place = 1 OR e.failing_since IS NULL)"
                        + " RETURNING d.id, d.endpoint_id, d.event_id, d.payload, d.attempts, d.created_at, d.seq,"
                        + " e.url, e.secret, e.previous_secret, e.previous_secret_until, e.failing_since")
                .param("now", now).param("until", until)
                .query((rs, n) -> {
                    String endpointId = rs.getString(2);
                    Endpoint endpoint = endpoints.get(endpointId);
                    if (endpoint == null) {
                        endpoint = endpoint(rs, 8, endpointId, now);
                        endpoints.put(endpointId, endpoint);
                    }
                    return new OrderedClaim(rs.getLong(7), new Claimed(rs.getString(1), endpointId, rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getObject(6, OffsetDateTime.class), endpoint.url(),
                            endpoint.secret(), endpoint.previousSecret(), endpoint.failing(), until));
                }).list().stream()
                // each endpoint's rows in their order; endpoints side by side in the order they were filed
                .sorted(Comparator.comparingLong(OrderedClaim::seq)).map(OrderedClaim::claimed).toList();
    }

    private record OrderedClaim(long seq, Claimed claimed) {
    }

    /**
     * The H2 claim: first the heads' ids, unlocked, then those rows locked and checked again (still
     * PENDING, unleased, still the oldest of their endpoint), skipping any another node holds, then
     * each one's followers, then the lease, in one transaction.
     */
    private List<Claimed> claimStepByStep(OffsetDateTime now, OffsetDateTime until) {
        return tx.execute(status -> {
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
                    endpoints.put(endpointId, endpoint(rs, 2, endpointId, now));
                });
        return endpoints;
    }

    /** The endpoint in the columns url, secret, previous_secret, previous_secret_until, failing_since from {@code first}. */
    private Endpoint endpoint(ResultSet rs, int first, String endpointId, OffsetDateTime now) throws SQLException {
        OffsetDateTime previousUntil = rs.getObject(first + 3, OffsetDateTime.class);
        String previous = rs.getString(first + 2);
        boolean previousValid = previous != null && previousUntil != null && previousUntil.isAfter(now);
        return new Endpoint(rs.getString(first), open(endpointId, rs.getString(first + 1)),
                previousValid ? open(endpointId, previous) : null, rs.getObject(first + 4) != null);
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
