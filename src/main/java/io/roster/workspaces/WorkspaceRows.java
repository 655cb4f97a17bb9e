package io.roster.workspaces;

import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workspaces, always within one company: another company's workspace is never found here. */
@Repository
class WorkspaceRows {

    private static final String COLUMNS = "w.id, w.company_id, w.name, w.created_by, w.version, w.created_at";

    private final JdbcClient jdbc;

    WorkspaceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Workspace workspace) {
        jdbc.sql("INSERT INTO workspaces (id, company_id, name, created_by, version, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(workspace.id(), workspace.companyId().value(), workspace.name(), workspace.createdBy(),
                        workspace.version(), workspace.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<Workspace> find(CompanyId company, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workspaces w WHERE w.id = ? AND w.company_id = ?")
                .params(id, company.value()).query(WorkspaceRows::map).optional();
    }

    /** Locks the workspace until the transaction ends: changes to its members then run one at a time. */
    Optional<Workspace> lock(CompanyId company, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workspaces w WHERE w.id = ? AND w.company_id = ? FOR UPDATE")
                .params(id, company.value()).query(WorkspaceRows::map).optional();
    }

    /**
     * A page of the company's workspaces by name (limit + 1 rows, see {@code Page.fromLookahead}):
     * all of them, or only those {@code memberAccountId} holds a right on.
     */
    List<Workspace> page(CompanyId company, String memberAccountId, PageRequest page) {
        Cursor after = page.cursor() == null ? null : page.cursor().requireSort("name");
        String sql = "SELECT " + COLUMNS + " FROM workspaces w WHERE w.company_id = :company"
                + (memberAccountId == null ? "" : " AND w.id IN (SELECT m.workspace_id FROM workspace_members m"
                        + " WHERE m.company_id = :company AND m.account_id = :account)")
                + (after == null ? "" : " AND (w.name, w.id) > (:key, :id)")
                // a validated int, written into the SQL as the Users table does (H2 plan caching)
                + " ORDER BY w.name, w.id FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY";
        var spec = jdbc.sql(sql).param("company", company.value());
        if (memberAccountId != null) {
            spec = spec.param("account", memberAccountId);
        }
        if (after != null) {
            spec = spec.param("key", after.key()).param("id", after.id());
        }
        return spec.query(WorkspaceRows::map).list();
    }

    private static Workspace map(ResultSet rs, int n) throws SQLException {
        return new Workspace(rs.getString("id"), new CompanyId(rs.getString("company_id")), rs.getString("name"),
                rs.getString("created_by"), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
