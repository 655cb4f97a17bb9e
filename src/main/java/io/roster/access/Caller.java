package io.roster.access;

import java.io.Serializable;
import java.security.Principal;

/**
 * The authenticated person behind a request. {@code tokenId} is set for bearer-token calls;
 * {@code companyScope} narrows a token to one company (null: the owner's full reach).
 */
public record Caller(String accountId, String userId, boolean operator, String homeCompanyId, String homePartnerId,
        String tokenId, String companyScope) implements Principal, Serializable {

    /** The account id: what sessions are indexed by, so a deactivation can end them all. */
    @Override
    public String getName() {
        return accountId;
    }
}
