package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A company's audit log in the console: the API's filters as a GET form, newest first, a page at a
 * time, and a link to the CSV export. Without {@code audit.read} the 403 page, never the data; a
 * company the caller has no standing in is not found.
 */
@Controller
class AuditPage {

    private static final int PAGE_SIZE = 50;

    private final Guard guard;
    private final Tenancy tenancy;
    private final AuditLog audit;

    AuditPage(Guard guard, Tenancy tenancy, AuditLog audit) {
        this.guard = guard;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @GetMapping("/companies/{companyId}/audit")
    String audit(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, Model model, HttpServletResponse response) {
        CompanyId company;
        try {
            company = guard.requireCompany(caller, new CompanyId(companyId), Permission.AUDIT_READ).company();
        } catch (Problems.Forbidden refused) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "403";
        } catch (Problems.NotFound unknown) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "404";
        }
        model.addAttribute("companyId", company.value());
        model.addAttribute("companyName", tenancy.company(company).name());
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        String filters = query(actor, action, from, to, null);
        model.addAttribute("exportUrl", "/api/v1/companies/" + company.value() + "/audit/export" + filters);
        try {
            Page<AuditEntry> page = audit.ofCompany(company, AuditFilter.of(actor, action, from, to),
                    PageRequest.of(PAGE_SIZE, cursor));
            model.addAttribute("entries", page.items());
            model.addAttribute("nextUrl", page.nextCursor() == null ? null
                    : "/companies/" + company.value() + "/audit" + query(actor, action, from, to, page.nextCursor()));
        } catch (Problems.InvalidInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("entries", List.of());
            model.addAttribute("invalidFields", invalid.errors().stream().map(FieldError::field).distinct().toList());
        }
        return "audit";
    }

    private static String query(String actor, String action, String from, String to, String cursor) {
        UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
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
