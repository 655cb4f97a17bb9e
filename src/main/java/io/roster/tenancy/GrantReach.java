package io.roster.tenancy;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import io.roster.shared.PartnerReach;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** The grants as the users module's partner-wide list reads them ({@link PartnerReach}). */
@Component
class GrantReach implements PartnerReach {

    private final Companies companies;
    private final PartnerGrants grants;

    GrantReach(Companies companies, PartnerGrants grants) {
        this.companies = companies;
        this.grants = grants;
    }

    @Override
    public PartnerId openerOf(CompanyId company) {
        return companies.find(company).map(Company::partnerId).orElse(null);
    }

    @Override
    public String currentUsersGrant(String companyColumn) {
        return "EXISTS (SELECT 1 FROM partner_grants rg WHERE rg.company_id = " + companyColumn
                + " AND rg.partner_id = :reachPartner AND rg.status = 'ACTIVE' AND rg.scope_users = TRUE"
                + " AND rg.ends_at > :reachNow)";
    }

    @Override
    public List<CompanyId> grantedNotOpened(PartnerId partner, Instant now) {
        return grants.currentNotOpened(partner, now);
    }
}
