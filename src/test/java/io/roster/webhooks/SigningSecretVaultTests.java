package io.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing secrets sealed at rest: they open only with the same key and on the same endpoint. */
class SigningSecretVaultTests {

    private static WebhookProperties withKey(String key) {
        return new WebhookProperties(false, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1),
                List.of(Duration.ofSeconds(5)), Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(30),
                Duration.ofDays(3), key);
    }

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void a_sealed_secret_opens_with_its_key_on_its_endpoint_only() {
        SigningSecretVault vault = new SigningSecretVault(withKey(key(1)));
        String secret = Signatures.newSecret();
        String sealed = vault.seal("endpoint-a", secret);

        assertThat(sealed).startsWith("v1:").doesNotContain(secret.substring(6));
        assertThat(vault.seal("endpoint-a", secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(vault.open("endpoint-a", sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> vault.open("endpoint-b", sealed)).hasMessageNotContaining(secret);
        assertThatThrownBy(() -> new SigningSecretVault(withKey(key(2))).open("endpoint-a", sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("secret-key");
        assertThat(vault.open("endpoint-a", secret)).as("a clear value from before is read as it is").isEqualTo(secret);
    }

    @Test
    void the_development_key_works_and_a_malformed_key_stops_the_start() {
        SigningSecretVault development = new SigningSecretVault(withKey(""));
        assertThat(development.open("e", development.seal("e", "whsec_x"))).isEqualTo("whsec_x");
        assertThatThrownBy(() -> withKey("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ROSTER_WEBHOOKS_SECRET_KEY").hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void only_an_http_status_line_gives_a_status() throws Exception {
        assertThat(PinnedPost.statusCode("HTTP/1.1 204 No Content")).isEqualTo(204);
        assertThat(PinnedPost.statusCode("HTTP/1.0 302")).isEqualTo(302);
        assertThatThrownBy(() -> PinnedPost.statusCode("SSH-2.0-OpenSSH")).isInstanceOf(java.io.IOException.class);
    }
}
