package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Screens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md §17, a new account's language in a real Chromium: the creator's choice when given,
 * else the browser's at the person's first sign-in, kept from then on; before that, the platform's.
 */
@IntegrationTest
class FirstSignInLanguageBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String PASSWORD = "first-language-password";

    @Test
    void a_french_person_created_without_a_language_sees_french_from_the_first_sign_in_on() {
        String company = fixtures.company(5);
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles",
                List.of("ADMINISTRATOR"));
        var created = fixtures.createUser(company, body);
        String user = "/api/v1/companies/" + company + "/users/" + created.text("id");
        assertThat(operator.get(user).text("locale")).as("the platform's until the first sign-in").isEqualTo("en");

        Page page = browser("fr-FR");
        Chromium.signIn(page, body.get("userId").toString(), PASSWORD);

        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("nav.side #nav-users")).hasText("Utilisateurs");
        assertThat(operator.get(user).text("locale")).isEqualTo("fr");
        Screens.capture(page, "first-sign-in-fr");

        // chosen for good: an English browser afterwards still reads French
        Page english = browser("en-US");
        Chromium.signIn(english, body.get("userId").toString(), PASSWORD);
        assertThat(english.locator("html")).hasAttribute("lang", "fr");
        assertThat(operator.get(user).text("locale")).isEqualTo("fr");
    }

    @Test
    void the_creators_choice_wins_over_the_browser() {
        String company = fixtures.company(5);
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles",
                List.of("ADMINISTRATOR"), "locale", "en");
        var created = fixtures.createUser(company, body);

        Page page = browser("fr-FR");
        Chromium.signIn(page, body.get("userId").toString(), PASSWORD);

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("nav.side #nav-users")).hasText("Users");
        assertThat(operator.get("/api/v1/companies/" + company + "/users/" + created.text("id")).text("locale"))
                .isEqualTo("en");
    }
}
