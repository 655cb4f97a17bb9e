package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import io.roster.support.Api;
import io.roster.support.Chromium;
import io.roster.support.IntegrationTest;
import io.roster.support.Mailbox;
import io.roster.support.Operator;
import io.roster.support.SignInBrowserTest;
import io.roster.support.VirtualAuthenticator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Passkeys in a real Chromium, with the DevTools virtual authenticator standing for the device's
 * (a platform authenticator that keeps resident keys and verifies its user): a person adds a
 * named passkey on their profile, signs in with it alone from the sign-in page, gives it as the
 * second step after their password, sees it over the API, and removes it. The page is on
 * {@code localhost}, the relying party id of {@code roster.public-url} (WebAuthn takes no IP address).
 */
@IntegrationTest
class PasskeyBrowserIntegrationTests extends SignInBrowserTest {

    static final String PASSWORD = "passkey-browser-password";

    /** A page on localhost with a virtual authenticator such as a laptop's (ctap2, internal, user verified). */
    private Page pageWithAuthenticator() {
        return VirtualAuthenticator.attach(browser("en", "http://localhost:" + port));
    }

    @Test
    void a_person_adds_a_passkey_signs_in_with_it_alone_and_after_the_password_then_removes_it() {
        var created = person(fixtures.company(5), PASSWORD);
        String login = created.text("userId");
        String email = created.text("email");
        Page page = pageWithAuthenticator();
        Chromium.signIn(page, login, PASSWORD);

        // the profile: a named passkey, listed, and the person mailed
        page.navigate("/profile");
        page.locator("#passkey-label").fill("My <laptop>");
        page.locator("#passkey-register button").click();
        page.waitForURL(Pattern.compile(".*/profile(#.*)?$"));
        assertThat(page.locator("#passkeys li")).hasCount(1);
        assertThat(page.locator("#passkeys .passkey-label")).hasText("My <laptop>");
        assertThat(page.locator("#mfa-status")).containsText("Your passkeys protect your account");
        assertThat(new Mailbox(operator).count(email, "PASSKEY_ADDED")).isEqualTo(1);
        Chromium.screenshot(page, "profile-passkeys-en");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'mfa.enrolled' AND target_id = ?")
                .param(created.text("id")).query(Integer.class).single()).isEqualTo(1);

