package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.IntegrationTest;
import io.roster.support.SignInTest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Passkey requests as a script could send them, straight to Spring Security's WebAuthn endpoints:
 * an assertion of a passkey Roster does not know counts in the sign-in throttle and is recorded like
 * a wrong password; a passkey's name empty or too long is a clear 400 in the person's language.
 * (Real passkeys, made by Chromium's virtual authenticator, are in PasskeyBrowserIntegrationTests.)
 */
@IntegrationTest
class PasskeyRequestsIntegrationTests extends SignInTest {

    private static final SecureRandom RANDOM = new SecureRandom();
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
