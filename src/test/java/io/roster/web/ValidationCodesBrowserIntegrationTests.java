package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, items 1 and 7 in a real Chromium: validation results read in the reader's language (the
 * language saved in their profile drives the console, whatever the browser says), and a creation or
 * an activation that stays a draft says every reason in an amber notice, with Plan &amp; billing for
 * whoever may open it and the advice to ask an administrator for the others.
 */
@IntegrationTest
class ValidationCodesBrowserIntegrationTests extends ConsoleBrowserTest {

    private static final String PASSWORD = "a validation password";

    String company;

    @BeforeEach
    void aFullCompany() {
        company = fixtures.company(1);
    }

    /** A person of the company holding {@code role}, whose saved language is {@code locale}; answers the email. */
    private String person(String role, String locale) {
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(role),
                "locale", locale, "emailVerified", true);
        fixtures.createUser(company, body);
        return body.get("email").toString();
    }

    @Test
    void a_french_administrator_reads_french_results_and_the_amber_notice_with_plan_and_billing() {
        String admin = person("ADMINISTRATOR", "fr");   // takes the only license
        fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "email", "pas-un-email"));
        Page page = chromium.newPage("http://127.0.0.1:" + port, "en");   // an English browser
        Chromium.signIn(page, admin, PASSWORD);

        page.navigate("/companies/" + company + "/users");
        assertThat(page.locator("h1")).hasText("Utilisateurs");
        page.navigate("/companies/" + company + "/users/new");
        String handle = Fixtures.unique("fr").toLowerCase();
        page.locator("#new-email").fill("pas-un-email");
        page.locator("#new-first-name").fill("Éloïse");
        page.locator("#new-last-name").fill("Bélanger");
        page.locator("#new-user-id").fill(handle);
        page.locator("#new-status-active").check();
        page.locator("#new-user-submit").click();

        assertThat(page.locator("#draft-notice")).containsText("est enregistré comme brouillon");
        assertThat(page.locator("#draft-notice li")).hasCount(2);
        assertThat(page.locator("#draft-notice li").nth(0)).hasText("E-mail invalide");
        assertThat(page.locator("#draft-notice li").nth(1)).hasText("Aucune licence disponible : 1 sur 1 utilisées");
        assertThat(page.locator("#draft-notice-billing")).hasAttribute("href", "/companies/" + company + "/billing");
        assertThat(page.locator("#profile-validation"))
                .hasText("E-mail invalide ; Aucune licence disponible : 1 sur 1 utilisées");
        Chromium.screenshot(page, "draft-notice-fr");

        page.navigate("/companies/" + company + "/users?q=" + handle);
        assertThat(page.locator("#users-table tbody .validation"))
                .containsText("E-mail invalide ; Aucune licence disponible : 1 sur 1 utilisées");
        Chromium.screenshot(page, "users-table-validation-fr");

        page.navigate("/companies/" + company + "/billing");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
    }

    @Test
    void a_user_manager_is_told_to_ask_an_administrator_in_english() {
        String manager = person("USER_MANAGER", "en");   // takes the only license
        var draft = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "lastName", ""));
        Page page = chromium.newPage("http://127.0.0.1:" + port, "fr");   // a French browser
        Chromium.signIn(page, manager, PASSWORD);

        page.navigate("/companies/" + company + "/users/new");
        String handle = Fixtures.unique("en").toLowerCase();
        page.locator("#new-email").fill(handle + "@example.com");
        page.locator("#new-first-name").fill("Ann");
        page.locator("#new-last-name").fill("Late");
        page.locator("#new-user-id").fill(handle);
        page.locator("#new-status-active").check();
        page.locator("#new-user-submit").click();

        assertThat(page.locator("#draft-notice")).containsText(handle + " is saved as a draft: it could not be activated.");
        assertThat(page.locator("#draft-notice li")).hasText(new String[] {"No license available: 1 of 1 in use"});
        assertThat(page.locator("#draft-notice-ask")).hasText("Ask an administrator of the company to add licenses.");
        assertThat(page.locator("#draft-notice-billing")).hasCount(0);
        Chromium.screenshot(page, "draft-notice-en");

        // activating from the table names every problem at once, in place
        page.navigate("/companies/" + company + "/users?q=" + draft.text("userId"));
        page.locator("#users-table tbody tr").first().locator("summary").click(); // the row's actions menu
        page.locator("#users-table tbody tr").first().locator("button", new com.microsoft.playwright.Locator.LocatorOptions()
                .setHasText("Activate")).click();
        assertThat(page.locator("#draft-notice li")).hasText(new String[] {"Last name is missing",
                "No license available: 1 of 1 in use"});
        assertThat(page.locator("#users-table tbody .validation").first())
                .containsText("Last name is missing; No license available: 1 of 1 in use");
    }
}
