package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Secrets sealed at rest open only with the same key and for the same row; clear values pass through. */
class SealedSecretsTests {

    private static final String SETTING = "roster.test.secret-key (ROSTER_TEST_SECRET_KEY)";

    private static String key(int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void a_sealed_secret_opens_with_its_key_for_its_row_only() {
        SealedSecrets secrets = SealedSecrets.withKey(key(1), SETTING, "phrase");
        String sealed = secrets.seal("account-a", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");

        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DP");
        assertThat(secrets.seal("account-a", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).isNotEqualTo(sealed);
        assertThat(secrets.open("account-a", sealed)).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> secrets.open("account-b", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ROSTER_TEST_SECRET_KEY").hasMessageNotContaining("JBSWY3DP");
        assertThatThrownBy(() -> SealedSecrets.withKey(key(2), SETTING, "phrase").open("account-a", sealed))
                .isInstanceOf(IllegalStateException.class);
        assertThat(secrets.open("account-a", "JBSWY3DP")).as("a clear value from before").isEqualTo("JBSWY3DP");
    }

    @Test
    void a_malformed_key_is_refused_without_being_echoed_and_none_means_a_development_key() {
        assertThatThrownBy(() -> SealedSecrets.withKey("c2hvcnQ=", SETTING, "phrase"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ROSTER_TEST_SECRET_KEY")
                .hasMessageNotContaining("c2hvcnQ=");
        SealedSecrets development = SealedSecrets.withKey("", SETTING, "phrase");
        assertThat(development.open("r", development.seal("r", "x"))).isEqualTo("x");
    }
}
