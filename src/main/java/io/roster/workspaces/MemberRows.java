package io.roster.workspaces;

import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.PageRequest;
import io.roster.users.AccountLookups;
import io.roster.users.Accounts;
import io.roster.users.CompanyLinks;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rights held on a company's workspaces. Each right is mirrored, in the same transaction, as a
 * link of the users module ({@link CompanyLinks}), from which the company's Users table lists
 * outside people and standing is read. A member's userId sort key is copied here when the right is
 * granted (and follows a change of userId, see {@link MemberSortKeys}), so a page of members walks
 * this module's index in userId order; the people's profiles are then read for that page only.
 */
@Repository
class MemberRows {

    private final JdbcClient jdbc;
    private final CompanyLinks links;
    private final AccountLookups lookups;
    private final Accounts accounts;

    MemberRows(JdbcClient jdbc, CompanyLinks links, AccountLookups lookups, Accounts accounts) {
        this.jdbc = jdbc;
        this.links = links;
        this.lookups = lookups;
        this.accounts = accounts;
    }

    Optional<WorkspaceRight> rightOf(CompanyId company, String workspaceId, String accountId) {
        return jdbc.sql("SELECT right_level FROM workspace_members WHERE company_id = ? AND workspace_id = ? AND account_id = ?")
                .params(company.value(), workspaceId, accountId)
                .query((rs, n) -> WorkspaceRight.valueOf(rs.getString(1))).optional();
    }

    /** Grants a right the account does not hold yet; it links the account to the company. */
    void insert(CompanyId company, String workspaceId, String accountId, WorkspaceRight right) {
        insert(company, workspaceId, accountId, right, null, null);
    }

    /** As {@link #insert(CompanyId, String, String, WorkspaceRight)}, for a guest: its sponsor and end date. */
    void insert(CompanyId company, String workspaceId, String accountId, WorkspaceRight right, String sponsor,
            Instant endsAt) {
        String sortKey = lookups.userIdSortKey(accountId).orElse("");
        jdbc.sql("INSERT INTO workspace_members (workspace_id, account_id, company_id, right_level, created_at, user_id_sort,"
                        + " sponsor_account_id, guest, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(workspaceId, accountId, company.value(), right.name(), Instant.now().atOffset(ZoneOffset.UTC),
                        sortKey, sponsor, sponsor != null, utc(endsAt))
                .update();
        links.linkWorkspace(company, workspaceId, accountId);
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    void update(CompanyId company, String workspaceId, String accountId, WorkspaceRight right) {
        jdbc.sql("UPDATE workspace_members SET right_level = ? WHERE company_id = ? AND workspace_id = ? AND account_id = ?")
                .params(right.name(), company.value(), workspaceId, accountId).update();
    }

    void delete(CompanyId company, String workspaceId, String accountId) {
        jdbc.sql("DELETE FROM workspace_members WHERE company_id = ? AND workspace_id = ? AND account_id = ?")
                .params(company.value(), workspaceId, accountId).update();
        links.unlinkWorkspace(company, workspaceId, accountId);
    }

    /** The account's userId changed: its rights keep paging in the right place. */
    void sortKeyChanged(String accountId, String sortKey) {
        jdbc.sql("UPDATE workspace_members SET user_id_sort = ? WHERE account_id = ?").params(sortKey, accountId).update();
    }

    long admins(CompanyId company, String workspaceId) {
        return jdbc.sql("SELECT COUNT(*) FROM workspace_members WHERE company_id = ? AND workspace_id = ?"
                        + " AND right_level = 'ADMIN'")
                .params(company.value(), workspaceId).query(Long.class).single();
    }

    Optional<Member> find(CompanyId company, String workspaceId, String accountId) {
        return jdbc.sql("SELECT account_id, right_level, user_id_sort, sponsor_account_id, guest, ends_at"
                        + " FROM workspace_members WHERE company_id = ? AND workspace_id = ? AND account_id = ?")
                .params(company.value(), workspaceId, accountId).query(MemberRows::held).optional()
                .flatMap(held -> accounts.profiles(List.of(accountId)).stream().findFirst()
                        .map(profile -> member(profile, held, company)));
    }

    /** A page of members by userId (limit + 1 rows), each with the key its cursor continues from. */
    List<Keyed> page(CompanyId company, String workspaceId, PageRequest page) {
        Cursor after = page.cursor() == null ? null : page.cursor().requireSort("userId");
        // company and workspace lead the order too, so H2 sees that the index gives it (see UsersTable)
        var spec = jdbc.sql("SELECT account_id, right_level, user_id_sort, sponsor_account_id, guest, ends_at"
                        + " FROM workspace_members"
                        + " WHERE company_id = :company AND workspace_id = :workspace"
                        + (after == null ? "" : " AND (user_id_sort, account_id) > (:key, :id)")
                        + " ORDER BY company_id, workspace_id, user_id_sort, account_id"
                        + " FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY")
                .param("company", company.value()).param("workspace", workspaceId);
        if (after != null) {
            spec = spec.param("key", after.key()).param("id", after.id());
        }
        List<Held> held = spec.query(MemberRows::held).list();
        Map<String, Accounts.Profile> profiles = new HashMap<>();
        accounts.profiles(held.stream().map(Held::accountId).toList())
                .forEach(profile -> profiles.put(profile.accountId(), profile));
        // a right's account is never missing: deleting an account deletes its rights (foreign key)
        return held.stream().filter(h -> profiles.containsKey(h.accountId()))
                .map(h -> new Keyed(member(profiles.get(h.accountId()), h, company), h.sortKey())).toList();
    }

    record Keyed(Member member, String sortKey) {
    }

    private record Held(String accountId, WorkspaceRight right, String sortKey, String sponsor, boolean guest,
            Instant endsAt) {
    }

    private static Held held(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.time.OffsetDateTime endsAt = rs.getObject(6, java.time.OffsetDateTime.class);
        return new Held(rs.getString(1), WorkspaceRight.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getBoolean(5), endsAt == null ? null : endsAt.toInstant());
    }

    private static Member member(Accounts.Profile profile, Held held, CompanyId company) {
        return new Member(profile.accountId(), profile.userId(), profile.email(), profile.firstName(),
                profile.lastName(), held.right(), !company.value().equals(profile.homeCompanyId()), held.sponsor(),
                held.guest(), held.endsAt());
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
