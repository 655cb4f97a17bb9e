package io.roster.audit;

import io.roster.shared.Problems;
import io.roster.shared.WrittenAtCommit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code audit_entries} table. Inserts and reads only: there is no update or delete here, and
 * the database refuses them anyway (migration V5_1). Every read is scoped to one company or one
 * partner space and served by an index on (scope, [actor | action,] occurred_at, id).
 */
@Repository
class AuditEntries {

    private static final String COLUMNS = "id, occurred_at, company_id, partner_id, actor_account_id, actor_user_id,"
            + " actor_kind, action, target_type, target_id, before_json, after_json, client_address, request_id";

    /** Whose entries a list shows: a company's or a partner space's. */
    enum Scope {
        COMPANY("company_id"), PARTNER("partner_id");

        private final String column;

        Scope(String column) {
            this.column = column;
        }
    }

    /** A position in a newest-first list: the last entry of the previous page. */
    record Position(Instant occurredAt, String id) {
    }

    private final JdbcClient jdbc;
    private final WrittenAtCommit<AuditEntry> pending;

    AuditEntries(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.pending = new WrittenAtCommit<>(entries -> batch.batchUpdate(
                "INSERT INTO audit_entries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entries.stream().map(AuditEntries::values).toList()));
    }

    /**
     * Files the entry with the caller's transaction: a change writes several entries (a creation
     * four), sent together at its commit; a listing later in the same transaction would not see
     * them, and none does.
     */
    void insert(AuditEntry entry) {
        pending.add(entry);
    }

    private static Object[] values(AuditEntry entry) {
        return new Object[] {entry.id(), utc(entry.occurredAt()), entry.companyId(), entry.partnerId(),
                entry.actorAccountId(), entry.actorUserId(), entry.actorKind().name(), entry.action(),
                entry.targetType(), entry.targetId(), entry.beforeJson(), entry.afterJson(), entry.clientAddress(),
                entry.requestId()};
    }

    /** Up to {@code limit} entries of the scope, newest first, after {@code after} (null: from the newest). */
    List<AuditEntry> page(Scope scope, String scopeId, AuditFilter filter, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entries WHERE " + scope.column
                + " = :scope");
        if (filter.actor() != null) {
            sql.append(" AND (actor_account_id = :actor OR actor_user_id = :actor)");
        }
        if (filter.action() != null) {
            sql.append(" AND action = :action");
        }
        if (filter.actionPrefix() != null) {
            // a range, not LIKE: '_' is a wildcard there, and a range uses the index on every database
            sql.append(" AND action >= :prefix AND action < :prefixEnd");
        }
        if (filter.signInsLeftOut()) {
            // the range of 'sign_in.' left out ('/' follows '.'), as for a prefix: no LIKE wildcard
            sql.append(" AND (action < 'sign_in.' OR action >= 'sign_in/')");
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < :to");
        }
        if (after != null) {
            sql.append(" AND (occurred_at, id) < (:afterTime, :afterId)");
        }
        // the limit is inlined: H2 caches a plan per statement text, and a bound FETCH FIRST defeats it
        sql.append(" ORDER BY occurred_at DESC, id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        var spec = jdbc.sql(sql.toString()).param("scope", scopeId);
        if (filter.actor() != null) {
            spec = spec.param("actor", filter.actor());
        }
        if (filter.action() != null) {
            spec = spec.param("action", filter.action());
        }
        if (filter.actionPrefix() != null) {
            spec = spec.param("prefix", filter.actionPrefix()).param("prefixEnd", filter.actionPrefixEnd());
        }
        if (filter.from() != null) {
            spec = spec.param("from", utc(filter.from()));
        }
        if (filter.to() != null) {
            spec = spec.param("to", utc(filter.to()));
        }
        if (after != null) {
            spec = spec.param("afterTime", utc(after.occurredAt())).param("afterId", after.id());
        }
        return spec.query(AuditEntries::entry).list();
    }

    /**
     * Up to {@code limit} entries of a company filed under one partner space and written by its
     * staff (acting through the partner's grant, or asking for it), newest first, after {@code after}.
     */
    List<AuditEntry> pageOfPartnerInCompany(String companyId, String partnerId, Position after, int limit) {
        String keyset = after == null ? "" : " AND (occurred_at, id) < (:afterTime, :afterId)";
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entries WHERE company_id = :company AND partner_id = :partner AND actor_kind = 'PARTNER_STAFF'"
                        + keyset + " ORDER BY occurred_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .param("company", companyId).param("partner", partnerId);
        if (after != null) {
            spec = spec.param("afterTime", utc(after.occurredAt())).param("afterId", after.id());
        }
        return spec.query(AuditEntries::entry).list();
    }

    static Position position(String key, String id) {
        try {
            return new Position(Instant.parse(key), id);
        } catch (DateTimeParseException e) {
            throw Problems.InvalidInput.of("cursor", "is not a cursor returned by this list; start again without it");
        }
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getString("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("company_id"), rs.getString("partner_id"), rs.getString("actor_account_id"),
                rs.getString("actor_user_id"), ActorKind.valueOf(rs.getString("actor_kind")), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("client_address"), rs.getString("request_id"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
