import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What must hold in the database after a scenario, read straight from the tables: the company's
 * acknowledged users, its seat count, its audit entries, its mails (in the outbox and at the SMTP
 * sink), its webhook events (in the deliveries outbox and at the receiver). Only the scenario's own company is looked at, so the scenarios do not see each other.
 */
final class Checks {

    private final Cluster.Settings settings;

    Checks(Cluster.Settings settings) {
        this.settings = settings;
    }

    /** Acknowledged writes, seats and audit entries of the company's rows (the load only asks for ACTIVE users). */
    void data(Report report, String companyId, Load load) throws SQLException {
        Set<String> acknowledged = load.acknowledged();
        Set<String> stored = new HashSet<>(strings("SELECT user_id FROM accounts WHERE home_company_id = ?", companyId));
        long storedUnanswered = load.requested().stream().filter(u -> !acknowledged.contains(u) && stored.contains(u)).count();
        if (load.requests() > acknowledged.size()) {
            report.note("of the " + (load.requests() - acknowledged.size()) + " requests not acknowledged, "
                    + storedUnanswered + " were stored all the same (their answer was lost)");
        }
        List<String> lost = acknowledged.stream().filter(u -> !stored.contains(u)).sorted().toList();
        report.check("every acknowledged (201) user is stored", lost.isEmpty(),
                lost.isEmpty() ? acknowledged.size() + " of " + acknowledged.size()
                        : lost.size() + " of " + acknowledged.size() + " missing, e.g. " + lost.subList(0, Math.min(3, lost.size())));

        int used = count("SELECT used FROM license_pools WHERE company_id = ?", companyId);
        int active = count("SELECT count(*) FROM accounts WHERE home_company_id = ? AND status = 'ACTIVE'", companyId);
        report.check("license_pools.used = ACTIVE internal rows", used == active, "used seats " + used + ", ACTIVE rows " + active);

        missingAudit(report, companyId, "user.created", "row", "");
        missingAudit(report, companyId, "user.activated", "ACTIVE row", " AND a.status = 'ACTIVE'");
        missingAudit(report, companyId, "user.activation_refused", "DRAFT row", " AND a.status = 'DRAFT'");
        int doubled = count("SELECT count(*) FROM (SELECT target_id FROM audit_entries WHERE company_id = ?"
                + " AND action = 'user.created' GROUP BY target_id HAVING count(*) > 1) d", companyId);
        report.check("no user.created entry twice", doubled == 0, doubled + " rows with more than one");

        int withoutOneSetupMail = count("SELECT count(*) FROM accounts a WHERE a.home_company_id = ? AND a.status = 'ACTIVE'"
                + " AND (SELECT count(*) FROM mail_outbox m WHERE m.recipient = a.email AND m.kind = 'ACCOUNT_SETUP') <> 1", companyId);
        report.check("one setup mail queued per ACTIVE row", withoutOneSetupMail == 0,
                withoutOneSetupMail + " ACTIVE rows without exactly one");
    }

