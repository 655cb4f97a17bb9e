package io.roster.access;

import io.roster.shared.CompanyId;
import java.io.Serializable;
import java.security.Principal;

/**
 * A company's directory calling {@code /scim/v2} with a company SCIM token. It is no person: the
 * token decides the company, and the company is all it ever reaches.
 */
public record ScimClient(String tokenId, CompanyId company) implements Principal, Serializable {

    @Override
    public String getName() {
        return "scim:" + tokenId;
    }
}
