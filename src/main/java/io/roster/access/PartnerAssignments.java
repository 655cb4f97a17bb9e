package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The company roles people hold across the companies attached to one partner: what the partner
 * space shows for each person, whose roles may sit in several client companies. Roles held in
 * companies of other partners (or of none) are never read here.
 */
@Service
public class PartnerAssignments {

    private final JdbcClient jdbc;

    PartnerAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        jdbc.sql("SELECT ra.account_id, ra.company_id, c.name, ra.role_id, cr.name FROM role_assignments ra"
                        + " JOIN companies c ON c.id = ra.company_id AND c.partner_id = :partner"
                        + " LEFT JOIN custom_roles cr ON cr.company_id = ra.company_id AND cr.id = ra.role_id"
                        + " WHERE ra.account_id IN (:ids) ORDER BY c.name, ra.company_id, ra.role_id")
                .param("partner", partner.value()).param("ids", accountIds)
                .query((rs, n) -> Map.entry(rs.getString(1), new Held(new CompanyId(rs.getString(2)), rs.getString(3),
                        rs.getString(4), BuiltInRole.byId(rs.getString(4)).isPresent() ? null : nameOrId(rs.getString(5), rs.getString(4)))))
                .list()
                .forEach(e -> byAccount.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byAccount;
    }

    public List<Held> of(PartnerId partner, String accountId) {
        return of(partner, List.of(accountId)).getOrDefault(accountId, List.of());
    }

    private static String nameOrId(String name, String roleId) {
        return name == null ? roleId : name;
    }
}
