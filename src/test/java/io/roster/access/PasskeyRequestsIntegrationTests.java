package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.IntegrationTest;
import io.roster.support.SignInTest;
import io.roster.support.SoftwarePasskey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Passkey requests as a script could send them, straight to Spring Security's WebAuthn endpoints:
 * an assertion of a passkey Roster does not know counts in the sign-in throttle and is recorded like
 * a wrong password; a passkey's name empty or too long is a clear 400 in the person's language; a
 * browser with the account's device cookie is throttled on its own for passkeys as for passwords
 * (with a passkey the test holds itself, {@link SoftwarePasskey}). (Real passkeys, made by
 * Chromium's virtual authenticator, are in PasskeyBrowserIntegrationTests.)
 */
@IntegrationTest
class PasskeyRequestsIntegrationTests extends SignInTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DEVICE = "roster-device";

    @Autowired
    JdbcOperations operations;

    private String unknownCredential;

    @AfterEach
    void forgetTheUnknownPasskey() {
        if (unknownCredential != null) {
            jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = ?")
                    .param("account:login:passkey:" + unknownCredential).update();
        }
    }

    @Test
    void an_unknown_passkey_is_refused_counted_in_the_throttle_and_recorded_like_a_wrong_password() {
        Browser browser = new Browser(port);
        String csrf = browser.get("/login").csrf();
        var options = browser.send("POST", "/webauthn/authenticate/options", Map.of("X-CSRF-TOKEN", csrf), null);
        unknownCredential = base64url(16);
        String assertion = """
                {"id":"%1$s","rawId":"%1$s","response":{"authenticatorData":"%2$s","clientDataJSON":"%3$s",
                "signature":"%4$s"},"credType":"public-key","clientExtensionResults":{},
                "authenticatorAttachment":"platform"}""".formatted(unknownCredential, base64url(37),
                Base64.getUrlEncoder().withoutPadding().encodeToString("{\"type\":\"webauthn.get\"}".getBytes()),
                base64url(70));
        long before = wrongPasskeys();

        var refused = browser.send("POST", "/login/webauthn", Map.of("X-CSRF-TOKEN", csrf, "Accept", "application/json"),
                assertion);

        assertThat(options.status()).as(options.toString()).isEqualTo(200);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(wrongPasskeys()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?")
                .param("account:login:passkey:" + unknownCredential).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key LIKE 'address:%'")
                .query(Integer.class).single()).as("the client address counts too").isPositive();
        assertThat(browser.get("/users").redirect()).as("not signed in").endsWith("/login");
    }

    @Test
    void a_passkey_from_the_browser_the_person_signed_in_with_before_signs_in_while_the_account_is_locked_elsewhere() {
        var person = activeUser();
        Browser own = new Browser(port);
        assertThat(own.signIn(person.userId(), PASSWORD).redirect()).isEqualTo("/start");
        String deviceKey = deviceKey(own.cookie(DEVICE));
        SoftwarePasskey passkey = SoftwarePasskey.registeredFor(operations, person.accountId(), port);
        signOut(own);
        for (int i = 1; i <= LOCK_AFTER; i++) {
            Api.at(port).basic(person.userId(), "wrong-password-" + i).post("/api/v1/tokens", null);
        }

        var elsewhere = passkeySignIn(new Browser(port), passkey, false);
        var fromOwn = passkeySignIn(own, passkey, false);

        assertThat(elsewhere.status()).as("a browser without the device cookie is locked out").isEqualTo(401);
        assertThat(outcomes(person.accountId(), "THROTTLED")).isEqualTo(1);
        assertThat(fromOwn.status()).as(fromOwn.toString()).isEqualTo(200);
        assertThat(fromOwn.body()).contains("\"authenticated\":true");
        assertThat(fromOwn.all("Set-Cookie")).anyMatch(cookie -> cookie.startsWith(DEVICE + "="));
        assertThat(own.get("/profile").status()).isEqualTo(200);
        assertThat(failures(deviceKey)).isZero();
        assertThat(operator.get(users() + person.accountId() + "/sign-in-lock").json().get("locked").asBoolean())
                .as("the device's success does not lift the account's lock").isTrue();
    }

    @Test
    void refused_passkeys_from_the_persons_own_browser_count_against_that_device_alone() {
        var person = activeUser();
        Browser own = new Browser(port);
        own.signIn(person.userId(), PASSWORD);
        String deviceKey = deviceKey(own.cookie(DEVICE));
        SoftwarePasskey passkey = SoftwarePasskey.registeredFor(operations, person.accountId(), port);
        signOut(own);
        String accountKey = "account:" + person.accountId();

        var refused = passkeySignIn(own, passkey, true);
        int deviceAfterOne = failures(deviceKey);
        int accountAfterOne = failures(accountKey);
        var refusedElsewhere = passkeySignIn(new Browser(port), passkey, true);
        int accountAfterElsewhere = failures(accountKey);
        for (int i = 2; i <= LOCK_AFTER; i++) {
            assertThat(passkeySignIn(own, passkey, true).status()).isEqualTo(401);
        }
        var lockedDevice = passkeySignIn(own, passkey, false);
        var otherBrowser = passkeySignIn(new Browser(port), passkey, false);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(deviceAfterOne).isEqualTo(1);
        assertThat(accountAfterOne).as("the account's count is left alone").isZero();
        assertThat(refusedElsewhere.status()).isEqualTo(401);
        assertThat(accountAfterElsewhere).as("without the cookie the account counts").isEqualTo(1);
        assertThat(outcomes(person.accountId(), "WRONG_PASSKEY")).isEqualTo(LOCK_AFTER + 1);
        assertThat(lockedDevice.status()).as("the device locked itself").isEqualTo(401);
        assertThat(outcomes(person.accountId(), "THROTTLED")).isEqualTo(1);
        assertThat(otherBrowser.status()).as("the account is not locked: " + otherBrowser).isEqualTo(200);
        assertThat(failures(accountKey)).as("a success clears the account's count").isZero();
        assertThat(failures(deviceKey)).as("but not the device's").isEqualTo(LOCK_AFTER);
    }

    @Test
    void a_passkey_name_empty_or_over_100_characters_is_a_clear_400_in_french_and_english() {
        var person = activeUser();
        Browser browser = new Browser(port);
        browser.signIn(person.userId(), PASSWORD);
        // the console's language, chosen on the profile
        String csrf = browser.get("/profile?lang=fr").csrf();
        var empty = browser.send("POST", "/webauthn/register", Map.of("X-CSRF-TOKEN", csrf),
                "{\"publicKey\":{\"label\":\"  \",\"credential\":{}}}");
        csrf = browser.get("/profile?lang=en").csrf();
        var tooLong = browser.send("POST", "/webauthn/register", Map.of("X-CSRF-TOKEN", csrf),
                "{\"publicKey\":{\"label\":\"" + "x".repeat(101) + "\",\"credential\":{}}}");
        var missing = browser.send("POST", "/webauthn/register", Map.of("X-CSRF-TOKEN", csrf), "{\"publicKey\":{}}");
        var longest = browser.send("POST", "/webauthn/register", Map.of("X-CSRF-TOKEN", csrf),
                "{\"publicKey\":{\"label\":\"" + "x".repeat(100) + "\",\"credential\":{}}}");

        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
        assertThat(empty.body()).contains("\"code\":\"PASSKEY_NAME_INVALID\"", "\"type\":\"/problems/invalid-input\"",
                "Donnez à la clé d'accès un nom de 1 à 100 caractères");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"code\":\"PASSKEY_NAME_INVALID\"",
                "Give the passkey a name of 1 to 100 characters");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("PASSKEY_NAME_INVALID");
        assertThat(longest.body()).as("a name of 100 characters is fine: Spring judges the rest")
                .doesNotContain("PASSKEY_NAME_INVALID");
        assertThat(longest.status()).isNotEqualTo(500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_credentials c JOIN user_entities e ON e.id = c.user_entity_user_id"
                + " WHERE e.name = ?").param(person.accountId()).query(Integer.class).single()).isZero();
    }

    /** Signs in with {@code passkey} from the sign-in page, as Spring's script does; {@code spoilt} alters the signature. */
    private static Browser.Page passkeySignIn(Browser browser, SoftwarePasskey passkey, boolean spoilt) {
        String csrf = browser.get("/login").csrf();
        var options = browser.send("POST", "/webauthn/authenticate/options", Map.of("X-CSRF-TOKEN", csrf), null);
        assertThat(options.status()).as(options.toString()).isEqualTo(200);
        String assertion = spoilt ? passkey.assertionWithBadSignature(options.body()) : passkey.assertion(options.body());
        return browser.send("POST", "/login/webauthn", Map.of("X-CSRF-TOKEN", csrf, "Accept", "application/json"),
                assertion);
    }

    private static void signOut(Browser browser) {
        var home = browser.get("/");
        assertThat(browser.post("/logout", Map.of("_csrf", home.csrf())).redirect()).isEqualTo("/login?signedOut");
    }

    /** The throttle key of a device cookie ({@code accountId.nonce.issuedAt.hmac}). */
    private static String deviceKey(String cookie) {
        assertThat(cookie).as("a device cookie").isNotNull();
        String[] parts = cookie.split("\\.");
        return "device:" + parts[0] + ":" + parts[1];
    }

    private int failures(String throttleKey) {
        return jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?").param(throttleKey)
                .query(Integer.class).optional().orElse(0);
    }

    private int outcomes(String accountId, String outcome) {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_events WHERE account_id = ? AND outcome = ?")
                .params(accountId, outcome).query(Integer.class).single();
    }

    private String users() {
        return "/api/v1/companies/" + company + "/users/";
    }

    private long wrongPasskeys() {
        return jdbc.sql("SELECT COUNT(*) FROM sign_in_events WHERE outcome = 'WRONG_PASSKEY' AND account_id IS NULL")
                .query(Long.class).single();
    }

    private static String base64url(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
