package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.audit.AuditActions;
import io.roster.audit.AuditEntry;
import io.roster.audit.AuditFilter;
import io.roster.audit.AuditLog;
import io.roster.shared.CompanyId;
import io.roster.shared.FieldError;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import io.roster.tenancy.Tenancy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A company's audit log in the console: the API's filters as a GET form (days picked from a
 * calendar, actions from a list), newest first, a page at a time, and a link to the CSV export.
 * People appear by name and changes as readable fields ({@link AuditLines}); sign-ins, which
 * outnumber every change, only when asked. Without {@code audit.read} the 403 page, never the
 * data; a company the caller has no standing in is not found.
 */
@Controller
class AuditPage {

    private static final int PAGE_SIZE = 50;

    private final Guard guard;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final AuditLines lines;

    AuditPage(Guard guard, Tenancy tenancy, AuditLog audit, AuditLines lines) {
        this.guard = guard;
        this.lines = lines;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @GetMapping("/companies/{companyId}/audit")
    String audit(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String signIns, @RequestParam(required = false) String cursor,
            Locale locale, Model model, HttpServletResponse response) {
        CompanyId company = guard.requireCompany(caller, new CompanyId(companyId), Permission.AUDIT_READ).company();
        boolean withSignIns = signIns != null && !signIns.isBlank();
        model.addAttribute("companyId", company.value());
        model.addAttribute("companyName", tenancy.company(company).name());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("signIns", withSignIns);
        model.addAttribute("actionGroups", AuditActions.GROUPS);
        // a day picked in the form is the whole day (UTC): from its start, up to the next day's start
        String since = DayOrInstant.start(from);
        String until = DayOrInstant.endExclusive(to);
        String filters = query(actor, action, since, until, null, false);
        model.addAttribute("exportUrl", "/api/v1/companies/" + company.value() + "/audit/export" + filters);
        try {
            AuditFilter filter = AuditFilter.of(actor, action, since, until);
            Page<AuditEntry> page = audit.ofCompany(company, withSignIns ? filter : filter.withoutSignIns(),
                    PageRequest.of(PAGE_SIZE, cursor));
            model.addAttribute("entries", lines.of(company, page.items(), locale));
            model.addAttribute("nextUrl", page.nextCursor() == null ? null
                    : "/companies/" + company.value() + "/audit"
                            + query(actor, action, from, to, page.nextCursor(), withSignIns));
        } catch (Problems.InvalidInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("entries", List.of());
            model.addAttribute("invalidFields", invalid.errors().stream().map(FieldError::field).distinct().toList());
        }
        return "audit";
    }

    private static String query(String actor, String action, String from, String to, String cursor,
            boolean signIns) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
        add(uri, "signIns", signIns ? "on" : null);
        add(uri, "actor", actor);
        add(uri, "action", action);
        add(uri, "from", from);
        add(uri, "to", to);
        add(uri, "cursor", cursor);
        return uri.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder uri, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, value.trim());
        }
    }
}
