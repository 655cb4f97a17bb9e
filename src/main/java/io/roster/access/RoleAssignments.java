package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.DatabaseProduct;
import io.roster.shared.Problems;
import io.roster.users.CompanyLinks;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Which roles an account holds in a company. Always read and written within one company. */
@Service
public class RoleAssignments {

    /**
     * Every assignment written or removed here is mirrored, in the same transaction, as a link of
     * the users module ({@link CompanyLinks}): the Users table lists outside accounts and filters
     * by role from it, and standing is read from it.
     */
    private static final String INSERT = "INSERT INTO role_assignments (company_id, account_id, role_id, created_at)"
            + " VALUES (?, ?, ?, ?)";

    /** A page's account ids as one array parameter (PostgreSQL) or an IN list (H2), see {@link #roleIdsOf(CompanyId, Collection)}. */
    private final boolean idsAsArray;

    /** Accounts per IN list when many are read at once. */
    private static final int IN_LIST = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Roles roles;
    private final ApplicationEventPublisher events;
    private final CompanyLinks links;

    RoleAssignments(JdbcClient jdbc, JdbcTemplate batch, Roles roles, ApplicationEventPublisher events,
            DatabaseProduct database, CompanyLinks links) {
        this.links = links;
        this.idsAsArray = database.isPostgreSql();
        this.jdbc = jdbc;
        this.batch = batch;
        this.roles = roles;
        this.events = events;
    }

    /** The accounts holding a role in a company (e.g. its administrators, whom a webhook failure is mailed to). */
    public List<String> holdersOf(CompanyId company, String roleId) {
        return jdbc.sql("SELECT account_id FROM role_assignments WHERE company_id = ? AND role_id = ? ORDER BY account_id")
                .params(company.value(), roleId).query(String.class).list();
    }

    public List<String> roleIdsOf(CompanyId company, String accountId) {
        return jdbc.sql("SELECT role_id FROM role_assignments WHERE company_id = ? AND account_id = ? ORDER BY role_id")
                .params(company.value(), accountId)
                .query(String.class).list();
    }

    /**
     * Role ids of several accounts in one company, for a page of the Users table: one index probe
     * per account, so a page costs the same in a company of 100 or 100,000.
     *
     * <p>The ids go as one array parameter rather than an IN list of as many parameters. With an
     * IN list PostgreSQL costs one index descent per element against reading the whole company's
     * assignments, and past some 20 elements (earlier without statistics) picked the latter: a
     * page of 50 read every assignment of the company and tested each against the
     * list. An array parameter of unknown length keeps the probes, and one statement
     * text serves every page size. H2 reads the whole company for {@code = ANY (array)} and, for an
     * IN list, prefers the primary key (company first) too, reading every assignment of the company
     * for each page; it gets an IN list on the account index, named.
     */
    public Map<String, List<String>> roleIdsOf(CompanyId company, Collection<String> accountIds) {
        Map<String, List<String>> byAccount = new HashMap<>();
        if (accountIds.isEmpty()) {
            return byAccount;
        }
        // positional: a named parameter holding an array would be expanded into a list
        var statement = idsAsArray
                ? jdbc.sql("SELECT account_id, role_id FROM role_assignments WHERE account_id = ANY (?)"
                        + " AND company_id = ? ORDER BY role_id").params(accountIds.toArray(String[]::new), company.value())
                : jdbc.sql("SELECT account_id, role_id FROM role_assignments USE INDEX (ix_role_assignments_account)"
                        + " WHERE account_id IN (:ids) AND company_id = :company ORDER BY role_id")
                        .param("ids", accountIds).param("company", company.value());
        statement.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> byAccount.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byAccount;
    }

