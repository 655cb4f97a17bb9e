package io.roster.oidc;

import java.util.List;

/**
 * A registration or an edit: absent fields of an edit keep their value. {@code idTokenSignedResponseAlg}
 * is OpenID Connect's {@code id_token_signed_response_alg}: RS256 or ES256; absent, a new client
 * gets RS256 and an edited one keeps its own.
 */
public record ClientRequest(String name, List<String> redirectUris, List<String> postLogoutRedirectUris,
        Boolean confidential, String idTokenSignedResponseAlg) {

    /** Nothing given: a registration refused for what it lacks, an edit that changes nothing. */
    public static ClientRequest empty() {
        return new ClientRequest(null, null, null, null, null);
    }
}
