package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import io.roster.tenancy.Tenancy;
import io.roster.users.Waitlist;
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
 * number in use. The company's seat waitlist is set and ordered here too (docs/rules.md, "Seat
 * waitlist"): its switch, and who waits, with move up, move down and remove.
 */
@Controller
@RequestMapping("/companies/{companyId}/billing")
class BillingPage {

    private final Guard guard;
    private final LicensePool licenses;
    private final Tenancy tenancy;
    private final Refusals refusals;
    private final Waitlist waitlist;

    BillingPage(Guard guard, LicensePool licenses, Tenancy tenancy, Refusals refusals, Waitlist waitlist) {
        this.waitlist = waitlist;
        this.guard = guard;
        this.licenses = licenses;
        this.tenancy = tenancy;
        this.refusals = refusals;
    }

    @GetMapping
    String show(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String waitingAfter, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.BILLING_MANAGE);
        model.addAttribute("seatWaitlist", waitlist.enabled(access.company()));
        model.addAttribute("waiting", waitlist.page(access.company(), PageRequest.of(null, waitingAfter)));
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

    @PostMapping("/waitlist")
    String waitlistSetting(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String seatWaitlist, Locale locale, RedirectAttributes redirect) {
        CompanyId company = billing(caller, companyId);
        boolean on = "on".equals(seatWaitlist) || "true".equals(seatWaitlist);
        refusals.attempt(locale, redirect, on ? "admin.waitlist.turnedOn" : "admin.waitlist.turnedOff",
                () -> waitlist.setEnabled(company, on));
        return back(companyId);
    }

    @PostMapping("/waitlist/{id}/move")
    String move(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestParam(required = false) String position, Locale locale, RedirectAttributes redirect) {
        CompanyId company = billing(caller, companyId);
        refusals.attempt(locale, redirect, "admin.waitlist.moved", () -> waitlist.move(company, id, position(position)));
        return back(companyId);
    }

    @PostMapping("/waitlist/{id}/remove")
    String remove(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            Locale locale, RedirectAttributes redirect) {
        CompanyId company = billing(caller, companyId);
        refusals.attempt(locale, redirect, "admin.waitlist.removed", () -> waitlist.remove(company, id));
        return back(companyId);
    }

    private CompanyId billing(Caller caller, String companyId) {
        return guard.requireCompany(caller, new CompanyId(companyId), Permission.BILLING_MANAGE).company();
    }

    private static String back(String companyId) {
        return "redirect:/companies/" + companyId + "/billing#waitlist-title";
    }

    private static Integer position(String typed) {
        try {
            return Integer.valueOf(typed == null ? "" : typed.trim());
        } catch (NumberFormatException notANumber) {
            return null;   // refused by the waitlist, in words
        }
    }

    private static int number(String typed) {
        try {
            return Integer.parseInt(typed == null ? "" : typed.trim());
        } catch (NumberFormatException notANumber) {
            throw Problems.InvalidInput.of("licensesPurchased", "must be a number between 0 and 1000000");
        }
    }
}
