package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
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
 * Plan &amp; billing (docs/rules.md §4): licenses in use and purchased; {@code billing.manage} (which a
 * partner administrator holds in its attached companies) changes the number, never below the
 * number in use.
 */
@Controller
@RequestMapping("/companies/{companyId}/billing")
class BillingPage {

    private final Guard guard;
    private final LicensePool licenses;
    private final Tenancy tenancy;
    private final Refusals refusals;

    BillingPage(Guard guard, LicensePool licenses, Tenancy tenancy, Refusals refusals) {
        this.guard = guard;
        this.licenses = licenses;
        this.tenancy = tenancy;
        this.refusals = refusals;
    }

    @GetMapping
    String show(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.BILLING_MANAGE);
        model.addAttribute("companyId", companyId);
        model.addAttribute("company", tenancy.company(access.company()));
        model.addAttribute("usage", licenses.usage(access.company()));
        model.addAttribute("viaPartner", access.actsAsPartner());
        return "admin/billing";
    }

    @PostMapping
    String change(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String licensesPurchased, Locale locale, RedirectAttributes redirect) {
        CompanyId company = guard.requireCompany(caller, new CompanyId(companyId), Permission.BILLING_MANAGE).company();
        boolean changed = refusals.attempt(locale, redirect, "admin.billing.changed",
                () -> licenses.changePurchased(company, number(licensesPurchased)));
        redirect.addFlashAttribute(changed ? "noticeArg" : "wanted", licensesPurchased);
        return "redirect:/companies/" + companyId + "/billing";
    }

    private static int number(String typed) {
        try {
            return Integer.parseInt(typed == null ? "" : typed.trim());
        } catch (NumberFormatException notANumber) {
            throw Problems.InvalidInput.of("licensesPurchased", "must be a number between 0 and 1000000");
        }
    }
}
