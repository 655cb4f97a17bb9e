package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Guests on the workspace page (docs/rules.md §8): each member's sponsor and end date, set and cleared there. */
@IntegrationTest
class GuestsConsoleBrowserIntegrationTests extends ConsoleBrowserTest {

    private static final String PASSWORD = "guests-console-password";
    private static final Pattern LINK = Pattern.compile("(http://\\S+/invitations/[A-Za-z0-9_-]+)");

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_workspace_page_shows_the_sponsor_and_end_date_and_sets_a_new_one() {
        String company = fixtures.company(10);
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles",
                List.of("ADMINISTRATOR"), "firstName", "Marie", "lastName", "Sponsor");
        fixtures.createUser(company, body);
        Api admin = Api.at(port).signIn(body.get("userId").toString(), PASSWORD);
        String workspace = admin.post("/api/v1/companies/" + company + "/workspaces", Map.of("name", "Guests")).text("id");
        LocalDate ends = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        String email = Fixtures.unique("guest") + "@outside.example";
        admin.post("/api/v1/companies/" + company + "/workspaces/" + workspace + "/invitations", Map.of("email", email,
                "right", "READ", "endsAt", ends.atStartOfDay(ZoneOffset.UTC).toInstant().toString()));
        String guest = accept(email);

        Page page = browser("en");
        Chromium.signIn(page, body.get("userId").toString(), PASSWORD);
        page.navigate("/companies/" + company + "/workspaces/" + workspace);
        assertThat(page.locator("#member-" + guest + " .member-sponsor")).hasText("Marie Sponsor");
        assertThat(page.getByLabel("End date of " + userIdOf(guest) + " (UTC)")).hasValue(ends.toString());

        LocalDate later = ends.plusDays(10);
        page.getByLabel("End date of " + userIdOf(guest) + " (UTC)").fill(later.toString());
        page.locator("#set-ends-" + guest).click();
        assertThat(page.locator("#notice")).hasText("The end date was saved.");
        String members = "/api/v1/companies/" + company + "/workspaces/" + workspace + "/members/";
        assertThat(Instant.parse(admin.get(members + guest).text("endsAt")))
                .isEqualTo(later.atStartOfDay(ZoneOffset.UTC).toInstant());
        Chromium.screenshot(page, "guests-workspace-en");

        page.locator("#clear-ends-" + guest).click();
        assertThat(page.locator("#notice")).hasText("The end date was cleared.");
        assertThat(admin.get(members + guest).json().get("endsAt").isNull()).isTrue();

        page.getByLabel("End date of " + userIdOf(guest) + " (UTC)").fill("2001-01-01");
        page.locator("#set-ends-" + guest).click();
        assertThat(page.locator("#error")).containsText("must be in the future");

        page.locator("#invite-email").fill(Fixtures.unique("late") + "@outside.example");
        page.locator("#invite-ends").fill("2001-01-01");
        page.locator("#invite button[type=submit]").click();
        assertThat(page.locator("#error")).containsText("must be in the future");
    }

    private String userIdOf(String accountId) {
        return jdbc.sql("SELECT user_id FROM accounts WHERE id = ?").param(accountId).query(String.class).single();
    }

    private String accept(String email) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ?")
                .param(email).query(String.class).list().isEmpty());
        Matcher matcher = LINK.matcher(jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ?").param(email)
                .query(String.class).list().getFirst());
        assertThat(matcher.find()).isTrue();
        String link = java.net.URI.create(matcher.group(1)).getRawPath();
        Browser browser = new Browser(port);
        browser.get(link);
        String handle = Fixtures.unique("g").toLowerCase();
        browser.post(link, Map.of("firstName", "Gaston", "lastName", "Lagaffe", "userId", handle,
                "password", "a guest password", "confirmation", "a guest password"));
        return jdbc.sql("SELECT id FROM accounts WHERE user_id = ?").param(handle).query(String.class).single();
    }
}
