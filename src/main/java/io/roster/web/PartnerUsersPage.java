package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Company;
import io.roster.tenancy.Partner;
import io.roster.tenancy.Tenancy;
import io.roster.users.UserRow;
import io.roster.users.UsersQuery;
import io.roster.users.UsersTable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Users across the partner's companies (docs/rules.md §7, seed 004), in the console's one Users table
 * ({@link UsersTableView}) with a Company column: filter by company, search by prefix, filter by
 * status, sort by column, page by cursor; each row with the company table's actions.
 */
@Controller
class PartnerUsersPage {

    private final PartnerSpace space;
    private final UsersTable users;
    private final PartnerUserLines lines;
    private final Refusals wording;
    private final Guard guard;
    private final Tenancy tenancy;
    private final ManageableRows manageableRows;

    PartnerUsersPage(PartnerSpace space, UsersTable users, PartnerUserLines lines, Refusals wording, Guard guard,
            Tenancy tenancy, ManageableRows manageableRows) {
        this.guard = guard;
        this.tenancy = tenancy;
        this.manageableRows = manageableRows;
        this.space = space;
        this.users = users;
        this.lines = lines;
        this.wording = wording;
    }

    @GetMapping("/partners/{partnerId}/users")
    String list(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String companyId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String back,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Partner partner = space.open(caller, partnerId);
        List<Company> companies = space.companies(partner);
        CompanyId only = FormInput.orNull(companyId) == null ? null : space.attached(partner, companyId).id();
        Map<String, String> names = names(companies);
        var filters = UsersTableView.Filters.of("/partners/" + partner.id() + "/users", "companyId",
                only == null ? null : only.value(), "q", q == null ? null : q.trim(), "status", FormInput.orNull(status),
                "sort", "userId".equals(sort) ? null : FormInput.orNull(sort));
        try {
            Page<UserRow> page = users.acrossPartner(partner.id(), only, UsersQuery.of(FormInput.orNull(status), null, q, sort,
                    PageRequest.of(UsersTableView.PAGE_SIZE, cursor)));
            // the picker holds the first companies by name only: a row of another one is named here
            page.items().stream().map(UserRow::homeCompanyId).distinct().filter(id -> !names.containsKey(id.value()))
                    .forEach(id -> names.put(id.value(), tenancy.company(id).name()));
            long total = users.countAcrossPartner(partner.id(), only, UsersQuery.of(FormInput.orNull(status), null, q, sort,
                    PageRequest.first(UsersTableView.PAGE_SIZE)));
            UsersTableView.show(filters, cursor, back, page, total, model);
            model.addAttribute("roleCells", lines.roleCells(partner, page.items(), names, locale));
            model.addAttribute("manageable", manageable(caller, page.items()));
        } catch (ProblemException refused) {
            UsersTableView.empty(filters, model);
            model.addAttribute("roleCells", Map.of());
            model.addAttribute("manageable", Set.of());
            model.addAttribute("listError", wording.partner(refused, null, locale));
        }
        model.addAttribute("partner", partner);
        model.addAttribute("partnerId", partner.id().value());
        model.addAttribute("companies", companies);
        model.addAttribute("companyNames", names);
        model.addAttribute("canManage", true);
        // "New user" only where the caller may create users: in the filtered company, else in any
        model.addAttribute("canCreate", only != null ? mayManage(caller, only)
                : companies.stream().anyMatch(c -> mayManage(caller, c.id())));
        model.addAttribute("statuses", List.of("DRAFT", "ACTIVE", "INACTIVE"));
        model.addAttribute("anyFilter", only != null || FormInput.orNull(q) != null || FormInput.orNull(status) != null);
        if (request.getHeader("HX-Request") != null) {
            // the address bar shows the filters as a link would carry them, without the empty ones
            response.setHeader("HX-Push-Url", (String) model.getAttribute("here"));
        }
        return "partner/users";
    }

    /**
     * The rows whose actions the caller may use: it holds the users permission in the row's
     * company and every permission the person holds there (docs/rules.md §6). The server refuses
     * the others; the table does not offer them.
     */
    private Set<String> manageable(Caller caller, List<UserRow> rows) {
        Map<CompanyId, List<UserRow>> byCompany = new LinkedHashMap<>();
        for (UserRow row : rows) {
            if (!row.external() && row.homeCompanyId() != null) {
                byCompany.computeIfAbsent(row.homeCompanyId(), company -> new ArrayList<>()).add(row);
            }
        }
        Set<String> ids = new HashSet<>();
        byCompany.forEach((company, ofIt) -> ids.addAll(manageableRows.of(accessOrNull(caller, company), ofIt)));
        return ids;
    }

    private boolean mayManage(Caller caller, CompanyId company) {
        CompanyAccess access = accessOrNull(caller, company);
        return access != null && access.has(Permission.USERS_MANAGE);
    }

    private CompanyAccess accessOrNull(Caller caller, CompanyId company) {
        try {
            return guard.accessTo(caller, company);
        } catch (ProblemException none) {
            return null;
        }
    }

    static Map<String, String> names(List<Company> companies) {
        Map<String, String> names = new LinkedHashMap<>();
        companies.forEach(c -> names.put(c.id().value(), c.name()));
        return names;
    }
}
