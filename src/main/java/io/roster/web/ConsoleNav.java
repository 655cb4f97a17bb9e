package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CallerOverview;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Tenancy;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The side menu: the caller's companies and partner spaces, and for the company being looked at
 * only the entries its permissions allow (docs/rules.md §17: "Users" only for those who may see users).
 */
@Component
class ConsoleNav {

    private static final Pattern COMPANY_PATH = Pattern.compile("/companies/([^/?#;]+)");

    private final CallerOverview overview;
    private final Guard guard;
    private final Tenancy tenancy;

    ConsoleNav(CallerOverview overview, Guard guard, Tenancy tenancy) {
        this.overview = overview;
        this.guard = guard;
        this.tenancy = tenancy;
    }

    /**
     * The menu of one page. {@code company} is the company of the page's URL, if the caller may see
     * it; {@code path} is the page's own address, to mark its entry in the menu.
     */
    record Nav(CallerOverview.Overview me, CurrentCompany company, String path, boolean moreCompanies) {

        /** {@code "page"} for the menu entry of the page being shown (its aria-current), else null. */
        public String currentIf(String href) {
            return href != null && (path.equals(href) || path.startsWith(href + "/")) ? "page" : null;
        }

        /** Where a company's entry in the menu leads: a page the caller may open there. */
        public String landing(CallerOverview.CompanyStanding company) {
            return CompanyLanding.of(company.companyId(), company.permissions());
        }
    }

    /** {@code member}: holds a role there (or a partner role); without one only workspaces are open. */
    record CurrentCompany(String id, String name, Set<Permission> permissions, boolean viaPartner, boolean member) {
        public boolean can(String code) {
            return permissions.stream().anyMatch(p -> p.code().equals(code));
        }

        /** Holds every company permission, the administrator's set: may manage SCIM tokens and webhooks. */
        public boolean administrator() {
            return permissions.containsAll(java.util.EnumSet.allOf(Permission.class));
        }
    }

    /** Companies the menu lists at most: someone may hold a role in each of thousands. */
    static final int MENU_COMPANIES = 20;

    Nav of(Caller caller, HttpServletRequest request) {
        CallerOverview.Overview read = overview.of(caller, MENU_COMPANIES + 1);
        CallerOverview.Overview me = shortened(read, MENU_COMPANIES);
        String path = originalPath(request);
        return new Nav(me, current(caller, request, path), path, me != read);
    }

    /** The overview with its first {@code most} companies, itself when it has no more. */
    static CallerOverview.Overview shortened(CallerOverview.Overview me, int most) {
        if (me.companies().size() <= most) {
            return me;
        }
        return new CallerOverview.Overview(me.account(), me.operator(), me.companies().subList(0, most), me.partners());
    }

    /** The address asked for: an error page is shown by a forward, whose own path is /403 or /404. */
    private static String originalPath(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String error ? error
                : forwarded instanceof String original ? original : request.getRequestURI();
        return uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
    }

    @SuppressWarnings("unchecked")
    private CurrentCompany current(Caller caller, HttpServletRequest request, String path) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String companyId = variables instanceof Map<?, ?> map ? ((Map<String, String>) map).get("companyId") : null;
        if (companyId == null) {
            // a refusal inside a company keeps that company's menu: the way on is there
            Matcher inCompany = COMPANY_PATH.matcher(path);
            companyId = inCompany.lookingAt() ? inCompany.group(1) : null;
        }
        if (companyId == null) {
            return null;
        }
        try {
            CompanyAccess access = guard.accessTo(caller, new CompanyId(companyId));
            return new CurrentCompany(companyId, tenancy.company(access.company()).name(), access.permissions(),
                    access.actsAsPartner(), access.member());
        } catch (ProblemException noStanding) {
            return null;
        }
    }
}
