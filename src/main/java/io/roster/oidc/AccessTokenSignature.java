package io.roster.oidc;

import java.util.Locale;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.stereotype.Component;

/**
 * The policy of what signs an access token: ES256 with the EC P-256 key by default (about ten times
 * cheaper to sign than RS256, and every app signs in and refreshes with one), RS256 with the RSA key
 * when {@code roster.oidc.access-token-algorithm} says so, for products whose resource servers take
 * only RS256. ID tokens follow their client's registration instead ({@link IdTokenSignature}: RS256,
 * OpenID Connect's default, unless the client asked for ES256). The encoder picks the key of the
 * header's algorithm from {@link SigningKeys}.
 */
@Component
class AccessTokenSignature {

    private final SignatureAlgorithm algorithm;

    AccessTokenSignature(OidcProperties properties) {
        this.algorithm = of(properties.accessTokenAlgorithm());
    }

    static SignatureAlgorithm of(String setting) {
        String name = setting == null ? "" : setting.strip().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "ES256" -> SignatureAlgorithm.ES256;
            case "RS256" -> SignatureAlgorithm.RS256;
            default -> throw new IllegalArgumentException("roster.oidc.access-token-algorithm must be ES256 or RS256, not '"
                    + setting + "'");
        };
    }

    SignatureAlgorithm algorithm() {
        return algorithm;
    }

    /** Sets the header's algorithm of an access token; leaves every other token as it is. */
    void sign(JwtEncodingContext context) {
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getJwsHeader().algorithm(algorithm);
        }
    }
}
