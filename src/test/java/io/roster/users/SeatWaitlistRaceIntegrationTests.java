package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.RosterApplication;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The seat waitlist under concurrency, on two nodes sharing one database: seats are freed and
 * licenses added on one node while activations arrive on both. The seats are never oversubscribed,
 * the rows that waited first get the seats first, and the queue stays one dense, ordered line.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeatWaitlistRaceIntegrationTests {

    static final int FIRST_SEATS = 3;
    static final int EARLY = 6;
    static final int RACING = 16;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    ConfigurableApplicationContext secondNode;

    @BeforeAll
    void startSecondNode() {
        secondNode = new SpringApplicationBuilder(RosterApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--roster.bootstrap.admin-email=", "--roster.bootstrap.admin-password=",
                        "--roster.shutdown.drain=0s", "--roster.sign-in.delay-unit=PT0S",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--spring.datasource.hikari.pool-name=waitlist-second-node",
                        "--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.hikari.minimum-idle=1");
    }

    @AfterAll
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void seats_freed_and_added_on_one_node_while_both_take_activations_never_oversubscribe_and_keep_the_order()
            throws Exception {
        Api nodeA = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        int secondPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
        Api nodeB = Api.at(secondPort).signIn(Operator.EMAIL, Operator.PASSWORD);
        Fixtures fixtures = new Fixtures(nodeA);
        String company = fixtures.company(FIRST_SEATS);
        String users = "/api/v1/companies/" + company + "/users/";
        assertThat(nodeA.put("/api/v1/companies/" + company + "/settings", Map.of("seatWaitlist", true)).status()).isEqualTo(200);
        List<String> seated = new ArrayList<>();
        for (int i = 0; i < FIRST_SEATS; i++) {
            seated.add(fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id"));
        }
        List<String> early = new ArrayList<>();
        for (int i = 0; i < EARLY; i++) {
            Api node = i % 2 == 0 ? nodeA : nodeB;
            early.add(node.post("/api/v1/companies/" + company + "/users", Fixtures.validUser("ACTIVE")).text("id"));
        }
        List<String> racing = new ArrayList<>();
        for (int i = 0; i < RACING; i++) {
            racing.add(fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id"));
        }

        AtomicBoolean racingOn = new AtomicBoolean(true);
        AtomicInteger overSubscribed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(RACING + 2)) {
            for (int i = 0; i < RACING; i++) {
                Api node = i % 2 == 0 ? nodeA : nodeB;
                String id = racing.get(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return node.post(users + id + "/activate", null).status();
                }));
            }
            futures.add(pool.submit(() -> {
                start.await();
                for (String id : seated) {
                    assertThat(nodeA.post(users + id + "/deactivate", null).status()).isEqualTo(200);
                }
                assertThat(nodeA.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 5)).status())
                        .isEqualTo(200);
                assertThat(nodeA.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 7)).status())
                        .isEqualTo(200);
                return 200;
            }));
            Future<?> watcher = pool.submit(() -> {
                while (racingOn.get()) {
                    var seats = jdbc.sql("SELECT used, purchased FROM license_pools WHERE company_id = ?").param(company)
                            .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
                    if (seats[0] > seats[1]) {
                        overSubscribed.incrementAndGet();
                    }
                }
                return null;
            });
            start.countDown();
            for (Future<Integer> future : futures) {
                assertThat(future.get()).isIn(200, 202);
            }
            racingOn.set(false);
            watcher.get();
        }

        assertThat(overSubscribed.get()).isZero();
        var seats = nodeA.get("/api/v1/companies/" + company).json();
        assertThat(seats.get("licensesPurchased").asInt()).isEqualTo(7);
        assertThat(seats.get("licensesUsed").asInt()).as("people wait, so every seat is taken").isEqualTo(7);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ? AND status = 'ACTIVE'", company)).isEqualTo(7);
        // those who waited before the race got seats first, all of them
        for (String id : early) {
            assertThat(nodeA.get(users + id).text("status")).isEqualTo("ACTIVE");
        }
        // one racing row got the last seat; the others wait in one dense line, in the order they joined
        List<Waiting> line = jdbc.sql("SELECT w.account_id, w.queue_position, w.since, a.validation_result FROM seat_waitlist w"
                        + " JOIN accounts a ON a.id = w.account_id WHERE w.company_id = ? ORDER BY w.queue_position")
                .param(company)
                .query((rs, n) -> new Waiting(rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4)))
                .list();
        assertThat(line).hasSize(RACING - 1);
        for (int i = 0; i < line.size(); i++) {
            assertThat(line.get(i).position()).isEqualTo(i + 1);
            assertThat(line.get(i).validationResult()).isEqualTo("WAITING_FOR_LICENSE:position=" + (i + 1));
        }
        assertThat(line).isSortedAccordingTo(Comparator.comparing(Waiting::since));
        assertThat(line).extracting(Waiting::accountId).isSubsetOf(racing);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    record Waiting(String accountId, int position, OffsetDateTime since, String validationResult) {
    }
}
