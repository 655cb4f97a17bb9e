package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.tenancy.PartnerAccess;
import io.roster.tenancy.PartnerGrant;
import io.roster.tenancy.Tenancy;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The facts that tell in which capacity a person acts in a company: the partner whose current
 * access grant it acts through (if it is a member of such a partner space), and whether it holds a
 * role in the company. The
 * audit log reads them to tell a partner's action from the company's own people's.
 */
@Service
public class ActingCapacities {

    /** {@code partnerId} is null unless the person acts through a partner's current grant ({@code partnerMember}). */
    public record Capacity(String partnerId, boolean partnerMember, boolean holdsRole) {
    }

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final PartnerAccess partnerAccess;

    ActingCapacities(JdbcClient jdbc, Tenancy tenancy, PartnerAccess partnerAccess) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.partnerAccess = partnerAccess;
    }

    /** The capacity facts, all false for a company that does not exist. */
    public Capacity of(String accountId, CompanyId company) {
        if (tenancy.findCompany(company).isEmpty()) {
            return new Capacity(null, false, false);
        }
        String partner = null;
        List<PartnerGrant> current = partnerAccess.currentOf(company);
        for (PartnerGrant grant : current) {
            boolean member = jdbc.sql("SELECT COUNT(*) FROM partner_members m WHERE m.partner_id = ? AND m.account_id = ?")
                    .params(grant.partnerId().value(), accountId).query(Long.class).single() > 0;
            if (member) {
                partner = grant.partnerId().value();
                break;
            }
        }
        boolean holdsRole = jdbc.sql("SELECT COUNT(*) FROM role_assignments r WHERE r.company_id = ? AND r.account_id = ?")
                .params(company.value(), accountId).query(Long.class).single() > 0;
        return new Capacity(partner, partner != null, holdsRole);
    }
}
