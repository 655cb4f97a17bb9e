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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
            @RequestParam(required = false) String companyQ,
            HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        Partner partner = space.open(caller, partnerId);
        Company selected = FormInput.orNull(companyId) == null ? null : space.attached(partner, companyId);
        CompanyId only = selected == null ? null : selected.id();
        List<Company> companies = picker(partner, companyQ, selected);
        Map<String, String> names = names(companies);
        var filters = UsersTableView.Filters.of("/partners/" + partner.id() + "/users", "companyId",
                only == null ? null : only.value(), "q", q == null ? null : q.trim(), "status", FormInput.orNull(status),
                "sort", "userId".equals(sort) ? null : FormInput.orNull(sort));
        // the caller's access to the companies of the picker and of the page's rows, in one batch
        Set<CompanyId> reached = new LinkedHashSet<>();
        companies.forEach(company -> reached.add(company.id()));
        try {
            Page<UserRow> page = users.acrossPartner(partner.id(), only, UsersQuery.of(FormInput.orNull(status), null, q, sort,
                    PageRequest.of(UsersTableView.PAGE_SIZE, cursor)));
            // the picker holds a short list only: the companies of the other rows are named here, in one read
            List<CompanyId> unnamed = page.items().stream().map(UserRow::homeCompanyId).distinct()
                    .filter(id -> id != null && !names.containsKey(id.value())).toList();
            tenancy.companies(unnamed).forEach((id, company) -> names.put(id.value(), company.name()));
            long total = users.countAcrossPartner(partner.id(), only, UsersQuery.of(FormInput.orNull(status), null, q, sort,
                    PageRequest.first(UsersTableView.PAGE_SIZE)));
            UsersTableView.show(filters, cursor, back, page, total, model);
            model.addAttribute("roleCells", lines.roleCells(partner, page.items(), names, locale));
            page.items().stream().map(UserRow::homeCompanyId).filter(java.util.Objects::nonNull).forEach(reached::add);
            Map<CompanyId, CompanyAccess> accesses = guard.accessesTo(caller, reached);
            model.addAttribute("manageable", manageableRows.of(accesses, page.items()));
            model.addAttribute("canCreate", canCreate(accesses, only));
        } catch (ProblemException refused) {
            UsersTableView.empty(filters, model);
            model.addAttribute("roleCells", Map.of());
            model.addAttribute("manageable", Set.of());
            model.addAttribute("listError", wording.partner(refused, null, locale));
            model.addAttribute("canCreate", canCreate(guard.accessesTo(caller, reached), only));
        }
        model.addAttribute("partner", partner);
        model.addAttribute("partnerId", partner.id().value());
        model.addAttribute("companies", companies);
        model.addAttribute("companyQ", companyQ == null ? null : companyQ.strip());
        model.addAttribute("selectedCompany", only == null ? null : only.value());
        model.addAttribute("picker", PartnerSpace.PICKER);
        model.addAttribute("companyNames", names);
        model.addAttribute("canManage", true);
        model.addAttribute("statuses", List.of("DRAFT", "ACTIVE", "INACTIVE"));
        model.addAttribute("anyFilter", only != null || FormInput.orNull(q) != null || FormInput.orNull(status) != null);
        if (request.getHeader("HX-Request") != null) {
            // the address bar shows the filters as a link would carry them, without the empty ones
            response.setHeader("HX-Push-Url", (String) model.getAttribute("here"));
        }
        return "partner/users";
    }

    /**
     * The company picker's options alone, for its search field: the companies whose name starts
     * with {@code companyQ} (a short list), the selected one kept.
     */
    @GetMapping("/partners/{partnerId}/users/company-options")
    String companyOptions(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String companyId, @RequestParam(required = false) String companyQ,
            Model model) {
        Partner partner = space.open(caller, partnerId);
        Company selected = FormInput.orNull(companyId) == null ? null : space.attached(partner, companyId);
        model.addAttribute("companies", picker(partner, companyQ, selected));
        model.addAttribute("selectedCompany", selected == null ? null : selected.id().value());
        return "partner/users :: company-options";
    }

    /** The picker's short list ({@link PartnerSpace#pickable}), with the selected company first when it is not in it. */
    private List<Company> picker(Partner partner, String companyQ, Company selected) {
        List<Company> found = space.pickable(partner, FormInput.orNull(companyQ));
        if (selected == null || found.stream().anyMatch(company -> company.id().equals(selected.id()))) {
            return found;
        }
        List<Company> withSelected = new ArrayList<>();
        withSelected.add(selected);
        withSelected.addAll(found);
        return withSelected;
    }

    /** "New user" only where the caller may create users: in the filtered company, else in one of those at hand. */
    private static boolean canCreate(Map<CompanyId, CompanyAccess> accesses, CompanyId only) {
        if (only != null) {
            CompanyAccess access = accesses.get(only);
            return access != null && access.has(Permission.USERS_MANAGE);
        }
        return accesses.values().stream().anyMatch(access -> access.has(Permission.USERS_MANAGE));
    }

    static Map<String, String> names(List<Company> companies) {
        Map<String, String> names = new LinkedHashMap<>();
        companies.forEach(c -> names.put(c.id().value(), c.name()));
        return names;
    }
}
