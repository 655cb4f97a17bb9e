package io.roster.oidc;

import io.roster.shared.FieldError;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;

/**
 * What signs a client's ID tokens, its {@code id_token_signed_response_alg}: RS256 with the RSA
 * key unless the client registered ES256, then the EC P-256 key (the key the access tokens are
 * signed with, about six times cheaper to sign, which every refresh does once more). Kept in the
 * client's Spring token settings, which Spring's token generator reads to write the ID token's
 * header; the encoder then picks the key of that algorithm from {@link SigningKeys}.
 */
final class IdTokenSignature {

    static final String FIELD = "idTokenSignedResponseAlg";
    /** What the discovery document offers, the default first. */
    static final List<String> SUPPORTED = List.of("RS256", "ES256");

    private IdTokenSignature() {
    }

    /** The algorithm a request names, RS256 when it names none, or null when it names another one. */
    static SignatureAlgorithm of(String requested) {
        if (requested == null) {
            return SignatureAlgorithm.RS256;
        }
        // JOSE's algorithm names are case-sensitive
        return switch (requested) {
            case "RS256" -> SignatureAlgorithm.RS256;
            case "ES256" -> SignatureAlgorithm.ES256;
            default -> null;
        };
    }

    static FieldError unsupported(String requested) {
        String shown = requested.length() > 40 ? requested.substring(0, 40) + "…" : requested;
        return new FieldError(FIELD, "must be RS256 or ES256, not '" + shown + "'", "ID_TOKEN_ALG_UNSUPPORTED",
                List.of(shown));
    }

    /** The client's algorithm as the API shows it; a client registered before the choice existed is RS256. */
    static String name(SignatureAlgorithm algorithm) {
        return algorithm == null ? SignatureAlgorithm.RS256.getName() : algorithm.getName();
    }
}
