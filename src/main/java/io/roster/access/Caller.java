package io.roster.access;

/**
 * The authenticated person behind a request. {@code tokenId} is set for bearer-token calls;
 * {@code companyScope} narrows a token to one company (null: the owner's full reach).
 */
public record Caller(String accountId, String userId, boolean operator, String homeCompanyId, String homePartnerId,
        String tokenId, String companyScope) {
}
