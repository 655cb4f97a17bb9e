package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.tenancy.Company;
import io.roster.tenancy.Partner;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import org.springframework.stereotype.Component;

/**
 * The person a partner-space action is about, checked like the API checks it: the caller is a
 * member of the partner, the company is attached to it, the caller holds the company permission
 * there (through its partner role), and the row is in that company's Users table.
 */
@Component
class PartnerUserTarget {

    private final PartnerSpace space;
    private final Guard guard;
    private final UserLifecycle lifecycle;

    PartnerUserTarget(PartnerSpace space, Guard guard, UserLifecycle lifecycle) {
        this.space = space;
        this.guard = guard;
        this.lifecycle = lifecycle;
    }

    record Target(Partner partner, Company company, CompanyAccess access, UserRow row) {

        String label() {
            return PartnerUserLines.label(row);
        }

        String profileUrl() {
            return "/partners/" + partner.id() + "/companies/" + company.id() + "/users/" + row.id();
        }
    }

    Target resolve(Caller caller, String partnerId, String companyId, String id, Permission permission) {
        Partner partner = space.open(caller, partnerId);
        Company company = space.attached(partner, companyId);
        CompanyAccess access = guard.requireCompany(caller, company.id(), permission);
        return new Target(partner, company, access, lifecycle.row(company.id(), id));
    }
}
