package io.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roster.licensing.LicensesChanged;
import io.roster.shared.CompanyId;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: endpoints registered over the API, changes made over the API, and a real
 * receiver on loopback that checks the signatures with its own HMAC.
 */
@IntegrationTest
@TestPropertySource(properties = {"roster.webhooks.allow-private-networks=true", "roster.webhooks.poll-interval=PT0.1S",
        "roster.webhooks.retry-delays=PT0.3S", "roster.metrics.cache=PT0S"})
class WebhooksIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryRetention retention;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    SigningSecretSealing sealing;

    Api operator;
    Fixtures fixtures;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void a_user_creation_reaches_the_endpoint_signed_with_the_payload_of_the_contract() {
        String company = fixtures.company(10);
        Api.Response registered = register(company, List.of("user.created"));
        String secret = registered.text("secret");
        Map<String, Object> user = Fixtures.validUser("DRAFT");

        assertThat(fixtures.createUser(company, user).status()).isEqualTo(201);

        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        WebhookReceiver.Received message = receiver.received.getFirst();
        assertThat(StandardWebhooksVerifier.verifies(secret, message)).as("signature %s", message.signature()).isTrue();
        assertThat(StandardWebhooksVerifier.verifies("whsec_" + "A".repeat(44), message)).isFalse();
        assertThat(Math.abs(Long.parseLong(message.timestamp()) - System.currentTimeMillis() / 1000)).isLessThan(60);
        JsonNode payload = JSON.readTree(message.body());
        assertThat(payload.get("id").asString()).isEqualTo(message.id());
        assertThat(payload.get("type").asString()).isEqualTo("user.created");
        assertThat(payload.get("companyId").asString()).isEqualTo(company);
        assertThat(payload.get("occurredAt").asString()).isNotBlank();
        assertThat(payload.get("data").get("userId").asString()).isEqualTo(user.get("userId"));
        assertThat(payload.get("data").get("email").asString()).isEqualTo(user.get("email"));
        assertThat(message.body().toLowerCase()).doesNotContain("password").doesNotContain("token");

        String endpoint = registered.text("id");
        Api.Response log = operator.get(webhooks(company) + "/" + endpoint + "/deliveries");
        assertThat(log.status()).isEqualTo(200);
        JsonNode line = log.json().get("items").get(0);
        assertThat(line.get("eventType").asString()).isEqualTo("user.created");
        assertThat(line.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(line.get("attempts").asInt()).isEqualTo(1);
        assertThat(line.get("lastStatusCode").asInt()).isEqualTo(204);
    }

    @Test
    void a_receiver_down_then_up_gets_every_event_once_in_order() throws Exception {
        String company = fixtures.company(10);
        String endpoint = register(company, List.of("user.created")).text("id");
        receiver.down();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> user = Fixtures.validUser("DRAFT");
            assertThat(fixtures.createUser(company, user).status()).isEqualTo(201);
            created.add((String) user.get("userId"));
        }
        // the first event failed at least once while the receiver was down; the others wait behind it
        await().atMost(WAIT).until(() -> operator.get(webhooks(company) + "/" + endpoint + "/deliveries").json()
                .get("items").findValuesAsString("lastError").stream().anyMatch(error -> error != null));

        receiver.up();

        await().atMost(WAIT).until(() -> receiver.received.size() >= 5);
        Thread.sleep(1000);
        List<String> userIds = receiver.received.stream()
                .map(message -> JSON.readTree(message.body()).get("data").get("userId").asString()).toList();
        assertThat(userIds).containsExactlyElementsOf(created);
        assertThat(receiver.received.stream().map(WebhookReceiver.Received::id).distinct()).hasSize(5);
    }

    @Test
    void a_rolled_back_change_sends_nothing_and_a_committed_one_is_sent() {
        String company = fixtures.company(10);
        register(company, List.of("licenses.changed"));

        tx.executeWithoutResult(status -> {
            publisher.publishEvent(new LicensesChanged(new CompanyId(company), 10, 111, 0));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> publisher.publishEvent(new LicensesChanged(new CompanyId(company), 10, 222, 0)));

        await().atMost(WAIT).until(() -> receiver.received.size() >= 1);
        assertThat(receiver.received).hasSize(1);
        assertThat(JSON.readTree(receiver.received.getFirst().body()).get("data").get("licensesPurchased").asInt())
                .isEqualTo(222);
    }

    @Test
    void the_secret_is_shown_once_and_a_rotation_keeps_both_keys_valid_during_the_overlap() {
        String company = fixtures.company(10);
        Api.Response registered = register(company, List.of("licenses.changed"));
        String id = registered.text("id");
        String first = registered.text("secret");
        assertThat(first).startsWith("whsec_");

        assertThat(operator.get(webhooks(company)).body()).doesNotContain(first).doesNotContain("secret");
        assertThat(operator.get(webhooks(company) + "/" + id).body()).doesNotContain(first).doesNotContain("secret");
        Api.Response patched = operator.patch(webhooks(company) + "/" + id,
                Map.of("events", List.of("licenses.changed", "user.deleted")), Map.of());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body()).doesNotContain(first).doesNotContain("secret");
        assertThat(patched.body()).contains("\"user.deleted\"");

        Api.Response rotated = operator.post(webhooks(company) + "/" + id + "/rotate-secret", Map.of());
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.text("secret");
        assertThat(second).startsWith("whsec_").isNotEqualTo(first);
        assertThat(operator.get(webhooks(company) + "/" + id).body()).doesNotContain(second);

        Api.Response audit = operator.get("/api/v1/companies/" + company + "/audit?action=webhook.*");
        assertThat(audit.json().get("items").findValuesAsString("action"))
                .contains("webhook.created", "webhook.updated", "webhook.key_rotated");
        assertThat(audit.body()).doesNotContain(first).doesNotContain(second);

        assertThat(operator.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 12)).status())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        WebhookReceiver.Received message = receiver.received.getFirst();
        assertThat(message.signature().split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verifies(first, message)).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(second, message)).isTrue();
    }

    @Test
    void registration_refuses_bad_input_with_field_errors() {
        String company = fixtures.company(10);
        Api.Response refused = operator.post(webhooks(company),
                Map.of("url", "ftp://127.0.0.1/hook", "events", List.of("user.created", "user.exploded")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).contains("url", "events");
    }

    @Test
    void a_failed_delivery_can_be_redelivered() {
        String company = fixtures.company(10);
        String endpoint = register(company, List.of("licenses.changed")).text("id");
        operator.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 12));
        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(operator.get(webhooks(company) + "/" + endpoint
                + "/deliveries").json().get("items").get(0).get("status").asString()));
        String delivery = operator.get(webhooks(company) + "/" + endpoint + "/deliveries").json().get("items").get(0)
                .get("id").asString();

        Api.Response again = operator.post(webhooks(company) + "/" + endpoint + "/deliveries/" + delivery + "/redeliver",
                Map.of());
        assertThat(again.status()).isEqualTo(202);

        await().atMost(WAIT).until(() -> receiver.received.size() == 2);
        assertThat(receiver.received.get(1).id()).isEqualTo(receiver.received.get(0).id());
        assertThat(receiver.received.get(1).body()).isEqualTo(receiver.received.get(0).body());

        // the log keeps a month: the first delivery, aged past it, is purged; the redelivery stays
        await().atMost(WAIT).until(() -> operator.get(webhooks(company) + "/" + endpoint + "/deliveries").json()
                .get("items").findValuesAsString("status").equals(List.of("DELIVERED", "DELIVERED")));
        jdbc.sql("UPDATE webhook_deliveries SET created_at = ? WHERE id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(31), delivery).update();
        retention.purge(Instant.now());
        JsonNode left = operator.get(webhooks(company) + "/" + endpoint + "/deliveries").json().get("items");
        assertThat(left.findValuesAsString("id")).containsExactly(again.text("id"));
    }

    /** Two nodes (two threads here, beside the scheduled round) draining one backlog: no event twice. */
    @Test
    void two_nodes_dispatching_at_once_deliver_every_event_once_in_order() throws Exception {
        String company = fixtures.company(10);
        register(company, List.of("licenses.changed"));
        receiver.down();
        for (int purchased = 11; purchased <= 30; purchased++) {
            assertThat(operator.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", purchased))
                    .status()).isEqualTo(200);
        }
        receiver.up();
        var nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int node = 0; node < 2; node++) {
                nodes.submit(() -> {
                    long until = System.currentTimeMillis() + WAIT.toMillis();
                    while (receiver.received.size() < 20 && System.currentTimeMillis() < until) {
                        dispatcher.deliverOneBatch();
                    }
                });
            }
            await().atMost(WAIT).until(() -> receiver.received.size() >= 20);
        } finally {
            nodes.shutdown();
            nodes.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        Thread.sleep(1000);
        List<Integer> purchased = receiver.received.stream()
                .map(message -> JSON.readTree(message.body()).get("data").get("licensesPurchased").asInt()).toList();
        assertThat(purchased).as("every event once, in order").isEqualTo(java.util.stream.IntStream.rangeClosed(11, 30)
                .boxed().toList());
    }

    @Test
    void signing_secrets_are_stored_sealed_and_clear_ones_from_before_are_sealed_at_start() {
        String company = fixtures.company(10);
        Api.Response registered = register(company, List.of("licenses.changed"));
        String id = registered.text("id");
        String secret = registered.text("secret");
        String stored = jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = ?").param(id).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));

        // a row from before V29: the secret in the clear, sealed by the start-up pass
        jdbc.sql("UPDATE webhook_endpoints SET secret = ? WHERE id = ?").params(secret, id).update();
        assertThat(sealing.sealClearSecrets()).isGreaterThanOrEqualTo(1);
        String resealed = jdbc.sql("SELECT secret FROM webhook_endpoints WHERE id = ?").param(id).query(String.class)
                .single();
        assertThat(resealed).startsWith("v1:").isNotEqualTo(stored);
        assertThat(operator.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 12)).status())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        assertThat(StandardWebhooksVerifier.verifies(secret, receiver.received.getFirst())).isTrue();
    }

    @Test
    void the_queue_and_the_outcomes_show_in_the_metrics() throws Exception {
        String company = fixtures.company(10);
        register(company, List.of("licenses.changed"));
        Map<String, Double> before = scrape();
        receiver.down();
        for (int purchased = 11; purchased <= 13; purchased++) {
            operator.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", purchased));
        }
        await().atMost(WAIT).until(() -> delta(scrape(), before, "roster_webhooks_deliveries_total{outcome=\"retry\"}") >= 1);
        Map<String, Double> waiting = scrape();
        assertThat(waiting.get("roster_webhooks_pending")).isGreaterThanOrEqualTo(3);
        assertThat(waiting.get("roster_webhooks_lag_seconds")).isGreaterThan(0);

        receiver.up();
        await().atMost(WAIT).until(() -> receiver.received.size() == 3);
        await().atMost(WAIT).until(() -> delta(scrape(), before, "roster_webhooks_deliveries_total{outcome=\"delivered\"}") >= 3);
    }

    /** {@code data} of the user events is the user as GET …/users/{id} shows it after the change. */
    @Test
    void user_events_carry_the_user_as_the_api_shows_it() throws Exception {
        String company = fixtures.company(10);
        register(company, List.of("user.created", "user.updated", "user.activated", "user.deactivated", "user.deleted"));
        String users = "/api/v1/companies/" + company + "/users";
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("DRAFT"), "roles", List.of("MEMBER"));
        String id = fixtures.createUser(company, body).text("id");
        JsonNode created = operator.get(users + "/" + id).json();
        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        assertThat(data(0)).isEqualTo(created);
        assertThat(data(0).get("roles").get(0).asString()).isEqualTo("MEMBER");

        assertThat(operator.patch(users + "/" + id, Map.of("firstName", "Irène"), Map.of()).status()).isEqualTo(200);
        JsonNode edited = operator.get(users + "/" + id).json();
        await().atMost(WAIT).until(() -> receiver.received.size() == 2);
        assertThat(JSON.readTree(receiver.received.get(1).body()).get("type").asString()).isEqualTo("user.updated");
        assertThat(data(1)).isEqualTo(edited);

        assertThat(operator.post(users + "/" + id + "/activate", Map.of()).status()).isEqualTo(200);
        JsonNode active = operator.get(users + "/" + id).json();
        await().atMost(WAIT).until(() -> receiver.received.size() == 3);
        assertThat(data(2)).isEqualTo(active);
        assertThat(data(2).get("status").asString()).isEqualTo("ACTIVE");

        assertThat(operator.post(users + "/" + id + "/deactivate", Map.of()).status()).isEqualTo(200);
        JsonNode inactive = operator.get(users + "/" + id).json();
        await().atMost(WAIT).until(() -> receiver.received.size() == 4);
        assertThat(data(3)).isEqualTo(inactive);

        Api.Response deleted = operator.delete(users + "/" + id, Map.of());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        await().atMost(WAIT).until(() -> receiver.received.size() == 5);
        assertThat(JSON.readTree(receiver.received.get(4).body()).get("type").asString()).isEqualTo("user.deleted");
        assertThat(data(4).get("id").asString()).isEqualTo(id);
        assertThat(data(4).get("userId").asString()).isEqualTo(body.get("userId"));
        for (WebhookReceiver.Received message : receiver.received) {
            assertThat(message.body().toLowerCase()).doesNotContain("password").doesNotContain("token")
                    .doesNotContain("hash");
        }
    }

    private JsonNode data(int message) {
        return JSON.readTree(receiver.received.get(message).body()).get("data");
    }

    /** The Prometheus text format, one entry per series: {@code name{labels}} to its value. */
    private Map<String, Double> scrape() {
        Api.Response response = Api.at(port).withHeader("Accept", "text/plain").get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        Map<String, Double> series = new java.util.HashMap<>();
        response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            String name = line.substring(0, space).replaceAll(",?application=\"[^\"]*\"", "").replace("{,", "{")
                    .replace("{}", "");
            series.put(name, Double.parseDouble(line.substring(space + 1)));
        });
        return series;
    }

    private static double delta(Map<String, Double> now, Map<String, Double> before, String series) {
        return now.getOrDefault(series, 0.0) - before.getOrDefault(series, 0.0);
    }

    private Api.Response register(String company, List<String> events) {
        Api.Response response = operator.post(webhooks(company), Map.of("url", receiver.url(), "events", events));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private static String webhooks(String company) {
        return "/api/v1/companies/" + company + "/webhooks";
    }
}
