package io.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The claim under contention: several dispatchers (threads here, beside the scheduled round, as
 * nodes would be) draining the backlogs of several endpoints at once, with receivers that refuse
 * some posts. A claim takes each endpoint's head and the run behind it and leases them, and a batch
 * writes its outcomes together: no delivery may be sent twice, none may overtake one still waiting
 * on its endpoint, and each ends DELIVERED with its attempts counted.
 */
@IntegrationTest
@TestPropertySource(properties = {"roster.webhooks.allow-private-networks=true", "roster.webhooks.poll-interval=PT0.1S",
        "roster.webhooks.retry-delays=PT0.2S"})
class WebhookClaimIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ENDPOINTS = 3;
    private static final int EVENTS = 25;

    @LocalServerPort
    int port;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    Api operator;
    Fixtures fixtures;
    List<WebhookReceiver> receivers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
    }

    @AfterEach
    void tearDown() {
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void dispatchers_claiming_at_once_send_each_delivery_once_and_each_endpoint_in_order() throws Exception {
        List<String> companies = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < ENDPOINTS; i++) {
            WebhookReceiver receiver = new WebhookReceiver();
            receivers.add(receiver);
            String company = fixtures.company(10);
            companies.add(company);
            Api.Response registered = operator.post("/api/v1/companies/" + company + "/webhooks",
                    Map.of("url", receiver.url(), "events", List.of("licenses.changed")));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            endpoints.add(registered.text("id"));
            receiver.down();
        }
        // a backlog on each endpoint, filed in turns so the endpoints' rows interleave
        for (int purchased = 11; purchased < 11 + EVENTS; purchased++) {
            for (String company : companies) {
                assertThat(operator.put("/api/v1/companies/" + company + "/licenses",
                        Map.of("licensesPurchased", purchased)).status()).isEqualTo(200);
            }
        }
        for (int i = 0; i < ENDPOINTS; i++) {
            // one receiver takes everything, the others refuse some posts: their runs stop and go back
            receivers.get(i).refuseEvery(i == 0 ? 0 : 3 + i);
            receivers.get(i).up();
        }

        ExecutorService nodes = Executors.newFixedThreadPool(3);
        try {
            for (int node = 0; node < 3; node++) {
                nodes.submit(() -> {
                    long until = System.currentTimeMillis() + WAIT.toMillis();
                    while (!allReceived() && System.currentTimeMillis() < until) {
                        dispatcher.deliverOneBatch();
                    }
                });
            }
            await().atMost(WAIT).until(this::allReceived);
        } finally {
            nodes.shutdown();
            assertThat(nodes.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        Thread.sleep(1000);

        List<Integer> expected = IntStream.range(11, 11 + EVENTS).boxed().toList();
        for (int i = 0; i < ENDPOINTS; i++) {
            List<Integer> purchased = receivers.get(i).received.stream()
                    .map(message -> JSON.readTree(message.body()).get("data").get("licensesPurchased").asInt()).toList();
            assertThat(purchased).as("endpoint %d: every event once, in order", i).isEqualTo(expected);
            String endpoint = endpoints.get(i);
            await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE endpoint_id = ?"
                    + " AND status = 'DELIVERED' AND lease_until IS NULL AND delivered_at IS NOT NULL"
                    + " AND last_status_code = 204").param(endpoint).query(Integer.class).single() == EVENTS);
            // a claim given back unsent undoes its attempt, a post counts one: each row was posted at least once
            int fewest = jdbc.sql("SELECT MIN(attempts) FROM webhook_deliveries WHERE endpoint_id = ?")
                    .param(endpoint).query(Integer.class).single();
            assertThat(fewest).as("endpoint %d: attempts", i).isGreaterThanOrEqualTo(1);
        }
    }

    private boolean allReceived() {
        return receivers.stream().allMatch(receiver -> receiver.received.size() >= EVENTS);
    }
}
