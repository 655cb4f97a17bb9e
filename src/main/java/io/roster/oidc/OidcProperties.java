package io.roster.oidc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the OpenID Connect provider, {@code roster.oidc.*}.
 *
 * @param issuer the issuer, {@code roster.public-url} ({@code ROSTER_PUBLIC_URL}); when that is the
 *        default address of a server started on a random port (port 0), the issuer is taken from
 *        each request instead, which is then the same address
 * @param accessTokenLifetime how long an access token is valid ({@code ROSTER_OIDC_ACCESS_TOKEN_LIFETIME})
 * @param refreshTokenLifetime how long a refresh token is valid; each use gives a new one
 *        ({@code ROSTER_OIDC_REFRESH_TOKEN_LIFETIME})
 * @param codeLifetime how long an authorization code may wait to be redeemed
 * @param retiredKeyKept how long a rotated-out signing key stays in the JWKS: at least the longest
 *        lifetime of a token it signed (ID tokens live 30 minutes)
 * @param expiredAuthorizationsKept how long an authorization stays once every token in it has expired
 *        ({@code ROSTER_OIDC_EXPIRED_AUTHORIZATIONS_KEPT}); then {@link AuthorizationRetention} deletes it
 *        and its sign-in record
 * @param accessTokenAlgorithm what signs the access tokens ({@code ROSTER_OIDC_ACCESS_TOKEN_ALGORITHM}):
 *        {@code ES256} (the EC P-256 key, the default) or {@code RS256} (the RSA key, for resource
 *        servers that take only RS256); ID tokens follow each client's
 *        {@code idTokenSignedResponseAlg} (RS256 unless it registered ES256)
 */
@ConfigurationProperties("roster.oidc")
record OidcProperties(String issuer, @DefaultValue("PT5M") Duration accessTokenLifetime,
        @DefaultValue("PT8H") Duration refreshTokenLifetime, @DefaultValue("PT1M") Duration codeLifetime,
        @DefaultValue("PT1H") Duration retiredKeyKept,
        @DefaultValue("P7D") Duration expiredAuthorizationsKept,
        @DefaultValue("ES256") String accessTokenAlgorithm) {

    /** The issuer, or null to take it from the request (a server on a port chosen at start). */
    String fixedIssuer() {
        if (issuer == null || issuer.isBlank()) {
            return null;
        }
        java.net.URI uri = java.net.URI.create(issuer.strip());
        return uri.getPort() == 0 ? null : issuer.strip().replaceAll("/+$", "");
    }
}