    /**
     * Waits (at most {@code limit}) until no mail to the company's people is pending, then compares
     * the outbox with what the SMTP sink received: nothing left undelivered, nothing received twice.
     */
    void mail(Report report, String companyId, SmtpSink sink, Duration limit) throws SQLException, InterruptedException {
        String recipients = "SELECT m.recipient, m.status FROM mail_outbox m JOIN accounts a ON a.email = m.recipient"
                + " WHERE a.home_company_id = ?";
        long deadline = System.nanoTime() + limit.toNanos();
        long waitStarted = System.nanoTime();
        while (count("SELECT count(*) FROM (" + recipients + ") r WHERE r.status = 'PENDING'", companyId) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        report.note("mail: outbox drained in " + Duration.ofNanos(System.nanoTime() - waitStarted).toSeconds() + " s (limit " + limit.toSeconds() + " s)");
        Map<String, Integer> sent = new HashMap<>();
        Map<String, Integer> notSent = new HashMap<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(recipients)) {
            query.setString(1, companyId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    (rs.getString(2).equals("SENT") ? sent : notSent).merge(rs.getString(1).toLowerCase(), 1, Integer::sum);
                }
            }
        }
        int undelivered = notSent.values().stream().mapToInt(Integer::intValue).sum();
        report.check("every queued mail delivered", undelivered == 0,
                undelivered + " of " + (undelivered + sent.values().stream().mapToInt(Integer::intValue).sum()) + " not SENT");
        Map<String, Integer> received = sink.delivered();
        List<String> twice = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        sent.forEach((recipient, n) -> {
            int got = received.getOrDefault(recipient, 0);
            if (got > n) {
                twice.add(recipient + " (" + got + " for " + n + ")");
            } else if (got < n) {
                lost.add(recipient + " (" + got + " for " + n + ")");
            }
        });
        report.check("no mail received twice", twice.isEmpty(), twice.isEmpty() ? "" : twice.size() + ": " + sample(twice));
        report.check("every SENT mail received by SMTP", lost.isEmpty(), lost.isEmpty() ? "" : lost.size() + ": " + sample(lost));
    }

    /**
     * Waits (at most {@code limit}) until the company's webhook endpoint has no delivery pending,
     * then compares the deliveries outbox with what the receiver accepted: every event delivered and
     * received, signed with the endpoint's secret, each user's events received in the order written
     * (a retried attempt may arrive twice: at least once is the contract, so repeats are counted, not
     * refused), one {@code user.created} per stored user and none for a creation that was not stored.
     */
    void webhooks(Report report, String companyId, String endpointId, WebhookReceiver receiver, Duration limit)
            throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long waitStarted = System.nanoTime();
        while (count("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ? AND status = 'PENDING'", endpointId) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        report.note("webhooks: deliveries drained in " + Duration.ofNanos(System.nanoTime() - waitStarted).toSeconds()
                + " s (limit " + limit.toSeconds() + " s)");
        List<String> written = strings("SELECT event_id FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY seq", endpointId);
        int undelivered = count("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = ? AND status <> 'DELIVERED'",
                endpointId);
        report.check("every webhook event DELIVERED", undelivered == 0, undelivered + " of " + written.size() + " not");

        List<WebhookReceiver.Accepted> accepted = receiver.accepted(companyId);
        long unsigned = accepted.stream().filter(a -> !a.signatureValid()).count();
        report.check("every webhook request signed with the endpoint's secret", unsigned == 0,
                unsigned + " of " + accepted.size() + " not");
        List<String> firstArrivals = accepted.stream().map(WebhookReceiver.Accepted::webhookId).distinct().toList();
        Set<String> arrived = new HashSet<>(firstArrivals);
        List<String> lost = written.stream().filter(id -> !arrived.contains(id)).toList();
        report.check("every webhook event received", lost.isEmpty(), lost.isEmpty() ? written.size() + " of " + written.size()
                : lost.size() + " of " + written.size() + " never received");
        // Order is per resource: a user's changes are serialised by its row, so its events are written
        // (and must arrive) in the order they committed; two users created at once commit in either
        // order, and their events arrive in that commit order, not necessarily in seq order.
        Map<String, String> userOf = new HashMap<>();
        accepted.forEach(a -> userOf.putIfAbsent(a.webhookId(), a.userId()));
        List<String> outOfOrder = new ArrayList<>();
        Map<String, List<String>> writtenByUser = written.stream().filter(userOf::containsKey)
                .collect(Collectors.groupingBy(userOf::get, Collectors.toList()));
        Map<String, List<String>> arrivedByUser = firstArrivals.stream()
                .collect(Collectors.groupingBy(id -> String.valueOf(userOf.get(id)), Collectors.toList()));
        writtenByUser.forEach((user, events) -> {
            if (!events.equals(arrivedByUser.get(user))) {
                outOfOrder.add(user);
            }
        });
        report.check("each user's webhook events received in the order written", outOfOrder.isEmpty(),
                outOfOrder.isEmpty() ? writtenByUser.size() + " users" : outOfOrder.size() + " users, e.g. " + sample(outOfOrder));
        int repeats = accepted.size() - firstArrivals.size();
        report.note("webhooks: " + accepted.size() + " requests accepted for " + firstArrivals.size() + " events ("
                + repeats + " received again after an attempt whose answer was lost)");

        Set<String> stored = new HashSet<>(strings("SELECT user_id FROM accounts WHERE home_company_id = ?", companyId));
        Set<String> announced = new HashSet<>();
        accepted.stream().filter(a -> "user.created".equals(a.type())).forEach(a -> announced.add(a.userId()));
        List<String> unannounced = stored.stream().filter(u -> !announced.contains(u)).sorted().toList();
        List<String> phantoms = announced.stream().filter(u -> !stored.contains(u)).sorted().toList();
        report.check("a user.created event for every stored user", unannounced.isEmpty(), unannounced.isEmpty()
                ? stored.size() + " of " + stored.size() : unannounced.size() + " without, e.g. " + sample(unannounced));
        report.check("no user.created event for a user not stored", phantoms.isEmpty(),
                phantoms.isEmpty() ? "" : phantoms.size() + ", e.g. " + sample(phantoms));
    }

    int count(String sql, String parameter) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private void missingAudit(Report report, String companyId, String action, String rows, String rowCondition)
            throws SQLException {
        int all = count("SELECT count(*) FROM accounts a WHERE a.home_company_id = ?" + rowCondition, companyId);
        int missing = count("SELECT count(*) FROM accounts a WHERE a.home_company_id = ?" + rowCondition
                + " AND NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.target_id = a.id AND e.action = '" + action + "')", companyId);
        report.check(action + " in the audit log for every " + rows, missing == 0,
                missing == 0 ? all + " of " + all : missing + " of " + all + " without it");
    }

    private List<String> strings(String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword());
    }

    private static String sample(List<String> items) {
        return items.stream().sorted().limit(3).collect(Collectors.joining(", "));
    }
}
