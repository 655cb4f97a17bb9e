package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import io.roster.tenancy.Company;
import io.roster.tenancy.Partner;
import io.roster.tenancy.Tenancy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The entry check of every partner-space page, as the API does it: a partner the caller is not a
 * member of answers 404, an administrator-only page 403 to a user manager. Companies are looked up
 * within the partner only, so another partner's company id reads as unknown.
 */
@Component
class PartnerSpace {

    /** Enough for the company pickers of any real partner; the home page pages through the rest. */
    static final int MAX_PICKABLE = 1000;

    private final Guard guard;
    private final Tenancy tenancy;

    PartnerSpace(Guard guard, Tenancy tenancy) {
        this.guard = guard;
        this.tenancy = tenancy;
    }

    /** The partner space, if the caller is a member (any role), else 404. */
    Partner open(Caller caller, String partnerId) {
        PartnerId id = new PartnerId(partnerId);
        guard.requirePartner(caller, id, false);
        return tenancy.partner(id);
    }

    /** The partner space for an administrator-only page: 404 for strangers, 403 for a user manager. */
    Partner administer(Caller caller, String partnerId) {
        PartnerId id = new PartnerId(partnerId);
        guard.requirePartner(caller, id, true);
        return tenancy.partner(id);
    }

    boolean isAdmin(Caller caller, Partner partner) {
        try {
            guard.requirePartner(caller, partner.id(), true);
            return true;
        } catch (Problems.Forbidden notAdmin) {
            return false;
        }
    }

    /** A company attached to this partner; any other id is as unknown as a wrong one. */
    Company attached(Partner partner, String companyId) {
        if (companyId == null || companyId.isBlank()) {
            throw new Problems.NotFound("No company in this partner space");
        }
        Company company = tenancy.company(new CompanyId(companyId));
        if (!partner.id().equals(company.partnerId())) {
            throw new Problems.NotFound("No company " + companyId + " in this partner space");
        }
        return company;
    }

    /** Every attached company by name, for pickers and to name the company of each row. */
    List<Company> companies(Partner partner) {
        List<Company> all = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (all.size() < MAX_PICKABLE) {
            Page<Company> batch = tenancy.companiesOf(partner.id(), page);
            all.addAll(batch.items());
            if (batch.nextCursor() == null) {
                break;
            }
            page = PageRequest.of(PageRequest.MAX_LIMIT, batch.nextCursor());
        }
        return all;
    }
}
