package io.roster.oidc;

import java.time.Instant;
import java.util.List;

/**
 * An app registered to sign people in through Roster. A confidential client authenticates with its
 * secret (kept hashed) and may use PKCE; a public one (a browser or mobile app) has no secret and
 * must use PKCE (S256). {@code idTokenSignedResponseAlg} is what signs its ID tokens: RS256 (the
 * RSA key) or ES256 (the EC P-256 key).
 */
public record OidcClient(String clientId, String name, List<String> redirectUris, List<String> postLogoutRedirectUris,
        boolean confidential, Instant createdAt, String idTokenSignedResponseAlg) {
}
