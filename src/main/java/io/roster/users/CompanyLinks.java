package io.roster.users;

import io.roster.shared.CompanyId;
import io.roster.shared.CompanyNameKeys;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links of accounts to companies: a role held in a company, a right held on one of its
 * workspaces. The access and workspaces modules own those grants; they write the link here in the
 * same transaction as the grant itself (hence {@link Propagation#MANDATORY}), so this module can
 * list a company's external users and answer standing questions from its own table, while the
 * code dependencies stay users ← access ← workspaces.
 *
 * <p>Whether a link is external (the account's home is not the company) is decided here from the
 * account's home, which never changes.
 */
@Service
public class CompanyLinks {

    /** What links an account to a company. */
    public enum Kind { ROLE, WORKSPACE }

    /** One role of an account, for the bulk grants. */
    public record RoleLink(String accountId, String roleId) {
    }

    /** A company's place in the order of {@link #companiesByName}: its folded name, then its id. */
    public record KeyedCompany(String key, CompanyId company) {
    }

    /**
     * A link carries its company's folded name ({@code company_key}, V100, copied once: a
     * company's name never changes), so that the companies of one account are one range of an
     * index in name order ({@link #companiesByName}).
     */
    private final String insert;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CompanyLinks(JdbcClient jdbc, JdbcTemplate batch, CompanyNameKeys nameKeys) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.insert = "INSERT INTO company_links (company_id, account_id, kind, ref_id, external, company_key)"
                + " VALUES (?, ?, ?, ?, NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id = ? AND a.home_company_id = ?), "
                + nameKeys.nameKeyOf("?") + ")";
    }

    /** The account now holds the role in the company (the caller checked it did not already). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linkRole(CompanyId company, String accountId, String roleId) {
        link(company, accountId, Kind.ROLE, roleId);
    }

    /** Many new role assignments of one company at once, in one JDBC batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linkRoles(CompanyId company, Collection<RoleLink> links) {
        if (links.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(links.size());
        for (RoleLink link : links) {
            rows.add(new Object[] {company.value(), link.accountId(), Kind.ROLE.name(), link.roleId(), link.accountId(),
                    company.value(), company.value()});
        }
        batch.batchUpdate(insert, rows, new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void unlinkRole(CompanyId company, String accountId, String roleId) {
        unlink(company, accountId, Kind.ROLE, roleId);
    }

    /** The account now holds a right on the company's workspace (the caller checked it did not already). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void linkWorkspace(CompanyId company, String workspaceId, String accountId) {
        link(company, accountId, Kind.WORKSPACE, workspaceId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void unlinkWorkspace(CompanyId company, String workspaceId, String accountId) {
        unlink(company, accountId, Kind.WORKSPACE, workspaceId);
    }

    /** Whether the account holds any role or workspace right in any company (part of its standing). */
    public boolean linkedAnywhere(String accountId) {
        return jdbc.sql("SELECT 1 FROM company_links WHERE account_id = ? FETCH FIRST 1 ROWS ONLY")
                .param(accountId).query(Integer.class).optional().isPresent();
    }

    /** Whether the account holds a right on one of the company's workspaces. */
    public boolean linkedByWorkspace(CompanyId company, String accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM company_links WHERE account_id = ? AND company_id = ? AND kind = 'WORKSPACE'")
                .params(accountId, company.value()).query(Long.class).single() > 0;
    }

    /** Those of {@code companies} where the account holds a right on a workspace (one statement). */
    public Set<CompanyId> linkedByWorkspaceAmong(String accountId, Collection<CompanyId> companies) {
        if (companies.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT DISTINCT company_id FROM company_links WHERE account_id = :account"
                        + " AND company_id IN (:companies) AND kind = 'WORKSPACE'")
                .param("account", accountId).param("companies", companies.stream().map(CompanyId::value).distinct().toList())
                .query((rs, n) -> new CompanyId(rs.getString(1))).list());
    }

    /**
     * The companies where the account holds a role or a workspace right, in the order of their
     * folded name then id, after {@code after} (exclusive; null: from the start), only those whose
     * folded name lies in {@code [from, to)} ({@code to} null: no upper bound), at most
     * {@code limit}: one range of the account's index in name order (V100), however many
     * companies the account is linked to. A company's several links (roles, rights) follow each
     * other in that order and count once; the range is read on in the rare case they fill a read.
     */
    public List<KeyedCompany> companiesByName(String accountId, String from, String to, KeyedCompany after, int limit) {
        List<KeyedCompany> found = new ArrayList<>();
        KeyedCompany position = after;
        int read = 2 * limit;
        while (found.size() < limit) {
            List<KeyedCompany> links = linksByName(accountId, from, to, position, read);
            for (KeyedCompany link : links) {
                if (found.isEmpty() || !found.getLast().equals(link)) {
                    found.add(link);
                    if (found.size() == limit) {
                        break;
                    }
                }
            }
            if (links.size() < read) {
                break;
            }
            position = links.getLast();
        }
        return found;
    }

    /** Up to {@code limit} links of the account in name order after {@code after}, one per role or right. */
    private List<KeyedCompany> linksByName(String accountId, String from, String to, KeyedCompany after, int limit) {
        String sql = "SELECT company_key, company_id FROM company_links WHERE account_id = :account"
                + " AND company_key >= :from" + (to == null ? "" : " AND company_key < :to")
                + (after == null ? "" : " AND (company_key > :afterKey OR (company_key = :afterKey AND company_id > :afterId))")
                + " ORDER BY company_key, company_id FETCH FIRST " + limit + " ROWS ONLY";
        var spec = jdbc.sql(sql).param("account", accountId).param("from", from);
        if (to != null) {
            spec = spec.param("to", to);
        }
        if (after != null) {
            spec = spec.param("afterKey", after.key()).param("afterId", after.company().value());
        }
        return spec.query((rs, n) -> new KeyedCompany(rs.getString(1), new CompanyId(rs.getString(2)))).list();
    }

    /**
     * The companies the account holds a role in, then those where it only holds workspace rights,
     * each group by company id.
     */
    public List<CompanyId> companiesOf(String accountId) {
        return jdbc.sql("SELECT company_id, MIN(kind) AS first_kind FROM company_links WHERE account_id = ?"
                        + " GROUP BY company_id ORDER BY first_kind, company_id")
                .param(accountId).query((rs, n) -> new CompanyId(rs.getString(1))).list();
    }

    /**
     * At most {@code limit} of the companies {@link #companiesOf} lists, by company id: enough to tell
     * none, one and several apart, or to know a short list whole, without reading every link of
     * someone linked to thousands of companies (a range of the account's index, V20).
     */
    public List<CompanyId> companiesOf(String accountId, int limit) {
        return jdbc.sql("SELECT DISTINCT company_id FROM company_links WHERE account_id = ?"
                        + " ORDER BY company_id FETCH FIRST " + limit + " ROWS ONLY")
                .param(accountId).query((rs, n) -> new CompanyId(rs.getString(1))).list();
    }

    private void link(CompanyId company, String accountId, Kind kind, String refId) {
        jdbc.sql(insert).params(company.value(), accountId, kind.name(), refId, accountId, company.value(),
                company.value()).update();
    }

    private void unlink(CompanyId company, String accountId, Kind kind, String refId) {
        jdbc.sql("DELETE FROM company_links WHERE company_id = ? AND account_id = ? AND kind = ? AND ref_id = ?")
                .params(company.value(), accountId, kind.name(), refId).update();
    }
}
