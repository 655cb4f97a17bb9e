package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.roster.support.Api;
import io.roster.support.Chromium;
import io.roster.support.SignInBrowserTest;
import io.roster.support.IntegrationTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lockout in a real Chromium: the browser a person signed in with keeps its device cookie past
 * signing out and still signs in while the account is locked; an administrator sees the lock on
 * the profile and unlocks it.
 */
@IntegrationTest
class SignInLockBrowserIntegrationTests extends SignInBrowserTest {

    static final String PASSWORD = "sign-in-lock-browser-password";
    static final int LOCK_AFTER = 25;

    String company;

    @BeforeEach
    void setUp() {
        company = fixtures.company(5);
    }

    @Test
    void the_browser_a_person_signed_in_with_still_signs_in_while_someone_else_locked_the_account() {
        String person = person("MEMBER");
        Page own = page();
        Chromium.signIn(own, person, PASSWORD);
        Cookie device = own.context().cookies().stream().filter(c -> c.name.equals("roster-device")).findFirst()
                .orElseThrow();
        signOut(own);
        lockOut(person);

        Page elsewhere = page();
        elsewhere.navigate("/login");
        elsewhere.locator("#login").fill(person);
        elsewhere.locator("#password").fill(PASSWORD);
        elsewhere.locator("form button[type=submit]").click();
        Chromium.signIn(own, person, PASSWORD);

        assertThat(device.httpOnly).isTrue();
        assertThat(device.sameSite).isEqualTo(SameSiteAttribute.STRICT);
        assertThat(elsewhere.locator("#sign-in-error")).containsText("Too many failed sign-ins");
        // signed in: landed on a console page, not back on the sign-in page
        assertThat(own).hasURL(Pattern.compile(".*:" + port + "/(?!login)[^?]*$"));
    }

    @Test
    void an_administrator_sees_the_lock_on_the_profile_and_unlocks_it() {
        String admin = person("ADMINISTRATOR");
        String locked = person("MEMBER");
        String lockedId = accounts.getLast();
        lockOut(locked);
        Page page = page();
        Chromium.signIn(page, admin, PASSWORD);

        page.navigate("/companies/" + company + "/users/" + lockedId);
        assertThat(page.locator("#sign-in-lock")).containsText("Locked until");
        assertThat(page.locator("#sign-in-lock")).containsText("after 25 failed attempts");
        Chromium.screenshot(page, "user-profile-sign-in-locked-en");
        page.locator("#sign-in-lock-clear").click();

        assertThat(page.locator("#flash")).hasText("Sign-in unlocked: the person can sign in again.");
        assertThat(page.locator("#sign-in-lock")).hasCount(0);
        assertThat(Api.at(port).basic(locked, PASSWORD).post("/api/v1/tokens", null).status()).isEqualTo(201);
    }

    private Page page() {
        return browser("en");
    }

    /** An ACTIVE internal user of the company with a password and this role; answers its userId. */
    private String person(String role) {
        var created = person(company, PASSWORD, role);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        return created.text("userId");
    }

    private void lockOut(String login) {
        for (int i = 1; i <= LOCK_AFTER; i++) {
            assertThat(Api.at(port).basic(login, "wrong-password-" + i).post("/api/v1/tokens", null).status())
                    .isEqualTo(401);
        }
    }
}
