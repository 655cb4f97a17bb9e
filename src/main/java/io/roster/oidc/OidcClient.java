package io.roster.oidc;

import java.time.Instant;
import java.util.List;

/**
 * An app registered to sign people in through Roster. A confidential client authenticates with its
 * secret (kept hashed) and may use PKCE; a public one (a browser or mobile app) has no secret and
 * must use PKCE (S256).
 */
public record OidcClient(String clientId, String name, List<String> redirectUris, List<String> postLogoutRedirectUris,
        boolean confidential, Instant createdAt) {
}
