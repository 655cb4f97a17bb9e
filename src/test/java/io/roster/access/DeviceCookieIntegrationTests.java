package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.IntegrationTest;
import io.roster.support.SignInTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lockout without denial of service: a browser where the person signed in before carries a signed
 * device cookie, and its attempts are throttled on their own, so whoever knows the email can lock
 * the account everywhere but there. Delays are off in the suite's context, so the 25 failures of a
 * lockout meet none.
 */
@IntegrationTest
class DeviceCookieIntegrationTests extends SignInTest {

    private static final String DEVICE = "roster-device";

    @Test
    void an_attacker_locks_the_account_but_the_browser_the_person_signed_in_with_before_still_signs_in() {
        var person = activeUser();
        Browser own = new Browser(port);
        var first = own.signIn(person.userId(), PASSWORD);
        String setCookie = first.all("Set-Cookie").stream().filter(c -> c.startsWith(DEVICE + "=")).findFirst().orElseThrow();
        signOut(own);

        assertThat(failTimes(person.email(), LOCK_AFTER, null)).containsOnly(401);
        var elsewhere = new Browser(port).signIn(person.userId(), PASSWORD);
        var again = own.signIn(person.userId(), PASSWORD);

        assertThat(first.redirect()).isEqualTo("/start");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/").contains("Max-Age=")
                .doesNotContain("Secure");
        assertThat(elsewhere.redirect()).as("a browser without the cookie is locked out")
                .startsWith("/login?error=too-many-attempts");
        assertThat(again.redirect()).as(again.toString()).isEqualTo("/start");
        assertThat(own.get("/").status()).isEqualTo(200);
        assertThat(issue(person.userId(), PASSWORD, null).status()).isEqualTo(429);
        assertThat(issue(person.userId(), PASSWORD, own.cookie(DEVICE)).status())
                .as("the API takes the device cookie too").isEqualTo(201);
        var lock = operator.get(users() + person.accountId() + "/sign-in-lock");
        assertThat(lock.json().get("locked").asBoolean()).as("the device's success does not lift the lock").isTrue();
    }

    @Test
    void a_forged_or_tampered_device_cookie_is_ignored() {
        var person = activeUser();
        Browser own = new Browser(port);
        own.signIn(person.userId(), PASSWORD);
        String genuine = own.cookie(DEVICE);
        String[] parts = genuine.split("\\.");
        failTimes(person.userId(), LOCK_AFTER, null);

        List<String> forged = List.of(
                parts[0] + "." + parts[1] + "." + parts[2] + "." + flipLast(parts[3]),
                parts[0] + "." + flipLast(parts[1]) + "." + parts[2] + "." + parts[3],
                parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 1) + "." + parts[3],
                parts[0] + "." + parts[1] + "." + parts[2],
                person.accountId() + ".bm9uY2U.1700000000.c2lnbmF0dXJl");

        for (String cookie : forged) {
            var console = new Browser(port).withCookie(DEVICE, cookie).signIn(person.userId(), PASSWORD);
            assertThat(console.redirect()).as(cookie).startsWith("/login?error=too-many-attempts");
            assertThat(issue(person.userId(), PASSWORD, cookie).status()).as(cookie).isEqualTo(429);
        }
        assertThat(issue(person.userId(), PASSWORD, genuine).status()).isEqualTo(201);
    }

    @Test
    void the_device_cookie_of_one_account_does_not_help_another_account() {
        var a = activeUser();
        var b = activeUser();
        Browser shared = new Browser(port);
        shared.signIn(a.userId(), PASSWORD);
        String ofA = shared.cookie(DEVICE);
        signOut(shared);
        failTimes(b.userId(), LOCK_AFTER, null);

        var asB = shared.signIn(b.email(), PASSWORD);
        String renamed = b.accountId() + ofA.substring(ofA.indexOf('.'));

        assertThat(asB.redirect()).startsWith("/login?error=too-many-attempts");
        assertThat(issue(b.userId(), PASSWORD, ofA).status()).isEqualTo(429);
        assertThat(issue(b.userId(), PASSWORD, renamed).status()).as("a's cookie relabelled for b").isEqualTo(429);
        assertThat(shared.cookie(DEVICE)).as("a refused sign-in leaves the cookie as it was").isEqualTo(ofA);
    }

    @Test
    void a_device_that_fails_too_often_is_locked_itself_and_the_account_is_not() {
        var person = activeUser();
        Browser device = new Browser(port);
        device.signIn(person.userId(), PASSWORD);
        String cookie = device.cookie(DEVICE);
        signOut(device);

        var wrongInConsole = device.signIn(person.userId(), "wrong-password-0");
        List<Integer> failures = failTimes(person.userId(), LOCK_AFTER - 1, cookie);
        var locked = device.signIn(person.userId(), PASSWORD);
        var lockedApi = issue(person.userId(), PASSWORD, cookie);
        var accountLock = operator.get(users() + person.accountId() + "/sign-in-lock");
        var elsewhere = issue(person.userId(), PASSWORD, null);

        assertThat(wrongInConsole.redirect()).isEqualTo("/login?error=unauthorized");
        assertThat(failures).containsOnly(401);
        assertThat(locked.redirect()).startsWith("/login?error=too-many-attempts");
        assertThat(lockedApi.status()).isEqualTo(429);
        assertThat(accountLock.json().get("failures").asInt()).as("the device's failures are its own").isZero();
        assertThat(elsewhere.status()).as("the account is not locked").isEqualTo(201);

        assertThat(operator.delete(users() + person.accountId() + "/sign-in-lock", Map.of()).status()).isEqualTo(204);
        assertThat(device.signIn(person.userId(), PASSWORD).redirect()).as("an administrator's clear frees the device")
                .isEqualTo("/start");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private String users() {
        return "/api/v1/companies/" + company + "/users/";
    }

    private static void signOut(Browser browser) {
        var home = browser.get("/");
        assertThat(browser.post("/logout", Map.of("_csrf", home.csrf())).redirect()).isEqualTo("/login?signedOut");
    }

    private List<Integer> failTimes(String login, int times, String deviceCookie) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= times; i++) {
            statuses.add(issue(login, "wrong-password-" + i, deviceCookie).status());
        }
        return statuses;
    }

    private Api.Response issue(String login, String password, String deviceCookie) {
        Api api = Api.at(port).basic(login, password);
        return (deviceCookie == null ? api : api.withHeader("Cookie", DEVICE + "=" + deviceCookie))
                .post("/api/v1/tokens", null);
    }

    private static String flipLast(String text) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
