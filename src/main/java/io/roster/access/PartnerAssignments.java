package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import io.roster.tenancy.Company;
import io.roster.tenancy.GrantScope;
import io.roster.tenancy.PartnerAccess;
import io.roster.tenancy.Tenancy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The company roles people hold across the companies attached to one partner: what the partner
 * space shows for each person, whose roles may sit in several client companies. Only companies
 * whose users the partner reaches now (a current grant with the users scope) are shown.
 */
@Service
public class PartnerAssignments {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final PartnerAccess partnerAccess;

    PartnerAssignments(JdbcClient jdbc, Tenancy tenancy, PartnerAccess partnerAccess) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.partnerAccess = partnerAccess;
    }

    /** One role in one attached company; {@code customName} is null for a built-in role. */
    public record Held(CompanyId companyId, String companyName, String roleId, String customName) {

        public boolean builtIn() {
            return customName == null;
        }
    }

    /** The roles of these accounts in the partner's companies, by account id, by company name then role. */
    public Map<String, List<Held>> of(PartnerId partner, Collection<String> accountIds) {
        Map<String, List<Held>> byAccount = new HashMap<>();
        if (accountIds.isEmpty()) {
            return byAccount;
        }
        List<Assigned> assigned = jdbc.sql("SELECT ra.account_id, ra.company_id, ra.role_id, cr.name FROM role_assignments ra"
                        + " LEFT JOIN custom_roles cr ON cr.company_id = ra.company_id AND cr.id = ra.role_id"
                        + " WHERE ra.account_id IN (:ids)")
                .param("ids", accountIds)
                .query((rs, n) -> new Assigned(rs.getString(1), new CompanyId(rs.getString(2)), rs.getString(3),
                        rs.getString(4)))
                .list();
        List<CompanyId> held = assigned.stream().map(Assigned::companyId).distinct().toList();
        Map<CompanyId, Company> companies = tenancy.companies(held);
        // the partner's grants in the companies these roles are held in only, not its every company
        java.util.Set<CompanyId> reached = new java.util.HashSet<>();
        partnerAccess.currentIn(partner, held).forEach((company, grant) -> {
            if (grant.scope().contains(GrantScope.USERS)) {
                reached.add(company);
            }
        });
        assigned.stream()
                .filter(role -> companies.containsKey(role.companyId()) && reached.contains(role.companyId()))
                .map(role -> Map.entry(role.accountId(), new Held(role.companyId(), companies.get(role.companyId()).name(),
                        role.roleId(), BuiltInRole.byId(role.roleId()).isPresent() ? null : nameOrId(role.customName(), role.roleId()))))
                .sorted(BY_COMPANY_THEN_ROLE)
                .forEach(e -> byAccount.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byAccount;
    }

    public List<Held> of(PartnerId partner, String accountId) {
        return of(partner, List.of(accountId)).getOrDefault(accountId, List.of());
    }

    /** The partner space lists roles by company name, then company id, then role id. */
    private static final Comparator<Map.Entry<String, Held>> BY_COMPANY_THEN_ROLE = Comparator
            .comparing((Map.Entry<String, Held> e) -> e.getValue().companyName())
            .thenComparing(e -> e.getValue().companyId().value())
            .thenComparing(e -> e.getValue().roleId());

    /** A role held by one of the accounts, in any company: kept only when the company is the partner's. */
    private record Assigned(String accountId, CompanyId companyId, String roleId, String customName) {
    }

    private static String nameOrId(String name, String roleId) {
        return name == null ? roleId : name;
    }
}
