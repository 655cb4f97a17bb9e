package io.roster.web;

import io.roster.access.Caller;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Company;
import io.roster.tenancy.Partner;
import io.roster.users.UserRow;
import io.roster.users.UsersQuery;
import io.roster.users.UsersTable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Users across the partner's companies (docs/rules.md §7, seed 004): filter by company, search by prefix,
 * filter by status, sort, and page by cursor; each row with its actions.
 */
@Controller
class PartnerUsersPage {

    static final int PAGE_SIZE = 25;
    static final List<String> SORTS = List.of("userId", "-userId", "lastName", "-lastName", "email", "-email", "status",
            "-status");

    private final PartnerSpace space;
    private final UsersTable users;
    private final PartnerUserLines lines;
    private final Refusals wording;

    PartnerUsersPage(PartnerSpace space, UsersTable users, PartnerUserLines lines, Refusals wording) {
        this.space = space;
        this.users = users;
        this.lines = lines;
        this.wording = wording;
    }

    @GetMapping("/partners/{partnerId}/users")
    String list(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String companyId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, HttpServletRequest request, HttpServletResponse response,
            Locale locale, Model model) {
        Partner partner = space.open(caller, partnerId);
        List<Company> companies = space.companies(partner);
        CompanyId only = FormInput.orNull(companyId) == null ? null : space.attached(partner, companyId).id();
        String chosenSort = sort != null && SORTS.contains(sort) ? sort : "userId";
        Page<UserRow> page = new Page<>(List.of(), null);
        try {
            UsersQuery query = UsersQuery.of(FormInput.orNull(status), null, q, chosenSort,
                    PageRequest.of(PAGE_SIZE, cursor));
            page = users.acrossPartner(companies.stream().map(Company::id).toList(), only, query);
        } catch (ProblemException refused) {
            model.addAttribute("listError", wording.partner(refused, null, locale));
        }
        model.addAttribute("partner", partner);
        model.addAttribute("companies", companies);
        model.addAttribute("lines", lines.of(partner, page.items(), names(companies), locale));
        model.addAttribute("nextCursor", page.nextCursor());
        Filter filter = new Filter(only == null ? "" : only.value(), q == null ? "" : q,
                status == null ? "" : status, chosenSort, cursor);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", List.of("DRAFT", "ACTIVE", "INACTIVE"));
        model.addAttribute("sorts", SORTS);
        model.addAttribute("firstUrl", filter.url(partner, null));
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : filter.url(partner, page.nextCursor()));
        // where a row action brings the person back: the same filters and page
        model.addAttribute("here", filter.url(partner, cursor));
        if (request.getHeader("HX-Request") != null) {
            // the address bar shows the filters as a link would carry them, without the empty ones
            response.setHeader("HX-Push-Url", filter.url(partner, cursor));
        }
        return "partner/users";
    }

    /** The filters as typed, to keep them in the form and in the paging links. */
    record Filter(String companyId, String q, String status, String sort, String cursor) {
        public boolean any() {
            return !companyId.isEmpty() || !q.isBlank() || !status.isEmpty();
        }

        /** The list with these filters, at {@code cursor} (null: the first page). */
        String url(Partner partner, String cursor) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("p", partner.id().value());
            var url = UriComponentsBuilder.fromPath("/partners/{p}/users");
            param(url, values, "companyId", companyId);
            param(url, values, "q", q.trim());
            param(url, values, "status", status);
            param(url, values, "sort", "userId".equals(sort) ? "" : sort);
            param(url, values, "cursor", cursor);
            // values are encoded strictly as template variables: a '+' or '&' typed in the search stays itself
            return url.encode().buildAndExpand(values).toUriString();
        }

        private static void param(UriComponentsBuilder url, Map<String, String> values, String name, String value) {
            if (value != null && !value.isEmpty()) {
                url.queryParam(name, "{" + name + "}");
                values.put(name, value);
            }
        }
    }

    static Map<String, String> names(List<Company> companies) {
        Map<String, String> names = new LinkedHashMap<>();
        companies.forEach(c -> names.put(c.id().value(), c.name()));
        return names;
    }

}
