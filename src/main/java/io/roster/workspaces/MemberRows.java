package io.roster.workspaces;

import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rights held on a company's workspaces. Listing reads the members' profiles from the accounts
 * table in the same query (this module depends on users), so a page is sorted by userId in SQL.
 */
@Repository
class MemberRows {

    private static final String SELECT = "SELECT a.id, a.user_id, a.email, a.first_name, a.last_name,"
            + " a.home_company_id, a.user_id_sort, m.right_level"
            + " FROM workspace_members m JOIN accounts a ON a.id = m.account_id"
            + " WHERE m.company_id = :company AND m.workspace_id = :workspace";

    private final JdbcClient jdbc;

    MemberRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WorkspaceRight> rightOf(CompanyId company, String workspaceId, String accountId) {
        return jdbc.sql("SELECT right_level FROM workspace_members WHERE company_id = ? AND workspace_id = ? AND account_id = ?")
                .params(company.value(), workspaceId, accountId)
                .query((rs, n) -> WorkspaceRight.valueOf(rs.getString(1))).optional();
    }

    void insert(CompanyId company, String workspaceId, String accountId, WorkspaceRight right) {
        // external (another home, or none) is fixed here, as a home never changes: the Users table reads by it
        jdbc.sql("INSERT INTO workspace_members (workspace_id, account_id, company_id, right_level, created_at, external)"
                        + " VALUES (?, ?, ?, ?, ?, NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = ? AND a.home_company_id = ?))")
                .params(workspaceId, accountId, company.value(), right.name(), Instant.now().atOffset(ZoneOffset.UTC),
                        accountId, company.value())
                .update();
    }

    void update(CompanyId company, String workspaceId, String accountId, WorkspaceRight right) {
        jdbc.sql("UPDATE workspace_members SET right_level = ? WHERE company_id = ? AND workspace_id = ? AND account_id = ?")
                .params(right.name(), company.value(), workspaceId, accountId).update();
    }

    void delete(CompanyId company, String workspaceId, String accountId) {
        jdbc.sql("DELETE FROM workspace_members WHERE company_id = ? AND workspace_id = ? AND account_id = ?")
                .params(company.value(), workspaceId, accountId).update();
    }

    long admins(CompanyId company, String workspaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM workspace_members WHERE company_id = ? AND workspace_id = ?"
                        + " AND right_level = 'ADMIN'")
                .params(company.value(), workspaceId).query(Long.class).single();
    }

    Optional<Member> find(CompanyId company, String workspaceId, String accountId) {
        return jdbc.sql(SELECT + " AND m.account_id = :account")
                .param("company", company.value()).param("workspace", workspaceId).param("account", accountId)
                .query((rs, n) -> member(rs, company)).optional();
    }

    /** A page of members by userId (limit + 1 rows), each with the key its cursor continues from. */
    List<Keyed> page(CompanyId company, String workspaceId, PageRequest page) {
        Cursor after = page.cursor() == null ? null : page.cursor().requireSort("userId");
        var spec = jdbc.sql(SELECT + (after == null ? "" : " AND (a.user_id_sort, a.id) > (:key, :id)")
                        + " ORDER BY a.user_id_sort, a.id FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY")
                .param("company", company.value()).param("workspace", workspaceId);
        if (after != null) {
            spec = spec.param("key", after.key()).param("id", after.id());
        }
        return spec.query((rs, n) -> new Keyed(member(rs, company), rs.getString("user_id_sort"))).list();
    }

    record Keyed(Member member, String sortKey) {
    }

    private static Member member(ResultSet rs, CompanyId company) throws SQLException {
        String home = rs.getString("home_company_id");
        return new Member(rs.getString("id"), rs.getString("user_id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), WorkspaceRight.valueOf(rs.getString("right_level")),
                !company.value().equals(home));
    }

    /** The rights one account holds on a company's workspaces, by workspace name (at most 200). */
    List<HeldRight> heldBy(CompanyId company, String accountId) {
        return jdbc.sql("SELECT w.id, w.name, m.right_level FROM workspace_members m JOIN workspaces w ON w.id = m.workspace_id"
                        + " WHERE m.company_id = ? AND m.account_id = ? ORDER BY w.name, w.id FETCH FIRST 200 ROWS ONLY")
                .params(company.value(), accountId)
                .query((rs, n) -> new HeldRight(rs.getString(1), rs.getString(2), WorkspaceRight.valueOf(rs.getString(3))))
                .list();
    }
}
