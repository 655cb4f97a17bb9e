package io.roster.webhooks;

import static io.roster.support.DeliveredMail.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the production setting (private networks refused) does at delivery time, and what happens
 * to an endpoint that keeps failing: a host name that resolves to loopback when the event is sent
 * (DNS rebinding: it passed the check at registration) is never contacted, and an endpoint that
 * only failed for {@code roster.webhooks.disable-after} (2 seconds here) is disabled by the system,
 * audited, and its company's administrators receive a mail over real SMTP (GreenMail).
 */
@IntegrationTest
class WebhookEndpointHealthIntegrationTests {

    static final TestSmtp smtp = TestSmtp.start();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        smtp.register(registry);
        registry.add("roster.webhooks.allow-private-networks", () -> "false");
        registry.add("roster.webhooks.poll-interval", () -> "PT0.1S");
        registry.add("roster.webhooks.retry-delays", () -> "PT0.2S");
        registry.add("roster.webhooks.disable-after", () -> "PT2S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api operator;
    Fixtures fixtures;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws IOException {
        smtp.ensureRunning();
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() throws Exception {
        receiver.close();
        smtp.forget();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void a_loopback_url_is_refused_at_registration_without_the_setting() {
        String company = fixtures.company(10);
        Api.Response refused = operator.post(webhooks(company),
                Map.of("url", "http://localhost:" + 9 + "/hook", "events", List.of("licenses.changed")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("url");
    }

    @Test
    void a_name_that_resolves_to_loopback_at_delivery_is_not_contacted_and_the_failing_endpoint_is_disabled() {
        String company = fixtures.company(10);
        Map<String, Object> admin = Fixtures.with(Fixtures.validUser("ACTIVE"), "emailVerified", true,
                "roles", List.of("ADMINISTRATOR"));
        assertThat(fixtures.createUser(company, admin).status()).isEqualTo(201);
        // registered while its name answered a public address ...
        Api.Response registered = operator.post(webhooks(company),
                Map.of("url", "http://93.184.215.14/hook", "events", List.of("licenses.changed")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String endpoint = registered.text("id");
        // ... and now it answers loopback, where this receiver listens (localhost: the same effect)
        jdbc.sql("UPDATE webhook_endpoints SET url = ? WHERE id = ?")
                .params("http://localhost:" + receiver.url().split(":")[2], endpoint).update();

        assertThat(operator.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 12)).status())
                .isEqualTo(200);

        await().atMost(WAIT).until(() -> lastError(company, endpoint).startsWith("URL refused"));
        await().atMost(WAIT).until(() -> !operator.get(webhooks(company) + "/" + endpoint).json().get("enabled").asBoolean());
        assertThat(receiver.received).as("loopback never contacted").isEmpty();
        JsonNode disabled = operator.get(webhooks(company) + "/" + endpoint).json();
        assertThat(disabled.get("disabledAt").asString()).isNotBlank();

        JsonNode audit = operator.get("/api/v1/companies/" + company + "/audit?action=webhook.disabled").json()
                .get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actorKind").asString()).isEqualTo("SYSTEM");
        assertThat(audit.get(0).get("targetId").asString()).isEqualTo(endpoint);

        String adminEmail = (String) admin.get("email");
        await().atMost(WAIT).until(() -> mailsTo(adminEmail).stream()
                .anyMatch(mail -> subject(mail).equals("A webhook endpoint was disabled")));
        MimeMessage mail = mailsTo(adminEmail).stream()
                .filter(m -> subject(m).equals("A webhook endpoint was disabled")).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(mail)).contains("localhost");
        // nothing more is attempted while disabled; enabling it again clears the record
        Api.Response enabled = operator.patch(webhooks(company) + "/" + endpoint, Map.of("enabled", true), Map.of());
        assertThat(enabled.status()).isEqualTo(200);
        JsonNode disabledAt = enabled.json().get("disabledAt");
        assertThat(disabledAt == null || disabledAt.isNull()).as(enabled.body()).isTrue();
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
    }

    private String lastError(String company, String endpoint) {
        JsonNode items = operator.get(webhooks(company) + "/" + endpoint + "/deliveries").json().get("items");
        JsonNode error = items.isEmpty() ? null : items.get(0).get("lastError");
        return error == null || error.isNull() ? "" : error.asString();
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.received()).filter(mail -> {
            try {
                return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String webhooks(String company) {
        return "/api/v1/companies/" + company + "/webhooks";
    }


}
