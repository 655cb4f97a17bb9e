package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import io.roster.shared.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Company SCIM tokens: 256 random bits kept only as a SHA-256 hash, like API tokens, but bound to a
 * company instead of an account. They do not expire (a directory runs unattended for years); a
 * company administrator revokes them. The adapter authorizes the administrator; this class only
 * keeps every query inside the company it is given.
 */
@Service
public class ScimTokens {

    static final String PREFIX = "rsc_";

    /** Last use is written at most this often per token, not on every provisioning call. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ScimTokens(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A freshly created SCIM token: its {@code token} value is shown once and never stored. */
    public record IssuedScimToken(String id, String token, Instant createdAt) {
    }

    /** A SCIM token as administrators see it: never its value. */
    public record ScimTokenInfo(String id, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    @Transactional
    public IssuedScimToken create(CompanyId company, String byAccountId) {
        String token = Secrets.newToken(PREFIX);
        String id = Ids.newId();
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO scim_tokens (id, company_id, token_hash, created_by_account_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(id, company.value(), Secrets.sha256(token), byAccountId, utc(now))
                .update();
        events.publishEvent(new AccessEvents.ScimTokenCreated(company, id, byAccountId));
        return new IssuedScimToken(id, token, now);
    }

    public List<ScimTokenInfo> of(CompanyId company) {
        return jdbc.sql("SELECT id, created_at, last_used_at, revoked_at FROM scim_tokens WHERE company_id = ?"
                        + " ORDER BY created_at DESC, id FETCH FIRST 200 ROWS ONLY")
                .param(company.value())
                .query((rs, n) -> new ScimTokenInfo(rs.getString(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class))))
                .list();
    }

    /** Revokes a token of the company; another company's token, or an unknown one, is 404. Idempotent. */
    @Transactional
    public void revoke(CompanyId company, String tokenId, String byAccountId) {
        int updated = jdbc.sql("UPDATE scim_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND company_id = ?")
                .params(utc(Instant.now()), tokenId, company.value())
                .update();
        if (updated == 0) {
            throw new Problems.NotFound("No SCIM token " + tokenId + " in this company").coded("NO_SCIM_TOKEN", tokenId);
        }
        events.publishEvent(new AccessEvents.ScimTokenRevoked(company, tokenId, byAccountId));
    }

    /** The directory a token stands for, if the token is known and unrevoked; notes its use. */
    public Optional<ScimClient> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<ScimClient> client = jdbc.sql("SELECT id, company_id FROM scim_tokens WHERE token_hash = ? AND revoked_at IS NULL")
                .param(Secrets.sha256(token))
                .query((rs, n) -> new ScimClient(rs.getString(1), new CompanyId(rs.getString(2))))
                .optional();
        client.ifPresent(this::noteUse);
        return client;
    }

    private void noteUse(ScimClient client) {
        Instant now = Instant.now();
        jdbc.sql("UPDATE scim_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(utc(now), client.tokenId(), utc(now.minus(LAST_USE_PRECISION)))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
