package io.roster.audit;

import static io.roster.audit.AuditIntegrationTests.PASSWORD;
import static io.roster.audit.AuditIntegrationTests.audit;
import static io.roster.audit.AuditIntegrationTests.users;
import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's audit page (French and English, escaped, 403 without audit.read) and the CSV export. */
@IntegrationTest
class AuditConsoleIntegrationTests {

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    String company;

    @BeforeEach
    void aCompany() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        company = fixtures.company(10);
    }

    @Test
    void an_auditor_sees_the_page_with_escaped_entries_and_its_filters() {
        String auditor = userWith("AUDITOR");
        var created = operator.withHeader("X-Request-Id", "console-req-7").post(users(company),
                Fixtures.with(Fixtures.validUser("DRAFT"), "firstName", "<script>alert(1)</script>"));
        Browser browser = signedIn(auditor);

        Browser.Page page = browser.get(page());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("<html lang=\"en\">", "Audit log", "user.created", "console-req-7",
                created.text("id"), "Platform operator", "Export as CSV", "name=\"action\"", "name=\"from\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");

        Browser.Page filtered = browser.get(page() + "?action=user.created&actor=operator");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.html()).contains("user.created").doesNotContain("<code>company.created</code>")
                .contains("value=\"user.created\"");

        Browser.Page french = browser.get(page() + "?lang=fr");
        assertThat(french.html()).contains("<html lang=\"fr\">", "Journal d", "Opérateur de la plateforme",
                "Exporter en CSV", "Avant → après");
    }

    @Test
    void a_bad_filter_says_what_to_fix_on_the_page() {
        Browser browser = signedIn(userWith("ADMINISTRATOR"));

        Browser.Page page = browser.get(page() + "?from=yesterday&action=" + AuditIntegrationTests.enc("no spaces"));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.html()).contains("id=\"audit-error\"", "“From” must be a date and time",
                "The action must be an action such as user.created");
    }

    @Test
    void the_page_walks_older_entries_a_page_at_a_time() {
        for (int i = 0; i < 55; i++) {
            operator.post(users(company), Fixtures.validUser("DRAFT"));
        }
        Browser browser = signedIn(userWith("AUDITOR"));

        Browser.Page first = browser.get(page());
        String next = first.html().replaceAll("(?s).*<a href=\"([^\"]+)\" rel=\"next\".*", "$1").replace("&amp;", "&");

        assertThat(next).startsWith("/companies/" + company + "/audit?cursor=");
        Browser.Page second = browser.get(next);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.html()).contains("company.created").doesNotContain("rel=\"next\"");
    }

    @Test
    void without_audit_read_the_403_page_and_in_another_company_not_found() {
        Browser manager = signedIn(userWith("USER_MANAGER"));

        Browser.Page refused = manager.get(page());
        Browser.Page elsewhere = manager.get("/companies/" + fixtures.company(1) + "/audit");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("Access denied").doesNotContain("user.created");
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(new Browser(port).get(page()).status()).as("signed out: to the sign-in page").isEqualTo(302);
    }

    @Test
    void the_menu_links_to_the_audit_only_with_audit_read() {
        // one company: the landing leads into it (its Users table), whose side menu has the audit or not
        Browser auditor = signedIn(userWith("AUDITOR"));
        Browser.Page landing = auditor.get("/start");
        assertThat(landing.location()).endsWith("/companies/" + company + "/users");
        assertThat(auditor.get(landing.location()).html()).contains("href=\"/companies/" + company + "/audit\"");
        Browser manager = signedIn(userWith("USER_MANAGER"));
        assertThat(manager.get(manager.get("/start").location()).html()).doesNotContain("/audit\"");
    }

    @Test
    void the_csv_export_lists_every_entry_and_the_console_session_can_download_it() throws Exception {
        String admin = userWith("ADMINISTRATOR");
        String id = operator.post(users(company), Fixtures.with(Fixtures.validUser("DRAFT"), "lastName", "Doe, \"Jr\""))
                .text("id");

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + audit(company) + "/export?action=user."))
                .header("Authorization", bearerOf(admin)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo(String.join(",", HEADER));
        // the JSON cell is quoted, its quotes doubled: {"lastName":"Doe, \"Jr\""} → "{""lastName"":""Doe, \""Jr\"""" …
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("user.created", id, "\"\"Doe, \\\"\"Jr\\\"\"\"\""));
        assertThat(lines.stream().skip(1)).allSatisfy(line -> assertThat(line).contains(",user."));

        Browser browser = signedIn(admin);
        Browser.Page download = browser.get(audit(company) + "/export");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.html()).startsWith("occurredAt,actorKind").contains("company.created");
    }

    private static final List<String> HEADER = List.of("occurredAt", "actorKind", "actorUserId",
            "actorAccountId", "action", "targetType", "targetId", "before", "after", "clientAddress", "requestId",
            "companyId", "partnerId", "id");

    private String bearerOf(String userId) {
        var token = Api.at(port).basic(userId, PASSWORD).post("/api/v1/tokens", null);
        return "Bearer " + token.text("token");
    }

    private String userWith(String role) {
        var created = operator.post(users(company),
                Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("userId");
    }

    private Browser signedIn(String userId) {
        Browser browser = new Browser(port);
        browser.get("/login");
        Browser.Page signedIn = browser.post("/login", Map.of("login", userId, "password", PASSWORD));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        return browser;
    }

    private String page() {
        return "/companies/" + company + "/audit";
    }
}
