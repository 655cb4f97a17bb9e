package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.roster.support.Chromium;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console in a real Chromium: sign-in, the home page and the language switch. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSmokeIntegrationTests {

    @LocalServerPort
    int port;

    Chromium chromium;

    @BeforeAll
    void startBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void the_operator_signs_in_sees_the_home_page_and_switches_to_french() {
        Page page = chromium.newPage("http://127.0.0.1:" + port, "en");
        page.navigate("/login");
        Chromium.screenshot(page, "login-en");
        Chromium.signIn(page, Operator.EMAIL, Operator.PASSWORD);

        assertThat(page.locator("h1")).containsText("Signed in as");
        assertThat(page.locator("#nav-mail")).isVisible();
        Chromium.screenshot(page, "home-en");

        page.locator("#lang-switch").click();
        assertThat(page.locator("h1")).containsText("Connecté en tant que");
        Chromium.screenshot(page, "home-fr");
    }
}
