package io.roster.invitations;

import io.roster.shared.Ids;
import io.roster.shared.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import io.roster.shared.WrittenAtCommit;
import java.sql.Types;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The invitations table. Tokens are looked up by their hash only. New links are written in one
 * batch per transaction, just before it commits ({@link WrittenAtCommit}): an import's thousand
 * setup links are one batch instead of a thousand statements. Every other statement of this class
 * writes the transaction's new links first, so whatever reads or updates the table in the
 * transaction sees them, as it would have seen rows inserted at once.
 */
@Repository
class InvitationRecords {

    private static final String COLUMNS = "id, kind, account_id, company_id, workspace_id, email, right_level,"
            + " invited_by, status, created_at, expires_at, used_at, new_email, ends_at";

    private static final String INSERT = "INSERT INTO invitations (id, kind, token_hash, account_id, company_id,"
            + " workspace_id, email, right_level, invited_by, status, created_at, expires_at, new_email, ends_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)";

    private static final int[] TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE,
            Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcClient jdbc;
    private final WrittenAtCommit<Object[]> inserted;

    InvitationRecords(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.inserted = new WrittenAtCommit<>(rows -> batch.batchUpdate(INSERT, rows, TYPES));
    }

    /** The statement about to run sees the links the transaction added. */
    private JdbcClient flushed() {
        inserted.writeNow();
        return jdbc;
    }

    /** Stores a new pending link and returns its token (the only time it exists in clear). */
    Issued insert(InvitationKind kind, String accountId, String companyId, String workspaceId, String email,
            String right, String invitedBy, Instant expiresAt) {
        return insert(kind, accountId, companyId, workspaceId, email, right, invitedBy, expiresAt, null, null);
    }

    /** {@code newEmail}: for a link cancelling an email change, the address the change is to. */
    Issued insert(InvitationKind kind, String accountId, String companyId, String workspaceId, String email,
            String right, String invitedBy, Instant expiresAt, String newEmail) {
        return insert(kind, accountId, companyId, workspaceId, email, right, invitedBy, expiresAt, newEmail, null);
    }

    /** {@code endsAt}: on a workspace invitation, when the right it gives ends (null: never). */
    Issued insert(InvitationKind kind, String accountId, String companyId, String workspaceId, String email,
            String right, String invitedBy, Instant expiresAt, String newEmail, Instant endsAt) {
        String token = Secrets.newToken("");
        String id = Ids.newId();
        // the columns keep microseconds: the row as inserted is then the row as read back
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = expiresAt.truncatedTo(ChronoUnit.MICROS);
        inserted.add(new Object[] {id, kind.name(), Secrets.sha256(token), accountId, companyId, workspaceId, email,
                right, invitedBy, utc(createdAt), utc(expires), newEmail,
                endsAt == null ? null : utc(endsAt.truncatedTo(ChronoUnit.MICROS))});
        return new Issued(id, token, expires, new Invitation(id, kind, accountId, companyId, workspaceId, email, right,
                invitedBy, LinkState.VALID, createdAt, expires, null, newEmail,
                endsAt == null ? null : endsAt.truncatedTo(ChronoUnit.MICROS)));
    }

    /** A link just written: its token (known only now) and the invitation as a read would give it. */
    record Issued(String id, String token, Instant expiresAt, Invitation invitation) {
    }

    Optional<Invitation> byToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return flushed().sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = ?")
                .param(Secrets.sha256(token)).query(InvitationRecords::map).optional();
    }

    /** Locks a pending link for use, so a double click cannot use it twice. */
    Optional<Invitation> lockByToken(String token) {
        return flushed().sql("SELECT " + COLUMNS + " FROM invitations WHERE token_hash = ? FOR UPDATE")
                .param(Secrets.sha256(token)).query(InvitationRecords::map).optional();
    }

    Optional<Invitation> latestFor(String accountId, InvitationKind kind) {
        return flushed().sql("SELECT " + COLUMNS + " FROM invitations WHERE account_id = ? AND kind = ?"
                        + " ORDER BY created_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .params(accountId, kind.name()).query(InvitationRecords::map).optional();
    }

    /** Resending makes every earlier pending link of that kind useless. */
    void replacePending(String accountId, InvitationKind kind) {
        flushed().sql("UPDATE invitations SET status = 'REPLACED' WHERE account_id = ? AND kind = ? AND status = 'PENDING'")
                .params(accountId, kind.name()).update();
    }

    int revokePending(String accountId, InvitationKind kind) {
        return flushed().sql("UPDATE invitations SET status = 'REVOKED' WHERE account_id = ? AND kind = ? AND status = 'PENDING'")
                .params(accountId, kind.name()).update();
    }

    Optional<Invitation> inWorkspace(String workspaceId, String id) {
        return flushed().sql("SELECT " + COLUMNS + " FROM invitations WHERE id = ? AND workspace_id = ? AND kind = 'WORKSPACE'")
                .params(id, workspaceId).query(InvitationRecords::map).optional();
    }

    /** A workspace's invitations, newest first, one keyset page (limit + 1 rows). */
    java.util.List<Invitation> ofWorkspace(String workspaceId, io.roster.shared.PageRequest page) {
        var after = page.cursor() == null ? null : page.cursor().requireSort("-createdAt");
        var spec = flushed().sql("SELECT " + COLUMNS + " FROM invitations WHERE workspace_id = :workspace AND kind = 'WORKSPACE'"
                + (after == null ? "" : " AND (created_at, id) < (:afterTime, :afterId)")
                + " ORDER BY created_at DESC, id DESC FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY")
                .param("workspace", workspaceId);
        if (after != null) {
            spec = spec.param("afterTime", OffsetDateTime.parse(after.key())).param("afterId", after.id());
        }
        return spec.query(InvitationRecords::map).list();
    }

    /** Ends one pending link: REPLACED on resend, REVOKED on withdrawal. */
    int end(String id, String status) {
        return flushed().sql("UPDATE invitations SET status = ? WHERE id = ? AND status = 'PENDING'").params(status, id).update();
    }

    void markUsed(String id) {
        flushed().sql("UPDATE invitations SET status = 'USED', used_at = ? WHERE id = ?").params(utc(Instant.now()), id).update();
    }

    private static Invitation map(ResultSet rs, int n) throws SQLException {
        Instant expiresAt = rs.getObject("expires_at", OffsetDateTime.class).toInstant();
        String status = rs.getString("status");
        LinkState state = switch (status) {
            case "USED" -> LinkState.USED;
            case "REPLACED" -> LinkState.REPLACED;
            case "REVOKED" -> LinkState.REVOKED;
            default -> expiresAt.isBefore(Instant.now()) ? LinkState.EXPIRED : LinkState.VALID;
        };
        OffsetDateTime used = rs.getObject("used_at", OffsetDateTime.class);
        OffsetDateTime endsAt = rs.getObject("ends_at", OffsetDateTime.class);
        return new Invitation(rs.getString("id"), InvitationKind.valueOf(rs.getString("kind")), rs.getString("account_id"),
                rs.getString("company_id"), rs.getString("workspace_id"), rs.getString("email"), rs.getString("right_level"),
                rs.getString("invited_by"), state, rs.getObject("created_at", OffsetDateTime.class).toInstant(), expiresAt,
                used == null ? null : used.toInstant(), rs.getString("new_email"),
                endsAt == null ? null : endsAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