        // the passkey alone signs in from the sign-in page
        signOut(page);
        page.locator("#passkey-sign-in").click();
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.context().cookies().stream().anyMatch(cookie -> cookie.name.equals("roster-device"))).isTrue();

        // over the API, with the console's session: the passkey by its name, never its key
        var mfa = page.request().get("/api/v1/me/mfa");
        assertThat(mfa.status()).isEqualTo(200);
        assertThat(mfa.text()).contains("\"label\":\"My <laptop>\"").doesNotContain("publicKey");

        // after the password, the passkey is the second step
        signOut(page);
        page.locator("#login").fill(login);
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/login/second-factor$"));
        assertThat(page.request().get("/api/v1/me/mfa").status()).isEqualTo(401);
        // a session owing its second factor may not add a passkey of its own
        String csrf = page.locator("#passkey-sign-in").getAttribute("data-csrf");
        assertThat(page.request().post("/webauthn/register", RequestOptions.create()
                .setHeader("X-CSRF-TOKEN", csrf).setHeader("Content-Type", "application/json").setData("{}"))
                .url()).contains("/login/second-factor");
        page.locator("#passkey-sign-in").click();
        page.waitForURL(url -> !url.contains("/login"));

        // removed on the profile: gone from the list, mailed, and the password alone signs in again
        page.navigate("/profile");
        page.locator("#passkeys button").click();
        assertThat(page.locator("#passkeys li")).hasCount(0);
        assertThat(page.locator("#mfa-status")).containsText("Only your password protects your account");
        assertThat(new Mailbox(operator).count(email, "PASSKEY_REMOVED")).isEqualTo(1);
        signOut(page);
        Chromium.signIn(page, login, PASSWORD);
    }

    /**
     * An assertion of the person's real passkey whose signature was altered on its way: refused,
     * counted in the sign-in throttle against this browser's device (it signed in before, so it carries
     * the account's device cookie), recorded like a wrong password (and in the audit log, method
     * {@code hwk}); the untouched passkey signs in after it and clears the device's count.
     */
    @Test
    void a_passkey_assertion_with_a_bad_signature_counts_in_the_throttle_and_is_recorded() {
        var created = person(fixtures.company(5), PASSWORD);
        String id = created.text("id");
        Page page = pageWithAuthenticator();
        Chromium.signIn(page, created.text("userId"), PASSWORD);
        VirtualAuthenticator.addPasskey(page, "Laptop");
        signOut(page);
        // on /login itself, so the refused request's status is the page's own, not a console error
        page.navigate("/login");
        page.route("**/login/webauthn", route -> {
            JsonObject assertion = JsonParser.parseString(route.request().postData()).getAsJsonObject();
            JsonObject response = assertion.getAsJsonObject("response");
            String signature = response.get("signature").getAsString();
            int middle = signature.length() / 2;
            char altered = signature.charAt(middle) == 'A' ? 'B' : 'A';
            response.addProperty("signature", signature.substring(0, middle) + altered + signature.substring(middle + 1));
            route.resume(new Route.ResumeOptions().setPostData(assertion.toString()));
        });

        page.locator("#passkey-sign-in").click();
        assertThat(page.locator("#passkey-error")).isVisible();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_events WHERE account_id = ? AND outcome = 'WRONG_PASSKEY'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
        // the browser signed in before: it carries the account's device cookie, and counts on its own
        String device = page.context().cookies().stream().filter(cookie -> cookie.name.equals("roster-device"))
                .findFirst().orElseThrow().value;
        String deviceKey = "device:" + id + ":" + device.split("\\.")[1];
        assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?").param(deviceKey)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = ?").param("account:" + id)
                .query(Integer.class).single()).as("the account's count is left alone").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'sign_in.failed' AND target_id = ?")
                .param(id).query(Integer.class).single()).isEqualTo(1);

        page.unroute("**/login/webauthn");
        page.navigate("/login");
        page.locator("#passkey-sign-in").click();
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key = ?").param(deviceKey)
                .query(Integer.class).single()).as("a success clears the device's count").isZero();
    }

    /**
     * A company requires a second factor of its administrators: an administrator without one is sent
     * to their profile after the password, adds a passkey there, and goes on at once; from then on the
     * passkey is their second step.
     */
    @Test
    void an_administrator_made_to_enrol_by_the_company_policy_enrols_with_a_passkey() {
        String company = fixtures.company(5);
        var created = person(company, PASSWORD, "ADMINISTRATOR");
        String login = created.text("userId");
        assertThat(operator.put("/api/v1/companies/" + company + "/security", java.util.Map.of("requireMfaForAdmins", true))
                .status()).isEqualTo(200);
        Page page = pageWithAuthenticator();

        page.navigate("/login");
        page.locator("#login").fill(login);
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/profile$"));
        assertThat(page.locator("#enrolment-due")).containsText("Your company requires a second factor");
        page.navigate("/companies/" + company + "/users");
        assertThat(page).hasURL(Pattern.compile(".*/profile$"));

        VirtualAuthenticator.addPasskey(page, "Work laptop");
        assertThat(page.locator("#passkeys li")).hasCount(1);
        assertThat(page.locator("#enrolment-due")).hasCount(0);
        page.navigate("/companies/" + company + "/users");
        assertThat(page).hasURL(Pattern.compile(".*/companies/" + company + "/users$"));

        // the next sign-in asks for the passkey after the password
        signOut(page);
        page.locator("#login").fill(login);
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/login/second-factor$"));
        page.locator("#passkey-sign-in").click();
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.url()).doesNotContain("/profile");
    }

    /**
     * "Reset second factors" on the company's user page: after a confirm, the person's app and
     * passkeys are gone (the API says so), they are mailed, and their password alone signs in again.
     */
    @Test
    void an_administrator_resets_a_persons_second_factors_from_their_user_page() {
        String company = fixtures.company(5);
        var created = person(company, PASSWORD);
        String id = created.text("id");
        Api person = Api.at(port).signIn(created.text("userId"), PASSWORD);
        String secret = person.post("/api/v1/me/mfa/totp", null).text("secret");
        assertThat(person.post("/api/v1/me/mfa/totp/confirm", java.util.Map.of("code",
                io.roster.support.Totp.code(secret, io.roster.support.Totp.freshStep()))).status()).isEqualTo(200);
        String factors = "/api/v1/companies/" + company + "/users/" + id + "/mfa";
        assertThat(operator.get(factors).json().get("totp").asBoolean()).isTrue();

        Page page = pageWithAuthenticator();
        page.onDialog(dialog -> dialog.accept());
        Chromium.signIn(page, Operator.EMAIL, Operator.PASSWORD);
        page.navigate("/companies/" + company + "/users/" + id);
        assertThat(page.locator("#mfa-reset-form")).hasAttribute("data-confirm", Pattern.compile("Reset the second factors of .+\\?"));
        page.locator("#profile-mfa-reset").click();
        page.waitForLoadState();
        assertThat(page.locator("main")).containsText("The second factors were reset");

        assertThat(operator.get(factors).json().get("totp").asBoolean()).isFalse();
        assertThat(operator.get(factors).json().get("passkeys").asInt()).isZero();
        assertThat(new Mailbox(operator).count(created.text("email"), "MFA_RESET")).isEqualTo(1);
        assertThat(Api.at(port).basic(created.text("userId"), PASSWORD).post("/api/v1/tokens", null).status())
                .isEqualTo(201);
    }
}
