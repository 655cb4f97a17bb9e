package io.roster.workspaces;

import io.roster.shared.CompanyId;
import io.roster.users.CompanyLinks;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The guest side of the rights on workspaces (docs/rules.md §8): end dates, sponsors and reviews,
 * on the rows {@link MemberRows} writes. The end-date job and the hand-over of a sponsor's guests
 * walk every company's rows by date or by sponsor; each change then names the company again.
 */
@Repository
class GuestRows {

    private final JdbcClient jdbc;
    private final CompanyLinks links;

    GuestRows(JdbcClient jdbc, CompanyLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /** Sets or clears (null) when a right ends; false when the account holds no right there. */
    boolean setEndsAt(CompanyId company, String workspaceId, String accountId, Instant endsAt) {
        return jdbc.sql("UPDATE workspace_members SET ends_at = ? WHERE company_id = ? AND workspace_id = ? AND account_id = ?")
                .params(utc(endsAt), company.value(), workspaceId, accountId).update() == 1;
    }

    /** The sponsor's review of a guest: the right stays, reviewed now. */
    boolean markReviewed(CompanyId company, String workspaceId, String accountId, Instant at) {
        return jdbc.sql("UPDATE workspace_members SET reviewed_at = ? WHERE company_id = ? AND workspace_id = ?"
                        + " AND account_id = ? AND guest = TRUE")
                .params(utc(at), company.value(), workspaceId, accountId).update() == 1;
    }

    /**
     * Deletes a right whose end date has passed, and unlinks it. The row count decides which caller
     * ends it: on several nodes, only one sees 1.
     */
    boolean deleteEnded(CompanyId company, String workspaceId, String accountId, Instant now) {
        int deleted = jdbc.sql("DELETE FROM workspace_members WHERE company_id = ? AND workspace_id = ? AND account_id = ?"
                        + " AND ends_at <= ?")
                .params(company.value(), workspaceId, accountId, utc(now)).update();
        if (deleted == 1) {
            links.unlinkWorkspace(company, workspaceId, accountId);
        }
        return deleted == 1;
    }

    /** A right whose end date is due: its key, right, sponsor and date. */
    record Due(CompanyId company, String workspaceId, String accountId, WorkspaceRight right, String sponsor,
            Instant endsAt) {
    }

    /** The rights due to end by {@code now}, oldest end first (at most {@code limit}); every company's. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT company_id, workspace_id, account_id, right_level, sponsor_account_id, ends_at"
                        + " FROM workspace_members WHERE ends_at <= ? ORDER BY ends_at FETCH FIRST " + limit + " ROWS ONLY")
                .param(utc(now))
                .query((rs, n) -> new Due(new CompanyId(rs.getString(1)), rs.getString(2), rs.getString(3),
                        WorkspaceRight.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Where an account sponsors guests: (company, workspace) pairs, at most 500. */
    List<Sponsored> sponsoredBy(String sponsor) {
        return jdbc.sql("SELECT DISTINCT company_id, workspace_id FROM workspace_members WHERE sponsor_account_id = ?"
                        + " FETCH FIRST 500 ROWS ONLY")
                .param(sponsor).query((rs, n) -> new Sponsored(new CompanyId(rs.getString(1)), rs.getString(2))).list();
    }

    record Sponsored(CompanyId company, String workspaceId) {
    }

    /** Clears the sponsor of its guests on one workspace; returns the guests' account ids. */
    List<String> clearSponsor(CompanyId company, String workspaceId, String sponsor) {
        List<String> guests = jdbc.sql("SELECT account_id FROM workspace_members WHERE company_id = ? AND workspace_id = ?"
                        + " AND sponsor_account_id = ? ORDER BY account_id FOR UPDATE")
                .params(company.value(), workspaceId, sponsor).query(String.class).list();
        jdbc.sql("UPDATE workspace_members SET sponsor_account_id = NULL WHERE company_id = ? AND workspace_id = ?"
                        + " AND sponsor_account_id = ?")
                .params(company.value(), workspaceId, sponsor).update();
        return guests;
    }

    /** The ADMINs of a workspace (at most 50), who sponsor its guests that have no sponsor. */
    List<String> adminsOf(CompanyId company, String workspaceId) {
        return jdbc.sql("SELECT account_id FROM workspace_members WHERE company_id = ? AND workspace_id = ?"
                        + " AND right_level = 'ADMIN' ORDER BY account_id FETCH FIRST 50 ROWS ONLY")
                .params(company.value(), workspaceId).query(String.class).list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The last ADMIN keeps its right: its passed end date is cleared instead. */
    boolean clearEndsAt(CompanyId company, String workspaceId, String accountId) {
        return jdbc.sql("UPDATE workspace_members SET ends_at = NULL WHERE company_id = ? AND workspace_id = ?"
                        + " AND account_id = ? AND ends_at IS NOT NULL")
                .params(company.value(), workspaceId, accountId).update() == 1;
    }

    /** Someone who reviews guests in a company: a sponsor, or an ADMIN of a workspace with unsponsored guests. */
    record ReviewerKey(String companyId, String accountId) {
    }

    /** Every company's reviewers after {@code after} (null: from the start), in key order, at most {@code limit}. */
    List<ReviewerKey> reviewers(ReviewerKey after, int limit) {
        var spec = jdbc.sql("SELECT company_id, reviewer FROM ("
                        + " SELECT DISTINCT company_id, sponsor_account_id AS reviewer FROM workspace_members"
                        + " WHERE sponsor_account_id IS NOT NULL"
                        + " UNION SELECT DISTINCT a.company_id, a.account_id FROM workspace_members a"
                        + " WHERE a.right_level = 'ADMIN' AND EXISTS (SELECT 1 FROM workspace_members g"
                        + " WHERE g.company_id = a.company_id AND g.workspace_id = a.workspace_id AND g.guest = TRUE"
                        + " AND g.sponsor_account_id IS NULL)) r"
                        + (after == null ? "" : " WHERE (company_id, reviewer) > (:company, :reviewer)")
                        + " ORDER BY company_id, reviewer FETCH FIRST " + limit + " ROWS ONLY");
        if (after != null) {
            spec = spec.param("company", after.companyId()).param("reviewer", after.accountId());
        }
        return spec.query((rs, n) -> new ReviewerKey(rs.getString(1), rs.getString(2))).list();
    }

    /** A guest as a review lists it. */
    record Reviewed(String workspaceId, String accountId, WorkspaceRight right, Instant endsAt) {
    }

    /**
     * The guests a reviewer answers for in one company (at most 200): those it sponsors, and the
     * unsponsored guests of the workspaces it is an ADMIN of.
     */
    List<Reviewed> guestsOf(CompanyId company, String reviewer) {
        return jdbc.sql("SELECT g.workspace_id, g.account_id, g.right_level, g.ends_at FROM workspace_members g"
                        + " WHERE g.company_id = ? AND g.guest = TRUE AND (g.sponsor_account_id = ?"
                        + " OR (g.sponsor_account_id IS NULL AND EXISTS (SELECT 1 FROM workspace_members a"
                        + " WHERE a.company_id = g.company_id AND a.workspace_id = g.workspace_id AND a.account_id = ?"
                        + " AND a.right_level = 'ADMIN')))"
                        + " ORDER BY g.workspace_id, g.account_id FETCH FIRST 200 ROWS ONLY")
                .params(company.value(), reviewer, reviewer)
                .query((rs, n) -> {
                    OffsetDateTime endsAt = rs.getObject(4, OffsetDateTime.class);
                    return new Reviewed(rs.getString(1), rs.getString(2), WorkspaceRight.valueOf(rs.getString(3)),
                            endsAt == null ? null : endsAt.toInstant());
                })
                .list();
    }

    /** Whether {@code reviewer} answers for this guest now (its sponsor, or an ADMIN when it has none). */
    boolean reviews(CompanyId company, String workspaceId, String guest, String reviewer) {
        return jdbc.sql("SELECT COUNT(*) FROM workspace_members g WHERE g.company_id = ? AND g.workspace_id = ?"
                        + " AND g.account_id = ? AND g.guest = TRUE AND (g.sponsor_account_id = ?"
                        + " OR (g.sponsor_account_id IS NULL AND EXISTS (SELECT 1 FROM workspace_members a"
                        + " WHERE a.company_id = g.company_id AND a.workspace_id = g.workspace_id AND a.account_id = ?"
                        + " AND a.right_level = 'ADMIN')))")
                .params(company.value(), workspaceId, guest, reviewer, reviewer).query(Long.class).single() > 0;
    }
}
