package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import io.roster.tenancy.Company;
import io.roster.tenancy.GrantScope;
import io.roster.tenancy.GrantedCompany;
import io.roster.tenancy.Partner;
import io.roster.tenancy.PartnerAccess;
import io.roster.tenancy.Tenancy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The entry check of every partner-space page, as the API does it: a partner the caller is not a
 * member of answers 404, an administrator-only page 403 to a user manager. Companies are looked up
 * within the partner's current access grants only, so another partner's company id, or one whose
 * grant is pending, revoked or expired, reads as unknown.
 */
@Component
class PartnerSpace {

    /** Enough for the company pickers of any real partner; the home page pages through the rest. */
    static final int MAX_PICKABLE = 1000;

    private final Guard guard;
    private final Tenancy tenancy;
    private final PartnerAccess access;

    PartnerSpace(Guard guard, Tenancy tenancy, PartnerAccess access) {
        this.guard = guard;
        this.tenancy = tenancy;
        this.access = access;
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

    /** A company this partner currently reaches; any other id is as unknown as a wrong one. */
    Company attached(Partner partner, String companyId) {
        if (companyId == null || companyId.isBlank()) {
            throw new Problems.NotFound("No company in this partner space");
        }
        Company company = tenancy.company(new CompanyId(companyId));
        if (access.current(company.id(), partner.id()).isEmpty()) {
            throw new Problems.NotFound("No company " + companyId + " in this partner space");
        }
        return company;
    }

    /** Companies a company picker lists at once: the others are found by the start of their name. */
    static final int PICKER = 20;

    /**
     * A company picker's short list: the first {@link #PICKER} companies whose users the partner
     * reaches now, by name, those whose name starts with {@code prefix} when it is given; one
     * statement, however many companies the partner has.
     */
    List<Company> pickable(Partner partner, String prefix) {
        return access.reachedByName(partner.id(), prefix, PICKER);
    }

    /**
     * Every company whose users the partner reaches now (a current grant with the users scope) by
     * name, for pickers and to name the company of each row.
     */
    List<Company> companies(Partner partner) {
        List<Company> all = new ArrayList<>();
        PageRequest page = PageRequest.first(PageRequest.MAX_LIMIT);
        while (all.size() < MAX_PICKABLE) {
            Page<GrantedCompany> batch = access.companiesOf(partner.id(), page);
            batch.items().stream().filter(granted -> access.covers(granted.grant(), GrantScope.USERS))
                    .forEach(granted -> all.add(granted.company()));
            if (batch.nextCursor() == null) {
                break;
            }
            page = PageRequest.of(PageRequest.MAX_LIMIT, batch.nextCursor());
        }
        return all;
    }
}
