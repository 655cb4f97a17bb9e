package io.roster.oidc;

import java.util.List;

/** What the OpenID Connect provider publishes (the audit files them). Never a secret or a token. */
public final class OidcEvents {

    private OidcEvents() {
    }

    /** A person signed in to an app, in one company (the code was redeemed). */
    public record SignedIn(String companyId, String accountId, String userId, String clientId, String clientName) {
    }

    /**
     * A sign-in to an app refused: {@code companyId} is the company asked for or chosen (null when
     * none was), {@code reason} a fixed code.
     */
    public record Refused(String companyId, String accountId, String userId, String clientId, String reason) {
    }

    public record ClientRegistered(String clientId, String name, List<String> redirectUris,
            List<String> postLogoutRedirectUris, boolean confidential, String idTokenSignedResponseAlg,
            String byAccountId) {
    }

    public record ClientUpdated(String clientId, String previousName, List<String> previousRedirectUris,
            List<String> previousPostLogoutRedirectUris, String previousIdTokenSignedResponseAlg, String name,
            List<String> redirectUris, List<String> postLogoutRedirectUris, String idTokenSignedResponseAlg,
            String byAccountId) {
    }

    public record ClientSecretRotated(String clientId, String byAccountId) {
    }

    public record ClientDeleted(String clientId, String name, String byAccountId) {
    }

    /** The new RSA key (RS256) and EC key (ES256), and the keys they retired. */
    public record SigningKeyRotated(String keyId, String ecKeyId, List<String> retiredKeyIds, String byAccountId) {
    }
}
