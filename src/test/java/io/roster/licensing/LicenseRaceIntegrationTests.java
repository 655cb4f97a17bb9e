package io.roster.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.RosterApplication;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The seat invariant under concurrency: many activations race for few licenses, on one node and on
 * two nodes (two application contexts, each with its own connection pool, on one database).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicenseRaceIntegrationTests {

    static final int LICENSES = 10;
    static final int CONTENDERS = 50;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    ConfigurableApplicationContext secondNode;
    Api nodeA;
    Api nodeB;
    Fixtures fixtures;

    @BeforeAll
    void startSecondNode() {
        // Command-line arguments outrank application.properties, as a second node's settings would.
        secondNode = new SpringApplicationBuilder(RosterApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                        "--spring.datasource.hikari.pool-name=second-node", "--spring.datasource.hikari.minimum-idle=1");
    }

    @AfterAll
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @BeforeEach
    void signIn() {
        nodeA = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        int secondPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
        nodeB = Api.at(secondPort).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(nodeA);
    }

    @Test
    void fifty_racing_activations_on_one_node_leave_exactly_ten_active() throws Exception {
        String company = fixtures.company(LICENSES);
        List<String> drafts = drafts(company);

        List<Api.Response> responses = race(company, drafts, List.of(nodeA));

        assertExactlyTenWon(company, responses);
    }

    @Test
    void fifty_racing_activations_across_two_nodes_leave_exactly_ten_active() throws Exception {
        String company = fixtures.company(LICENSES);
        List<String> drafts = drafts(company);

        List<Api.Response> responses = race(company, drafts, List.of(nodeA, nodeB));

        assertExactlyTenWon(company, responses);
    }

    @Test
    void fifty_racing_creations_of_active_users_activate_ten_and_keep_the_rest_as_drafts_with_their_role() throws Exception {
        String company = fixtures.company(LICENSES);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            bodies.add(Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("MEMBER")));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS)) {
            for (int i = 0; i < CONTENDERS; i++) {
                Api node = i % 2 == 0 ? nodeA : nodeB;
                Map<String, Object> body = bodies.get(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return node.post("/api/v1/companies/" + company + "/users", body);
                }));
            }
            start.countDown();
            int active = 0;
            for (Future<Api.Response> future : futures) {
                Api.Response created = future.get();
                // every row is saved, activated or not, and keeps its role either way
                assertThat(created.status()).isEqualTo(201);
                assertThat(created.json().get("roles").toString()).isEqualTo("[\"MEMBER\"]");
                if (created.text("status").equals("ACTIVE")) {
                    active++;
                    assertThat(created.text("validationResult")).isEqualTo("OK");
                } else {
                    assertThat(created.text("status")).isEqualTo("DRAFT");
                    assertThat(created.text("validationResult"))
                            .isEqualTo("No license available: 10 of 10 in use");
                }
            }
            assertThat(active).isEqualTo(LICENSES);
        }
        assertThat(nodeA.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isEqualTo(LICENSES);
        // an activation undone for want of a seat leaves no account-setup mail behind
        int setupMails = 0;
        for (Map<String, Object> body : bodies) {
            var mails = nodeA.get("/api/v1/mail?recipient=" + body.get("email")).json().get("items");
            for (var mail : mails) {
                if (mail.get("kind").asText().equals("ACCOUNT_SETUP")) {
                    setupMails++;
                }
            }
        }
        assertThat(setupMails).isEqualTo(LICENSES);
        // a refused activation keeps everything that came before it: each row's creation and role grant
        assertThat(auditCount(company, "user.created")).isEqualTo(CONTENDERS);
        assertThat(auditCount(company, "role.granted")).isEqualTo(CONTENDERS);
        assertThat(auditCount(company, "user.activated")).isEqualTo(LICENSES);
        assertThat(auditCount(company, "user.activation_refused")).isEqualTo(CONTENDERS - LICENSES);
    }

    private int auditCount(String company, String action) {
        return nodeA.get("/api/v1/companies/" + company + "/audit?action=" + action + "&limit=200").json()
                .get("items").size();
    }

    private List<String> drafts(String company) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            ids.add(fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id"));
        }
        return ids;
    }

    /** Fires every activation at once, alternating between the given nodes. */
    private List<Api.Response> race(String company, List<String> drafts, List<Api> nodes) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(drafts.size())) {
            for (int i = 0; i < drafts.size(); i++) {
                Api node = nodes.get(i % nodes.size());
                String path = "/api/v1/companies/" + company + "/users/" + drafts.get(i) + "/activate";
                futures.add(pool.submit(() -> {
                    start.await();
                    return node.post(path, null);
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }

    private void assertExactlyTenWon(String company, List<Api.Response> responses) {
        long won = responses.stream().filter(r -> r.status() == 200).count();
        List<Api.Response> lost = responses.stream().filter(r -> r.status() != 200).toList();
        assertThat(won).isEqualTo(LICENSES);
        assertThat(lost).hasSize(CONTENDERS - LICENSES).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.text("validationResult"))
                    .isEqualTo("No license available: 10 of 10 in use");
        });
        assertThat(nodeA.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isEqualTo(LICENSES);
        var active = nodeB.get("/api/v1/companies/" + company + "/users?status=ACTIVE&limit=200").json().get("items");
        assertThat(active).hasSize(LICENSES);
    }
}
