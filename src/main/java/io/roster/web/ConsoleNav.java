package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CallerOverview;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Tenancy;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The side menu: the caller's companies and partner spaces, and for the company being looked at
 * only the entries its permissions allow (docs/rules.md §17: "Users" only for those who may see users).
 */
@Component
class ConsoleNav {

    private final CallerOverview overview;
    private final Guard guard;
    private final Tenancy tenancy;

    ConsoleNav(CallerOverview overview, Guard guard, Tenancy tenancy) {
        this.overview = overview;
        this.guard = guard;
        this.tenancy = tenancy;
    }

    /** The menu of one page. {@code company} is the company of the page's URL, if the caller may see it. */
    record Nav(CallerOverview.Overview me, CurrentCompany company) {
    }

    record CurrentCompany(String id, String name, Set<Permission> permissions, boolean viaPartner) {
        public boolean can(String code) {
            return permissions.stream().anyMatch(p -> p.code().equals(code));
        }

        /** Holds every company permission, the administrator's set: may manage SCIM tokens and webhooks. */
        public boolean administrator() {
            return permissions.containsAll(java.util.EnumSet.allOf(Permission.class));
        }
    }

    Nav of(Caller caller, HttpServletRequest request) {
        CallerOverview.Overview me = overview.of(caller);
        return new Nav(me, current(caller, request));
    }

    @SuppressWarnings("unchecked")
    private CurrentCompany current(Caller caller, HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String companyId = variables instanceof Map<?, ?> map ? ((Map<String, String>) map).get("companyId") : null;
        if (companyId == null) {
            return null;
        }
        try {
            CompanyAccess access = guard.accessTo(caller, new CompanyId(companyId));
            return new CurrentCompany(companyId, tenancy.company(access.company()).name(), access.permissions(),
                    access.actsAsPartner());
        } catch (ProblemException noStanding) {
            return null;
        }
    }
}
