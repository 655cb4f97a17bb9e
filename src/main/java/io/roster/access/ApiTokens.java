package io.roster.access;

import io.roster.shared.Ids;
import io.roster.shared.Problems;
import io.roster.shared.Secrets;
import io.roster.users.AccountLookups;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens: 256 random bits, kept only as a SHA-256 hash (a fast hash is enough for a value
 * with that much entropy), expiring, revocable. A token only works while its account is ACTIVE
 * and has standing, so deactivating someone, or removing their last role, stops their tokens on
 * the next request.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "rst_";

    private final JdbcClient jdbc;
    private final Duration lifetime;
    private final AccountLookups accounts;

    ApiTokens(JdbcClient jdbc, AccessProperties properties, AccountLookups accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.lifetime = properties.tokens().lifetime();
    }

    public IssuedToken issue(String accountId, String companyScope) {
        String token = Secrets.newToken(PREFIX);
        String id = Ids.newId();
        Instant now = Instant.now();
        Instant expiresAt = now.plus(lifetime);
        jdbc.sql("INSERT INTO api_tokens (id, account_id, token_hash, company_id, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, accountId, hash(token), companyScope, utc(now), utc(expiresAt))
                .update();
        return new IssuedToken(id, token, expiresAt);
    }

    /**
     * The caller a token stands for, if it is known, unexpired, unrevoked, and its account ACTIVE
     * and still holding a role or right somewhere ({@link Standing}). Two statements, as this runs
     * on every API call: the token with whether its account holds a partner role (this module's
     * tables), then the account with whether it holds a company role or workspace right (the
     * users module's).
     */
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<ValidToken> valid = jdbc.sql("SELECT t.id, t.company_id, t.account_id, "
                        + Standing.partnerRoleCondition("t.account_id") + " AS partner_role FROM api_tokens t"
                        + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ?")
                .params(hash(token), utc(Instant.now()))
                .query((rs, n) -> new ValidToken(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
        return valid.flatMap(found -> accounts.active(found.accountId())
                .filter(account -> account.operator() || account.linked() || found.partnerRole())
                .map(account -> new Caller(account.accountId(), account.userIdKey(), account.operator(),
                        account.homeCompanyId(), account.homePartnerId(), found.tokenId(), found.companyScope())));
    }

    private record ValidToken(String tokenId, String companyScope, String accountId, boolean partnerRole) {
    }

    /**
     * Revokes any token, whoever owns it: for the platform operator, whom the adapter checked (its
     * owner revokes through {@link #revokeOf}). An unknown token answers 404.
     */
    public void revokeAny(String tokenId) {
        String owner = jdbc.sql("SELECT account_id FROM api_tokens WHERE id = ?").param(tokenId)
                .query(String.class).optional()
                .orElseThrow(() -> new Problems.NotFound("No token " + tokenId).coded("NO_TOKEN", tokenId));
        revokeOf(owner, tokenId);
    }

    /** A token as its owner and administrators see it: never its value. */
    public record TokenInfo(String id, String companyId, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    public java.util.List<TokenInfo> of(String accountId) {
        return jdbc.sql("SELECT id, company_id, created_at, expires_at, revoked_at FROM api_tokens WHERE account_id = ?"
                        + " ORDER BY created_at DESC, id FETCH FIRST 200 ROWS ONLY")
                .param(accountId)
                .query((rs, n) -> new TokenInfo(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class) == null ? null : rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Revokes one token of an account: its owner, or an administrator acting on a user of its company. */
    public void revokeOf(String accountId, String tokenId) {
        int updated = jdbc.sql("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND account_id = ?")
                .params(utc(Instant.now()), tokenId, accountId)
                .update();
        if (updated == 0) {
            throw new Problems.NotFound("No token " + tokenId + " for this user").coded("NO_TOKEN", tokenId);
        }
    }

    static String hash(String token) {
        return Secrets.sha256(token);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
