package io.roster.webhooks;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.roster.support.Api;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console's Webhooks page in a real Chromium, against a real receiver on loopback: a company
 * administrator registers an endpoint (the secret shown once verifies what arrives), reads the
 * delivery log and redelivers, edits, rotates the secret, deletes; a member without the
 * administrator's permissions is refused; the operator has the platform's page; French is spoken.
 */
@IntegrationTest
@TestPropertySource(properties = {"roster.webhooks.allow-private-networks=true", "roster.webhooks.poll-interval=PT0.1S",
        "roster.webhooks.retry-delays=PT0.3S"})
class WebhooksConsoleBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String PASSWORD = "webhooks-console-test-password";
    private static final Duration WAIT = Duration.ofSeconds(20);

    WebhookReceiver receiver;
    Page page;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        if (page != null) {
            page.context().close();
        }
    }

    @Test
    void an_administrator_registers_an_endpoint_reads_its_log_redelivers_edits_rotates_and_deletes_it() {
        String company = fixtures.company(10);
        String admin = person(company, "ADMINISTRATOR");
        page = chromium.newPage("http://127.0.0.1:" + port, "en");
        Chromium.signIn(page, admin, PASSWORD);
        page.navigate("/companies/" + company + "/users");
        page.locator("#nav-webhooks").click();
        assertThat(page.locator("h1")).hasText("Webhooks");
        assertThat(page.locator("#no-endpoints")).isVisible();

        page.getByLabel("URL").fill(receiver.url());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.locator("#error")).hasText("Choose at least one event.");
        assertThat(page.getByLabel("URL")).hasValue(receiver.url());
        page.getByLabel("The licenses change").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();

        assertThat(page.locator("h1")).hasText("Signing secret");
        assertThat(page.locator("#notice")).hasText("The endpoint " + receiver.url() + " is registered.");
        String secret = page.locator("#secret").inputValue();
        assertThat(secret).startsWith("whsec_");
        Chromium.screenshot(page, "webhooks-secret-en");
        page.locator("#continue").click();
        assertThat(page.locator("h1")).hasText("Webhook endpoint");
        assertThat(page.content()).doesNotContain(secret);
        String endpoint = page.url().substring(page.url().lastIndexOf('/') + 1);

        assertThat(operator.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 12)).status())
                .isEqualTo(200);
        await().atMost(WAIT).until(() -> receiver.received.size() == 1);
        assertThat(StandardWebhooksVerifier.verifies(secret, receiver.received.getFirst())).isTrue();
        await().atMost(WAIT).until(() -> "DELIVERED".equals(operator.get("/api/v1/companies/" + company + "/webhooks/"
                + endpoint + "/deliveries").json().get("items").get(0).get("status").asString()));

        page.reload();
        var line = page.locator("#deliveries tbody tr").first();
        assertThat(line).containsText("licenses.changed");
        assertThat(line.locator(".status")).hasText("Delivered");
        assertThat(line.locator(".attempts")).hasText("1");
        assertThat(line.locator(".last")).hasText("HTTP 204");
        Chromium.screenshot(page, "webhooks-endpoint-en");
        line.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(
                java.util.regex.Pattern.compile("^Redeliver licenses.changed"))).click();
        assertThat(page.locator("#notice")).hasText("The event is queued to be sent again.");
        await().atMost(WAIT).until(() -> receiver.received.size() == 2);
        assertThat(receiver.received.get(1).id()).isEqualTo(receiver.received.get(0).id());

        page.getByLabel("A user is created").check();
        page.getByLabel("Enabled: send it events").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#notice")).hasText("The endpoint was saved.");
        JsonNode saved = operator.get("/api/v1/companies/" + company + "/webhooks/" + endpoint).json();
        assertThat(saved.get("enabled").asBoolean()).isFalse();
        assertThat(List.of(saved.get("events").get(0).asString(), saved.get("events").get(1).asString()))
                .containsExactlyInAnyOrder("user.created", "licenses.changed");

        page.getByLabel("A user is created").uncheck();
        page.getByLabel("The licenses change").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#error")).hasText("Choose at least one event.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rotate the secret")).click();
        assertThat(page.locator("#notice")).hasText("The signing secret of " + receiver.url() + " was replaced.");
        assertThat(page.locator("#overlap")).containsText("the previous secret keeps signing until");
        assertThat(page.locator("#secret").inputValue()).startsWith("whsec_").isNotEqualTo(secret);
        page.locator("#continue").click();

        page.locator("summary", new Page.LocatorOptions().setHasText("Delete this endpoint")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the endpoint")).click();
        assertThat(page.locator("#notice")).hasText("The endpoint was deleted.");
        assertThat(page.locator("#no-endpoints")).isVisible();
        assertThat(operator.get("/api/v1/companies/" + company + "/webhooks/" + endpoint).status()).isEqualTo(404);
        JsonNode audit = operator.get("/api/v1/companies/" + company + "/audit?action=webhook.*").json().get("items");
        assertThat(audit.findValuesAsString("action")).contains("webhook.created", "webhook.redelivered",
                "webhook.updated", "webhook.key_rotated", "webhook.deleted");
    }

    @Test
    void a_member_without_every_permission_is_refused_and_sees_no_menu_entry() {
        String company = fixtures.company(10);
        String manager = person(company, "USER_MANAGER");
        page = chromium.newPage("http://127.0.0.1:" + port, "en");
        Chromium.signIn(page, manager, PASSWORD);
        page.navigate("/companies/" + company + "/users");
        assertThat(page.locator("#nav-users")).isVisible();
        assertThat(page.locator("#nav-webhooks")).hasCount(0);
        assertThat(page.navigate("/companies/" + company + "/webhooks").status()).isEqualTo(403);
        assertThat(page.navigate("/admin/webhooks").status()).isEqualTo(403);
    }

    @Test
    void the_operator_registers_a_platform_endpoint_in_french() {
        page = chromium.newPage("http://127.0.0.1:" + port, "fr");
        Chromium.signIn(page, Operator.EMAIL, Operator.PASSWORD);
        // the operator's saved language is English: switch this session, as the language link does
        page.navigate("/admin/webhooks?lang=fr");
        assertThat(page.locator("h1")).hasText("Webhooks de la plateforme");
        page.getByLabel("URL").fill(receiver.url());
        page.getByLabel("Un utilisateur est créé").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("h1")).hasText("Secret de signature");
        assertThat(page.locator("#secret").inputValue()).startsWith("whsec_");
        Chromium.screenshot(page, "webhooks-secret-fr");
        page.locator("#continue").click();
        assertThat(page.locator("#no-deliveries")).hasText("Rien n'a encore été envoyé.");
        String endpoint = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(operator.get("/api/v1/webhooks/" + endpoint).json().get("url").asString()).isEqualTo(receiver.url());
        page.locator("summary", new Page.LocatorOptions().setHasText("Supprimer ce webhook")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Supprimer le webhook")).click();
        assertThat(page.locator("#notice")).hasText("Le webhook a été supprimé.");
    }

    /** An ACTIVE internal user of the company with a password and these roles; returns its userId. */
    private String person(String company, String... roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(roles));
        Api.Response created = fixtures.createUser(company, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return (String) body.get("userId");
    }
}
