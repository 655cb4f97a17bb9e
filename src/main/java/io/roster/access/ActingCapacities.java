package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.tenancy.Company;
import io.roster.tenancy.Tenancy;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The facts that tell in which capacity a person acts in a company: the company's partner, whether
 * the person is a member of that partner space, and whether it holds a role in the company. The
 * audit log reads them to tell a partner's action from the company's own people's.
 */
@Service
public class ActingCapacities {

    /** {@code partnerId} is null for a company without a partner (then {@code partnerMember} is false). */
    public record Capacity(String partnerId, boolean partnerMember, boolean holdsRole) {
    }

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    ActingCapacities(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /** The capacity facts, all false for a company that does not exist. */
    public Capacity of(String accountId, CompanyId company) {
        Optional<Company> found = tenancy.findCompany(company);
        if (found.isEmpty()) {
            return new Capacity(null, false, false);
        }
        String partner = found.get().partnerId() == null ? null : found.get().partnerId().value();
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM partner_members m WHERE m.partner_id = :partner"
                        + " AND m.account_id = :account),"
                        + " (SELECT COUNT(*) FROM role_assignments r WHERE r.company_id = :company AND r.account_id = :account)")
                .param("partner", partner).param("account", accountId).param("company", company.value())
                .query((rs, n) -> new Capacity(partner, rs.getLong(1) > 0, rs.getLong(2) > 0))
                .single();
    }
}