    /**
     * Role ids of several accounts in several companies, by company then account, by role id: a
     * page of rows of different companies (the partner space's Users table) or one person's page
     * of companies, in one statement. Each account's roles are read where they are among
     * {@code companies} only, one probe of the account's index per pair at most, never a company's
     * every assignment (array parameters on PostgreSQL, the account index named on H2, as
     * {@link #roleIdsOf(CompanyId, Collection)} does for the same reason).
     */
    public Map<CompanyId, Map<String, List<String>>> roleIdsIn(Collection<CompanyId> companies,
            Collection<String> accountIds) {
        Map<CompanyId, Map<String, List<String>>> byCompany = new HashMap<>();
        if (companies.isEmpty() || accountIds.isEmpty()) {
            return byCompany;
        }
        String[] companyIds = companies.stream().map(CompanyId::value).distinct().toArray(String[]::new);
        var statement = idsAsArray
                ? jdbc.sql("SELECT company_id, account_id, role_id FROM role_assignments WHERE account_id = ANY (?)"
                        + " AND company_id = ANY (?) ORDER BY role_id")
                        .params(accountIds.stream().distinct().toArray(String[]::new), companyIds)
                : jdbc.sql("SELECT company_id, account_id, role_id FROM role_assignments USE INDEX (ix_role_assignments_account)"
                        + " WHERE account_id IN (:ids) AND company_id IN (:companies) ORDER BY role_id")
                        .param("ids", accountIds).param("companies", List.of(companyIds));
        statement.query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
                .forEach(row -> byCompany.computeIfAbsent(new CompanyId(row[0]), c -> new HashMap<>())
                        .computeIfAbsent(row[1], a -> new ArrayList<>()).add(row[2]));
        return byCompany;
    }

    /** Every holder of a role in the company (account ids, in order). */
    public List<String> holders(CompanyId company, String roleId) {
        return jdbc.sql("SELECT account_id FROM role_assignments WHERE company_id = ? AND role_id = ? ORDER BY account_id")
                .params(company.value(), roleId)
                .query(String.class).list();
    }

    /** The holders of a role in the company, {@code limit} at a time from {@code offset}, with their number. */
    public List<String> holders(CompanyId company, String roleId, long offset, int limit) {
        return jdbc.sql("SELECT account_id FROM role_assignments WHERE company_id = ? AND role_id = ?"
                        + " ORDER BY account_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(company.value(), roleId, offset, limit)
                .query(String.class).list();
    }

    public boolean holds(CompanyId company, String accountId, String roleId) {
        return jdbc.sql("SELECT COUNT(*) FROM role_assignments WHERE company_id = ? AND account_id = ? AND role_id = ?")
                .params(company.value(), accountId, roleId).query(Integer.class).single() > 0;
    }

    /**
     * Grants a role. Idempotent. {@code granter} may only hand out permissions it holds itself, so
     * a user manager cannot make someone an administrator.
     */
    @Transactional
    public void grant(CompanyId company, String accountId, String roleId, CompanyAccess granter) {
        requireGrantable(company, roleId, granter);
        lockRole(company, roleId);
        int exists = jdbc.sql("SELECT COUNT(*) FROM role_assignments WHERE company_id = ? AND account_id = ? AND role_id = ?")
                .params(company.value(), accountId, roleId).query(Integer.class).single();
        if (exists == 0) {
            jdbc.sql(INSERT).params(company.value(), accountId, roleId, Instant.now().atOffset(ZoneOffset.UTC)).update();
            links.linkRole(company, accountId, roleId);
            events.publishEvent(new AccessEvents.RoleGranted(company, accountId, roleId, granter.caller().accountId()));
        }
    }

    /**
     * Grants already checked roles (see {@link #requireGrantable}) to an account created in this
     * very transaction: it holds none yet, so there is nothing to look up first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void grantToNewAccount(CompanyId company, String accountId, List<Role> checked, CompanyAccess granter) {
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        for (Role role : checked) {
            lockRole(company, role.id());
            jdbc.sql(INSERT).params(company.value(), accountId, role.id(), now).update();
            links.linkRole(company, accountId, role.id());
            events.publishEvent(new AccessEvents.RoleGranted(company, accountId, role.id(), granter.caller().accountId()));
        }
    }

    /**
     * Grants roles to many accounts at once (after a bulk import): each role is checked once
     * against the granter, assignments already held are kept, the rest go in one JDBC batch, and
     * each grant is published like a single one.
     */
    @Transactional
    public void grantAll(CompanyId company, Map<String, Set<String>> rolesByAccount, CompanyAccess granter) {
        if (rolesByAccount.isEmpty()) {
            return;
        }
        rolesByAccount.values().stream().flatMap(Set::stream).distinct()
                .forEach(roleId -> {
                    requireGrantable(company, roleId, granter);
                    lockRole(company, roleId);
                });
        List<String> accounts = List.copyOf(rolesByAccount.keySet());
        List<Object[]> rows = new ArrayList<>();
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        for (int from = 0; from < accounts.size(); from += IN_LIST) {
            List<String> slice = accounts.subList(from, Math.min(accounts.size(), from + IN_LIST));
            Map<String, List<String>> held = roleIdsOf(company, slice);
            for (String accountId : slice) {
                for (String roleId : rolesByAccount.get(accountId)) {
                    if (!held.getOrDefault(accountId, List.of()).contains(roleId)) {
                        rows.add(new Object[] {company.value(), accountId, roleId, now});
                    }
                }
            }
        }
        batch.batchUpdate(INSERT, rows, new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.TIMESTAMP_WITH_TIMEZONE});
        links.linkRoles(company, rows.stream().map(row -> new CompanyLinks.RoleLink((String) row[1], (String) row[2]))
                .toList());
        String by = granter.caller().accountId();
        rows.forEach(row -> events.publishEvent(new AccessEvents.RoleGranted(company, (String) row[1], (String) row[2], by)));
    }

