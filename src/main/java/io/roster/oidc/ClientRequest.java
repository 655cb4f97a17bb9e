package io.roster.oidc;

import java.util.List;

/**
 * A registration or an edit: absent fields of an edit keep their value. {@code idTokenSignedResponseAlg}
 * is OpenID Connect's {@code id_token_signed_response_alg}: RS256 (the default) or ES256.
 */
public record ClientRequest(String name, List<String> redirectUris, List<String> postLogoutRedirectUris,
        Boolean confidential, String idTokenSignedResponseAlg) {

    /** A request without the ID token's algorithm: a new client gets RS256, an edited one keeps its own. */
    public ClientRequest(String name, List<String> redirectUris, List<String> postLogoutRedirectUris,
            Boolean confidential) {
        this(name, redirectUris, postLogoutRedirectUris, confidential, null);
    }
}
