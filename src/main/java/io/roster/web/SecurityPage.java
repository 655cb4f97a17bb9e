package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.SecurityPolicy;
import io.roster.shared.CompanyId;
import io.roster.tenancy.Tenancy;
import java.util.Locale;
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
 * A company's Security page (docs/rules.md §21): "require a second factor for administrators".
 * Shown to whoever may manage roles there, changed by whoever may manage roles and users.
 */
@Controller
@RequestMapping("/companies/{companyId}/security")
class SecurityPage {

    private final Guard guard;
    private final SecurityPolicy policy;
    private final Tenancy tenancy;
    private final Refusals refusals;

    SecurityPage(Guard guard, SecurityPolicy policy, Tenancy tenancy, Refusals refusals) {
        this.guard = guard;
        this.policy = policy;
        this.tenancy = tenancy;
        this.refusals = refusals;
    }

    @GetMapping
    String show(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE);
        model.addAttribute("companyId", companyId);
        model.addAttribute("company", tenancy.company(access.company()));
        model.addAttribute("policy", policy.of(access.company()));
        return "admin/security";
    }

    @PostMapping
    String change(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(defaultValue = "false") boolean requireMfaForAdmins, Locale locale, RedirectAttributes redirect) {
        CompanyId company = new CompanyId(companyId);
        guard.requireCompany(caller, company, Permission.USERS_MANAGE);
        CompanyAccess access = guard.requireCompany(caller, company, Permission.ROLES_MANAGE);
        refusals.attempt(locale, redirect, "mfa.security.saved", () -> policy.change(access, requireMfaForAdmins));
        return "redirect:/companies/" + companyId + "/security";
    }
}
