package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.ScimTokens;
import io.roster.shared.CompanyId;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A company's SCIM tokens in the console (docs/rules.md §19), for its administrators — whoever holds
 * every company permission, since a token grants any role through SCIM Groups: create one (its
 * value shown once, on the page that answers the creation, never kept in the session), list them
 * with their last use, revoke one.
 */
@Controller
@RequestMapping("/companies/{companyId}/scim-tokens")
class ScimTokensPage {

    private final Guard guard;
    private final ScimTokens tokens;
    private final Refusals refusals;

    ScimTokensPage(Guard guard, ScimTokens tokens, Refusals refusals) {
        this.guard = guard;
        this.tokens = tokens;
        this.refusals = refusals;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Model model) {
        CompanyId company = requireAdministrator(caller, companyId);
        model.addAttribute("companyId", companyId);
        model.addAttribute("tokens", tokens.of(company));
        return "admin/scim-tokens";
    }

    /** Answers the page itself, with the new value, rather than a redirect: the value never enters the session. */
    @PostMapping
    String create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Model model,
            HttpServletResponse response) {
        CompanyId company = requireAdministrator(caller, companyId);
        ScimTokens.IssuedScimToken issued = tokens.create(company, caller.accountId());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("issued", issued);
        model.addAttribute("tenantUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path("/scim/v2").toUriString());
        model.addAttribute("notice", "admin.scim.created");
        model.addAttribute("companyId", companyId);
        model.addAttribute("tokens", tokens.of(company));
        return "admin/scim-tokens";
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String tokenId,
            Locale locale, RedirectAttributes redirect) {
        CompanyId company = requireAdministrator(caller, companyId);
        refusals.attempt(locale, redirect, "admin.scim.revoked", () -> tokens.revoke(company, tokenId, caller.accountId()));
        return "redirect:/companies/" + companyId + "/scim-tokens";
    }

    private CompanyId requireAdministrator(Caller caller, String companyId) {
        CompanyId company = new CompanyId(companyId);
        for (Permission permission : Permission.values()) {
            guard.requireCompany(caller, company, permission);
        }
        return company;
    }
}
