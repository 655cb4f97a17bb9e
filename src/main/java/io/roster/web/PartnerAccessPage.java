package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.audit.AuditLog;
import io.roster.shared.CompanyId;
import io.roster.shared.PageRequest;
import io.roster.tenancy.GrantScope;
import io.roster.tenancy.PartnerAccess;
import io.roster.tenancy.PartnerGrant;
import io.roster.tenancy.Tenancy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A company's "Partner access" page, for its administrators: each partner's grant (scope, end,
 * status, a request waiting), what the partner's staff did in the company, and the answers: accept
 * (with a scope and an end date), decline a request or a renewal waiting, or revoke. The same rules as the API ({@link PartnerAccess}).
 */
@Controller
@RequestMapping("/companies/{companyId}/partner-access")
class PartnerAccessPage {

    /** The partner's latest actions shown beside each grant; the audit page holds the rest. */
    private static final int RECENT_ACTIONS = 10;

    private final Guard guard;
    private final PartnerAccess access;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final AuditLines lines;
    private final Refusals refusals;

    PartnerAccessPage(Guard guard, PartnerAccess access, Tenancy tenancy, AuditLog audit, AuditLines lines,
            Refusals refusals) {
        this.guard = guard;
        this.access = access;
        this.tenancy = tenancy;
        this.audit = audit;
        this.lines = lines;
        this.refusals = refusals;
    }

    /** A grant as the page shows it, with the partner's recent actions in the company. */
    record GrantRow(PartnerGrant grant, String partnerName, boolean current, boolean users, boolean billing,
            String endsOn, String defaultEnd, List<AuditLines.Line> actions) {
    }

    @GetMapping
    String show(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Locale locale, Model model) {
        CompanyId company = guard.requireCompanyAdministrator(caller, new CompanyId(companyId)).company();
        String nextYear = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();
        List<GrantRow> rows = access.ofCompany(company).stream().map(grant -> new GrantRow(grant,
                tenancy.partner(grant.partnerId()).name(), access.isCurrent(grant),
                grant.scope().contains(GrantScope.USERS), grant.scope().contains(GrantScope.BILLING),
                grant.endsAt() == null ? null : grant.endsAt().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
                nextYear,
                lines.of(company, audit.ofPartnerInCompany(company, grant.partnerId(),
                        PageRequest.first(RECENT_ACTIONS)).items(), locale)))
                .toList();
        model.addAttribute("companyId", companyId);
        model.addAttribute("companyName", tenancy.company(company).name());
        model.addAttribute("grants", rows);
        return "admin/partner-access";
    }

    @PostMapping("/{grantId}/accept")
    String accept(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String grantId,
            @RequestParam(required = false) List<String> scope, @RequestParam(required = false) String endsOn,
            Locale locale, RedirectAttributes redirect) {
        CompanyId company = guard.requireCompanyAdministrator(caller, new CompanyId(companyId)).company();
        refusals.attempt(locale, redirect, "partnerAccess.accepted",
                () -> access.accept(company, grantId, scope(scope), endOf(endsOn), caller.accountId()));
        return "redirect:/companies/" + companyId + "/partner-access";
    }

    @PostMapping("/{grantId}/revoke")
    String revoke(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String grantId,
            Locale locale, RedirectAttributes redirect) {
        CompanyId company = guard.requireCompanyAdministrator(caller, new CompanyId(companyId)).company();
        refusals.attempt(locale, redirect, "partnerAccess.revoked",
                () -> access.revoke(company, grantId, caller.accountId()));
        return "redirect:/companies/" + companyId + "/partner-access";
    }

    @PostMapping("/{grantId}/decline")
    String decline(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String grantId,
            Locale locale, RedirectAttributes redirect) {
        CompanyId company = guard.requireCompanyAdministrator(caller, new CompanyId(companyId)).company();
        refusals.attempt(locale, redirect, "partnerAccess.declined",
                () -> access.decline(company, grantId, caller.accountId()));
        return "redirect:/companies/" + companyId + "/partner-access";
    }

    /** The boxes ticked; none ticked is an empty scope, which the rule refuses in words. */
    private static Set<GrantScope> scope(List<String> codes) {
        Set<GrantScope> scope = EnumSet.noneOf(GrantScope.class);
        if (codes != null) {
            codes.forEach(code -> GrantScope.byCode(code).ifPresent(scope::add));
        }
        return scope;
    }

    /** The day typed (the grant ends at its start, UTC); empty is the default of one year. */
    private static Instant endOf(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            // an unreadable day reads as a past one: the rule answers with what to type
            return Instant.EPOCH;
        }
    }
}