    /** Holds a custom role for the grant's transaction: a deletion cannot pass between check and insert. */
    private void lockRole(CompanyId company, String roleId) {
        if (!roles.lockForGrant(company, roleId)) {
            throw Problems.InvalidInput.of("roleId", "no role '" + roleId + "' in this company");
        }
    }

    /** Refuses an unknown role (400) or one carrying permissions the granter lacks (403). */
    public Role requireGrantable(CompanyId company, String roleId, CompanyAccess granter) {
        Role role = roles.find(company, roleId)
                .orElseThrow(() -> Problems.InvalidInput.of("roleId", "no role '" + roleId + "' in this company"));
        if (!granter.permissions().containsAll(role.permissions())) {
            throw new Problems.Forbidden("forbidden", "You cannot grant the role '" + role.name()
                    + "': it carries permissions you do not have", Map.of("reason", "role-too-strong")).coded("ROLE_TOO_STRONG", RoleWording.of(role));
        }
        return role;
    }

    @Transactional
    public void revoke(CompanyId company, String accountId, String roleId, CompanyAccess revoker) {
        Role role = roles.find(company, roleId).orElse(null);
        if (role != null && !revoker.permissions().containsAll(role.permissions())) {
            throw new Problems.Forbidden("forbidden", "You cannot remove the role '" + role.name()
                    + "': it carries permissions you do not have", Map.of("reason", "role-too-strong-to-remove"))
                    .coded("ROLE_TOO_STRONG_TO_REMOVE", RoleWording.of(role));
        }
        int removed = jdbc.sql("DELETE FROM role_assignments WHERE company_id = ? AND account_id = ? AND role_id = ?")
                .params(company.value(), accountId, roleId).update();
        if (removed == 0) {
            // a role of the company is named as people read it; an unknown one by what the caller sent
            throw new Problems.NotFound("The user does not hold the role '" + (role == null ? roleId : role.name())
                    + "' in this company").coded("ROLE_NOT_HELD", role == null ? roleId : RoleWording.of(role));
        }
        links.unlinkRole(company, accountId, roleId);
        events.publishEvent(new AccessEvents.RoleRevoked(company, accountId, roleId, revoker.caller().accountId()));
    }
}
