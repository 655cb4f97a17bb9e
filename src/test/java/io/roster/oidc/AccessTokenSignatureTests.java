package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

class AccessTokenSignatureTests {

    @Test
    void access_tokens_are_es256_unless_the_setting_says_rs256() {
        assertThat(AccessTokenSignature.of("ES256")).isEqualTo(SignatureAlgorithm.ES256);
        assertThat(AccessTokenSignature.of(" rs256 ")).isEqualTo(SignatureAlgorithm.RS256);
    }

    @Test
    void any_other_setting_stops_the_start_with_the_two_values_allowed() {
        assertThatThrownBy(() -> AccessTokenSignature.of("HS256"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ES256 or RS256").hasMessageContaining("HS256");
        assertThatThrownBy(() -> AccessTokenSignature.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
