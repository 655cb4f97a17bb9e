package io.roster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.RosterApplication;
import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Chromium;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A node started with {@code roster.demo-data=true} on an empty database of its own: each persona
 * signs in with the shared demo password and sees its own part of the demo world; a second start
 * on the same database adds nothing. On H2 and on PostgreSQL like the rest of the suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataIntegrationTests {

    private DemoDatabase database;
    private ConfigurableApplicationContext node;
    private int port;

    @BeforeAll
    void startOnAnEmptyDatabase() {
        database = DemoDatabase.create();
        start();
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        database.close();
    }

    @Test
    @Order(1)
    void every_persona_signs_in_at_the_console_with_the_demo_password() {
        for (Persona persona : Persona.ALL) {
            Browser.Page signedIn = new Browser(port).signIn(persona.email(), Persona.PASSWORD);
            assertThat(signedIn.status()).as(persona.key()).isEqualTo(302);
            assertThat(signedIn.location()).as(persona.key()).doesNotContain("error");
        }
    }

    @Test
    @Order(1)
    void the_sign_in_page_lists_the_personas_and_their_password() {
        String page = new Browser(port).get("/login").html();
        assertThat(page).contains("id=\"demo-sign-ins\"", Persona.PASSWORD, "Partner administrator", "External person");
        Persona.ALL.forEach(persona -> assertThat(page).contains(persona.email()));
    }

    @Test
    @Order(1)
    void the_partner_admin_reaches_the_partner_space_with_its_three_companies() {
        Api partnerAdmin = signIn(Persona.PARTNER_ADMIN);
        String partnerId = partnerId();
        assertThat(names(partnerAdmin.get("/api/v1/partners/" + partnerId + "/companies").json().get("items")))
                .containsExactlyInAnyOrder("Atelier Dupont & Fils", "Boulangerie Martin", "Northwind Logistics");

        Browser console = new Browser(port);
        console.signIn(Persona.PARTNER_ADMIN.email(), Persona.PASSWORD);
        Browser.Page space = console.get("/partners/" + partnerId);
        assertThat(space.status()).isEqualTo(200);
        assertThat(space.html()).contains("Northwind Logistics", "Boulangerie Martin", "Atelier Dupont &amp; Fils");
    }

    @Test
    @Order(1)
    void the_company_administrator_sees_drafts_with_their_validation_results_inactive_and_external_rows() {
        Api admin = signIn(Persona.COMPANY_ADMIN);
        String northwind = companyId("Northwind Logistics");
        List<JsonNode> rows = items(admin.get("/api/v1/companies/" + northwind + "/users?limit=200"));
        assertThat(rows).hasSizeGreaterThan(70);
        assertThat(rows).filteredOn(row -> row.get("status").asString().equals("DRAFT"))
                .extracting(row -> row.get("validationResult").asString())
                .contains("Email is invalid", "User ID already taken", "Last name is missing", "User ID is missing");
        assertThat(rows).filteredOn(row -> row.get("status").asString().equals("INACTIVE")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(rows).filteredOn(row -> row.get("external").asBoolean())
                .extracting(row -> row.get("email").asString()).contains(Persona.EXTERNAL.email());

        Browser console = new Browser(port);
        console.signIn(Persona.COMPANY_ADMIN.email(), Persona.PASSWORD);
        Browser.Page table = console.get("/companies/" + northwind + "/users");
        assertThat(table.status()).isEqualTo(200);
        assertThat(table.html()).contains("User ID is missing", "Draft", "Active");
        assertThat(console.get("/companies/" + northwind + "/users?status=INACTIVE").html()).contains("Inactive");
        assertThat(console.get("/companies/" + northwind + "/users?external=true").html())
                .contains(Persona.EXTERNAL.email());
    }

    @Test
    @Order(1)
    void a_full_company_keeps_its_last_rows_as_drafts_waiting_for_a_license() {
        Api operator = signIn(Persona.OPERATOR);
        String bakery = companyId("Boulangerie Martin");
        JsonNode company = operator.get("/api/v1/companies/" + bakery).json();
        assertThat(company.get("licensesUsed").asInt()).isEqualTo(company.get("licensesPurchased").asInt());
        assertThat(items(operator.get("/api/v1/companies/" + bakery + "/users?status=DRAFT")))
                .extracting(row -> row.get("validationResult").asString()).isNotEmpty()
                .allSatisfy(result -> assertThat(result).containsIgnoringCase("license"));
    }

    @Test
    @Order(1)
    void a_member_is_refused_the_users_table_and_sees_only_its_workspace() {
        Api member = signIn(Persona.MEMBER);
        String northwind = companyId("Northwind Logistics");
        assertThat(member.get("/api/v1/companies/" + northwind + "/users").status()).isEqualTo(403);
        assertThat(names(member.get("/api/v1/companies/" + northwind + "/workspaces").json().get("items")))
                .containsExactly("Customer support");

        Browser console = new Browser(port);
        console.signIn(Persona.MEMBER.email(), Persona.PASSWORD);
        assertThat(console.get("/companies/" + northwind + "/users").status()).isEqualTo(403);
    }

    @Test
    @Order(1)
    void the_other_personas_see_what_their_roles_give() {
        Api userManager = signIn(Persona.USER_MANAGER);
        String northwind = companyId("Northwind Logistics");
        assertThat(userManager.get("/api/v1/companies/" + northwind + "/users").status()).isEqualTo(200);
        assertThat(userManager.get("/api/v1/companies/" + northwind + "/audit").status()).isEqualTo(403);

        Api auditor = signIn(Persona.AUDITOR);
        assertThat(items(auditor.get("/api/v1/companies/" + northwind + "/audit"))).isNotEmpty();

        Api billing = signIn(Persona.BILLING_MANAGER);
        assertThat(billing.get("/api/v1/companies/" + northwind + "/users").status()).isEqualTo(403);

        Api external = signIn(Persona.EXTERNAL);
        assertThat(names(external.get("/api/v1/companies/" + northwind + "/workspaces").json().get("items")))
                .containsExactly("Warehouse Lyon");

        Api partnerUserManager = signIn(Persona.PARTNER_USER_MANAGER);
        assertThat(partnerUserManager.get("/api/v1/companies/" + northwind + "/users").status()).isEqualTo(200);
    }

    /**
     * In Chromium: the sign-in page shows the personas in French, and the company administrator's
     * Users table (kept as target/screenshots/demo-users-table.png, the README's docs/users-table.png).
     */
    @Test
    @Order(1)
    void in_a_browser_the_company_administrator_signs_in_from_the_listed_personas_and_opens_the_users_table()
            throws Exception {
        String northwind = companyId("Northwind Logistics");
        try (Chromium chromium = Chromium.start()) {
            Page french = chromium.newPage("http://127.0.0.1:" + port, "fr");
            french.navigate("/login");
            assertThat(french.locator("#demo-sign-ins").innerText())
                    .contains("Données de démonstration", "Administrateur de la société", Persona.COMPANY_ADMIN.email());

            Page page = chromium.newPage("http://127.0.0.1:" + port, "en");
            Chromium.signIn(page, Persona.COMPANY_ADMIN.email(), Persona.PASSWORD);
            page.navigate("/companies/" + northwind + "/users");
            assertThat(page.locator("table").first().innerText()).contains("User ID is missing", "Draft", "Active");
            page.setViewportSize(1600, 1000);   // the whole width of the table, for the README
            Files.createDirectories(Chromium.SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("demo-users-table.png")));
        }
    }

    @Test
    @Order(2)
    void a_second_start_on_the_same_database_adds_nothing() throws Exception {
        Api before = signIn(Persona.OPERATOR);
        String northwind = companyId("Northwind Logistics");
        String partnerId = partnerId();
        int companies = items(before.get("/api/v1/partners/" + partnerId + "/companies")).size();
        int users = items(before.get("/api/v1/companies/" + northwind + "/users?limit=200")).size();

        long[] rows = {database.count("partners"), database.count("companies"), database.count("accounts")};
        node.close();
        start();

        assertThat(new long[] {database.count("partners"), database.count("companies"), database.count("accounts")})
                .containsExactly(rows);

        Api after = signIn(Persona.OPERATOR);
        assertThat(items(after.get("/api/v1/partners/" + partnerId + "/companies"))).hasSize(companies);
        assertThat(items(after.get("/api/v1/companies/" + northwind + "/users?limit=200"))).hasSize(users);
        assertThat(new Browser(port).get("/login").html()).contains(Persona.COMPANY_ADMIN.email());
    }

    @Test
    @Order(3)
    void two_nodes_starting_together_on_an_empty_database_make_one_demo_world() throws Exception {
        try (DemoDatabase shared = DemoDatabase.create()) {
            // the race under test is the demo's, not Flyway's: a node without demo data makes the schema first
            try (ConfigurableApplicationContext plain = start(shared, "migrating", false)) {
                int plainPort = Integer.parseInt(plain.getEnvironment().getProperty("local.server.port"));
                assertThat(new Browser(plainPort).get("/login").html()).doesNotContain("demo-sign-ins", Persona.PASSWORD);
            }
            CompletableFuture<ConfigurableApplicationContext> first =
                    CompletableFuture.supplyAsync(() -> start(shared, "first", true));
            CompletableFuture<ConfigurableApplicationContext> second =
                    CompletableFuture.supplyAsync(() -> start(shared, "second", true));
            try (ConfigurableApplicationContext one = first.get(5, TimeUnit.MINUTES);
                    ConfigurableApplicationContext other = second.get(5, TimeUnit.MINUTES)) {
                assertThat(shared.count("partners")).isEqualTo(1);
                assertThat(shared.count("companies")).isEqualTo(3);
                assertThat(shared.count("demo_marker")).isEqualTo(1);
                for (ConfigurableApplicationContext started : List.of(one, other)) {
                    int nodePort = Integer.parseInt(started.getEnvironment().getProperty("local.server.port"));
                    Api.at(nodePort).signIn(Persona.COMPANY_ADMIN.email(), Persona.PASSWORD);
                }
            }
        }
    }

    private void start() {
        node = start(database, "demo-node", true);
        port = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(DemoDatabase database, String name, boolean demoData) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.hikari.pool-name=" + name, "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1", "--roster.sign-in.delay-unit=PT0S",
                "--roster.sign-in.address-lock-after=100000", "--roster.shutdown.drain=0s", "--roster.demo-data=" + demoData));
        arguments.addAll(database.arguments());
        return new SpringApplicationBuilder(RosterApplication.class).run(arguments.toArray(String[]::new));
    }

    private Api signIn(Persona persona) {
        return Api.at(port).signIn(persona.email(), Persona.PASSWORD);
    }

    /** A company of the demo partner, as its administrator lists them. */
    private String companyId(String name) {
        Api partnerAdmin = signIn(Persona.PARTNER_ADMIN);
        for (JsonNode company : items(partnerAdmin.get("/api/v1/partners/" + partnerId() + "/companies"))) {
            if (company.get("name").asString().equals(name)) {
                return company.get("id").asString();
            }
        }
        throw new AssertionError("no company " + name + " in the partner space");
    }

    private String partnerId() {
        return signIn(Persona.PARTNER_ADMIN).get("/api/v1/me").json().get("partners").get(0).get("partnerId").asString();
    }

    private static List<JsonNode> items(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("items").spliterator(), false).toList();
    }

    private static List<String> names(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.get("name").asString()).toList();
    }
}
