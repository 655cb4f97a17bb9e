package io.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roster.shared.Retention;
import io.roster.support.Api;
import io.roster.support.AtOnce;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention: rows older than their period are purged by each module's job (called here directly,
 * after ageing some rows in SQL), recent ones and the audit log stay, and two nodes purging at
 * once (two threads here) neither fail nor leave old rows behind.
 */
@IntegrationTest
class RetentionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    List<Retention> retentions;

    Api operator;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
    }

    @Test
    void old_mails_links_sign_in_events_and_throttle_rows_are_purged_recent_ones_and_the_audit_log_stay() {
        String company = fixtures.company(5);
        String oldUser = activeUser(company);
        String newUser = activeUser(company);
        await().atMost(Duration.ofSeconds(15)).until(() -> count("SELECT COUNT(*) FROM mail_outbox WHERE recipient IN (?, ?)"
                + " AND status <> 'SENT'", oldUser, newUser) == 0);
        jdbc.sql("UPDATE mail_outbox SET created_at = ?, sent_at = ? WHERE recipient = ?").params(daysAgo(32), daysAgo(31), oldUser).update();
        jdbc.sql("UPDATE invitations SET created_at = ?, expires_at = ? WHERE email = ?").params(daysAgo(34), daysAgo(31), oldUser).update();
        String waiting = waitingMail(daysAgo(60));

        String oldLogin = failedSignIn();
        String newLogin = failedSignIn();
        String lockedLogin = failedSignIn();
        jdbc.sql("UPDATE sign_in_events SET occurred_at = ? WHERE login = ?").params(daysAgo(91), oldLogin).update();
        jdbc.sql("UPDATE sign_in_throttle SET last_failure_at = ?, locked_until = NULL WHERE throttle_key = ?")
                .params(daysAgo(1), "account:login:" + oldLogin).update();
        jdbc.sql("UPDATE sign_in_throttle SET last_failure_at = ?, locked_until = ? WHERE throttle_key = ?")
                .params(daysAgo(1), OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), "account:login:" + lockedLogin).update();
        long audit = count("SELECT COUNT(*) FROM audit_entries WHERE company_id = ?", company);

        retentions.forEach(retention -> retention.purge(Instant.now()));

        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", oldUser)).isZero();
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", newUser)).isPositive();
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE id = ?", waiting)).as("a mail not sent yet is kept").isOne();
        assertThat(count("SELECT COUNT(*) FROM invitations WHERE email = ?", oldUser)).isZero();
        assertThat(count("SELECT COUNT(*) FROM invitations WHERE email = ?", newUser)).isOne();
        assertThat(count("SELECT COUNT(*) FROM sign_in_events WHERE login = ?", oldLogin)).isZero();
        assertThat(count("SELECT COUNT(*) FROM sign_in_events WHERE login = ?", newLogin)).isOne();
        assertThat(count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = ?", "account:login:" + oldLogin)).isZero();
        assertThat(count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = ?", "account:login:" + newLogin)).isOne();
        assertThat(count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = ?", "account:login:" + lockedLogin))
                .as("a lockout still running is kept").isOne();
        assertThat(count("SELECT COUNT(*) FROM audit_entries WHERE company_id = ?", company)).isEqualTo(audit).isPositive();
        jdbc.sql("DELETE FROM mail_outbox WHERE id = ?").param(waiting).update();
    }

    @Test
    void two_nodes_purging_a_large_backlog_at_once_neither_fail_nor_leave_old_rows() throws Exception {
        String login = Fixtures.unique("backlog").toLowerCase();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            rows.add(new Object[] {UUID.randomUUID().toString(), login, "API", "WRONG_CREDENTIALS", daysAgo(100)});
        }
        new JdbcTemplate(dataSource).batchUpdate(
                "INSERT INTO sign_in_events (id, login, channel, outcome, occurred_at) VALUES (?, ?, ?, ?, ?)", rows);

        int purged = AtOnce.twice(() -> retentions.stream().mapToInt(retention -> retention.purge(Instant.now())).sum())
                .stream().mapToInt(Integer::intValue).sum();

        assertThat(count("SELECT COUNT(*) FROM sign_in_events WHERE login = ?", login)).isZero();
        assertThat(purged).isGreaterThanOrEqualTo(2500);
    }

    /** A failed sign-in with a login no account has: one event and a throttle row of its own. */
    private String failedSignIn() {
        String login = Fixtures.unique("nobody").toLowerCase() + "@nowhere.example";
        assertThat(Api.at(port).basic(login, "not a password").post("/api/v1/tokens", null).status()).isEqualTo(401);
        return login;
    }

    private String waitingMail(OffsetDateTime createdAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO mail_outbox (id, recipient, kind, locale, subject, body_text, body_html, status, attempts,"
                        + " next_attempt_at, created_at) VALUES (?, ?, 'ACCOUNT_SETUP', 'en', 's', 't', 'h', 'PENDING', 3, ?, ?)")
                .params(id, Fixtures.unique("waiting") + "@example.com", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1), createdAt)
                .update();
        return id;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** An activated user (so mailed a setup link); answers the email. */
    private String activeUser(String company) {
        Map<String, Object> user = Fixtures.validUser("ACTIVE");
        assertThat(fixtures.createUser(company, user).status()).isEqualTo(201);
        return user.get("email").toString();
    }

    private static OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(days, ChronoUnit.DAYS);
    }
}
