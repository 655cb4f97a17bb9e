package io.roster.oidc;

import java.util.List;

/** A registration or an edit: absent fields of an edit keep their value. */
public record ClientRequest(String name, List<String> redirectUris, List<String> postLogoutRedirectUris,
        Boolean confidential) {
}
