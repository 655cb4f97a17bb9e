package io.roster.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.shared.CompanyId;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The narrowest race of an activation: its early check sees a free seat, then another transaction
 * takes that seat first and the activation's own take finds none. The activation is undone to its
 * savepoint; everything before it — the draft row, its role, and their audit entries — stays.
 * Made deterministic: the test holds the last seat in an open transaction until the creation waits
 * on it, then commits.
 */
@IntegrationTest
class LostSeatIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    LicensePool licenses;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_creation_that_loses_the_last_seat_at_the_take_keeps_its_row_its_role_and_their_audit_entries() {
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(operator).company(1);
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("MEMBER"));

        CompletableFuture<Api.Response> creation = tx.execute(status -> {
            assertThat(licenses.take(new CompanyId(company))).isEmpty();
            CompletableFuture<Api.Response> started = CompletableFuture.supplyAsync(
                    () -> operator.post("/api/v1/companies/" + company + "/users", body));
            awaitALockWait();
            return started;
        });
        Api.Response created = creation.join();

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.text("validationResult")).startsWith("No license available: 1 of 1 in use");
        String id = created.text("id");
        var trail = operator.get("/api/v1/companies/" + company + "/audit?limit=200").json().get("items");
        List<String> actions = new java.util.ArrayList<>();
        trail.forEach(entry -> {
            if (id.equals(entry.get("targetId").asString())) {
                actions.add(entry.get("action").asString());
            }
        });
        assertThat(actions).contains("user.created", "role.granted", "user.activation_refused")
                .doesNotContain("user.activated");
    }

    /** Until a session of the database waits for a lock (the creation's seat UPDATE on our company row). */
    private void awaitALockWait() {
        String blocked = TestDatabase.isPostgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        for (int attempt = 0; attempt < 300; attempt++) {
            if (jdbc.sql(blocked).query(Long.class).single() > 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the creation never waited for the seat");
    }
}
