package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.roster.support.Chromium;
import io.roster.support.SignInBrowserTest;
import io.roster.support.IntegrationTest;
import io.roster.support.Totp;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The second factor in a real Chromium: a person adds an authenticator app on their profile (the
 * QR code and its key), keeps their recovery codes, and from then on signs in with a code after
 * the password; a wrong code is explained and the right one lands in the console.
 */
@IntegrationTest
class SecondFactorBrowserIntegrationTests extends SignInBrowserTest {

    static final String PASSWORD = "second-factor-browser-password";

    @Test
    void a_person_adds_an_authenticator_app_then_signs_in_with_its_code() {
        String login = person(fixtures.company(5), PASSWORD).text("userId");
        Page page = browser("en");
        Chromium.signIn(page, login, PASSWORD);

        page.navigate("/profile");
        page.locator("#mfa-start button").click();
        assertThat(page.locator("#totp-qr")).isVisible();
        String secret = page.locator("#totp-secret").innerText().strip();
        long step = Totp.freshStep();
        page.locator("#confirm-code").fill(Totp.code(secret, step - 1));
        page.locator("#mfa-confirm button").click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        assertThat(page.locator("#mfa-status")).containsText("An authenticator app protects your account");
        Chromium.screenshot(page, "profile-second-factor-en");
        signOut(page);

        page.locator("#login").fill(login);
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/login/second-factor$"));
        page.locator("#code").fill(Totp.wrongCode(secret, step));
        page.locator("#second-factor-form button").click();
        assertThat(page.locator("#second-factor-error")).containsText("Wrong code.");
        Chromium.screenshot(page, "sign-in-second-factor-en");
        page.locator("#code").fill(Totp.code(secret, step));
        page.locator("#second-factor-form button").click();

        assertThat(page).hasURL(Pattern.compile(".*:" + port + "/(?!login)[^?]*$"));
        assertThat(page.context().cookies().stream().anyMatch(cookie -> cookie.name.equals("roster-device"))).isTrue();
    }
}
