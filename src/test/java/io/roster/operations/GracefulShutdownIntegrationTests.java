package io.roster.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roster.RosterApplication;
import io.roster.mail.MailKind;
import io.roster.mail.MailRequest;
import io.roster.mail.Outbox;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.Operator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node told to stop, as at SIGTERM (its context closes), while it sends a backlog of mails to a
 * slow SMTP server and serves a request: it turns not-ready and keeps answering while balancers
 * drain it, finishes the request under way, finishes the mail being sent and gives the others back
 * to the outbox at once, and is gone within seconds. It runs its own node on its own database,
 * on H2 and on PostgreSQL like the rest of the suite.
 */
class GracefulShutdownIntegrationTests {

    static final int BACKLOG = 30;
    static final Duration SMTP_ANSWERS_AFTER = Duration.ofMillis(500);
    static final Duration DRAIN = Duration.ofSeconds(3);

    record OutboxRow(String recipient, String status, int attempts, Object leaseUntil) {
    }

    @Test
    void a_stopping_node_drains_finishes_its_request_and_the_mail_under_way_gives_back_the_rest_and_exits_promptly()
            throws Exception {
        try (SlowSmtp smtp = new SlowSmtp(SMTP_ANSWERS_AFTER); NodeDatabase database = NodeDatabase.create();
                ConfigurableApplicationContext node = start(database, smtp.port())) {
            int port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
            Api api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
            String company = new Fixtures(api).company(3);
            List<String> backlog;

            try (Connection locker = database.connect()) {
                // a request under way when the shutdown begins: it waits for the license pool row the test holds
                locker.setAutoCommit(false);
                lock(locker, company);
                CompletableFuture<Api.Response> underWay = CompletableFuture.supplyAsync(
                        () -> api.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 5)));
                await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks(database) > 0);

                backlog = queueMails(node);
                smtp.awaitSendUnderWay();
                long closingSince = System.nanoTime();
                CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);

                // the drain: not ready at once, yet still answering, and asking clients to reconnect
                await().atMost(DRAIN).pollInterval(Duration.ofMillis(20))
                        .until(() -> Api.at(port).get("/actuator/health/readiness").status() == 503);
                Api.Response duringDrain = api.get("/api/v1/me");
                assertThat(duringDrain.status()).as(duringDrain.toString()).isEqualTo(200);
                assertThat(duringDrain.header("Connection")).isEqualToIgnoringCase("close");

                // then no new connection is taken, and the request under way is still answered
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> !accepts(port));
                locker.commit();
                Api.Response finished = underWay.get(10, TimeUnit.SECONDS);
                assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
                assertThat(finished.json().get("licensesPurchased").asInt()).isEqualTo(5);

                closing.get(60, TimeUnit.SECONDS);
                assertThat(Duration.ofNanos(System.nanoTime() - closingSince)).isLessThanOrEqualTo(Duration.ofSeconds(10));
            }

            List<OutboxRow> rows = outbox(database, backlog);
            List<String> received = smtp.recipients().stream().filter(backlog::contains).toList();
            // nothing half-sent or sent twice: every mail the server took is SENT, once, and no other
            assertThat(received).isNotEmpty().doesNotHaveDuplicates();
            assertThat(rows.stream().filter(row -> row.status().equals("SENT")).map(OutboxRow::recipient))
                    .containsExactlyInAnyOrderElementsOf(received);
            // the rest is back in the outbox, free for any node at once, its attempts unspent
            assertThat(rows.stream().filter(row -> !row.status().equals("SENT"))).isNotEmpty().allSatisfy(row -> {
                assertThat(row.status()).isEqualTo("PENDING");
                assertThat(row.leaseUntil()).as("lease of the mail to " + row.recipient()).isNull();
                assertThat(row.attempts()).isZero();
            });
        }
    }

    private static ConfigurableApplicationContext start(NodeDatabase database, int smtpPort) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.hikari.pool-name=stopping-node", "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1",
                "--roster.bootstrap.admin-email=" + Operator.EMAIL, "--roster.bootstrap.admin-password=" + Operator.PASSWORD,
                "--roster.sign-in.delay-unit=PT0S",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--roster.mail.poll-interval=PT0.2S",
                "--roster.shutdown.drain=" + DRAIN));
        arguments.addAll(database.arguments());
        return new SpringApplicationBuilder(RosterApplication.class).run(arguments.toArray(String[]::new));
    }

    /** Queues a backlog of mails, as a bulk import does, in one transaction. */
    private static List<String> queueMails(ConfigurableApplicationContext node) {
        List<String> recipients = IntStream.range(0, BACKLOG)
                .mapToObj(i -> Fixtures.unique("backlog").toLowerCase() + "@example.com").toList();
        Outbox outbox = node.getBean(Outbox.class);
        node.getBean(TransactionTemplate.class).executeWithoutResult(status -> recipients.forEach(recipient ->
                outbox.enqueue(new MailRequest(recipient, "en", MailKind.PASSWORD_CHANGED, List.of("Ada"), null, null))));
        return recipients;
    }

    private static void lock(Connection connection, String company) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT company_id FROM license_pools WHERE company_id = ? FOR UPDATE")) {
            select.setString(1, company);
            select.executeQuery().close();
        }
    }

    private static int waitingOnLocks(NodeDatabase database) throws SQLException {
        String sql = database.isPostgres()
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
                : "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        try (Connection connection = database.connect(); ResultSet count = connection.createStatement().executeQuery(sql)) {
            count.next();
            return count.getInt(1);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static List<OutboxRow> outbox(NodeDatabase database, List<String> recipients) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT recipient, status, attempts, lease_until FROM mail_outbox WHERE recipient = ?")) {
            for (String recipient : recipients) {
                select.setString(1, recipient);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new OutboxRow(row.getString(1), row.getString(2), row.getInt(3), row.getObject(4)));
                    }
                }
            }
        }
        return rows;
    }
}
