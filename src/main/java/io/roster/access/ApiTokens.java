package io.roster.access;

import io.roster.shared.Ids;
import io.roster.shared.Problems;
import io.roster.shared.Secrets;
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

    ApiTokens(JdbcClient jdbc, AccessProperties properties) {
        this.jdbc = jdbc;
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
     * and still holding a role or right somewhere ({@link Standing}).
     */
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT t.id AS token_id, t.company_id, a.id AS account_id, a.user_id_key, a.operator,"
                        + " a.home_company_id, a.home_partner_id FROM api_tokens t JOIN accounts a ON a.id = t.account_id"
                        + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND a.status = 'ACTIVE'"
                        + " AND (a.operator OR " + Standing.sqlCondition("a.id") + ")")
                .params(hash(token), utc(Instant.now()))
                .query((rs, n) -> new Caller(rs.getString("account_id"), rs.getString("user_id_key"),
                        rs.getBoolean("operator"), rs.getString("home_company_id"), rs.getString("home_partner_id"),
                        rs.getString("token_id"), rs.getString("company_id")))
                .optional();
    }

    /** Revokes a token. Its owner may revoke it, and so may the platform operator. */
    public void revoke(Caller caller, String tokenId) {
        String owner = jdbc.sql("SELECT account_id FROM api_tokens WHERE id = ?").param(tokenId)
                .query(String.class).optional()
                .orElseThrow(() -> new Problems.NotFound("No token " + tokenId));
        if (!owner.equals(caller.accountId()) && !caller.operator()) {
            throw new Problems.NotFound("No token " + tokenId);
        }
        jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(utc(Instant.now()), tokenId)
                .update();
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

    /** Revokes one token of an account (an administrator acting on a user of its company). */
    public void revokeOf(String accountId, String tokenId) {
        int updated = jdbc.sql("UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND account_id = ?")
                .params(utc(Instant.now()), tokenId, accountId)
                .update();
        if (updated == 0) {
            throw new Problems.NotFound("No token " + tokenId + " for this user");
        }
    }

    static String hash(String token) {
        return Secrets.sha256(token);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
