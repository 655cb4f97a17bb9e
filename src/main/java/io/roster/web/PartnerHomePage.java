package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.shared.PageRequest;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Company;
import io.roster.tenancy.GrantScope;
import io.roster.tenancy.GrantedCompany;
import io.roster.tenancy.NewCompany;
import io.roster.tenancy.Partner;
import io.roster.tenancy.PartnerAccess;
import java.time.Instant;
import io.roster.tenancy.Tenancy;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner space's home: its client companies with their licenses, and for a partner
 * administrator opening a company and changing a company's licenses (as the API allows them).
 */
@Controller
class PartnerHomePage {

    static final int PAGE_SIZE = 20;

    private final PartnerSpace space;
    private final Tenancy tenancy;
    private final LicensePool licenses;
    private final Guard guard;
    private final Refusals wording;
    private final MessageSource messages;
    private final PartnerAccess access;

    PartnerHomePage(PartnerSpace space, Tenancy tenancy, LicensePool licenses, Guard guard, Refusals wording,
            MessageSource messages, PartnerAccess access) {
        this.access = access;
        this.space = space;
        this.tenancy = tenancy;
        this.licenses = licenses;
        this.guard = guard;
        this.wording = wording;
        this.messages = messages;
    }

    /** What the create-company form holds, typed text kept on a refusal. */
    record CompanyForm(String name, String slug, String licensesPurchased) {
    }

    @GetMapping("/partners/{partnerId}")
    String home(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String cursor, Model model) {
        Partner partner = space.open(caller, partnerId);
        return show(caller, partner, cursor, new CompanyForm("", "", "1"), Map.of(), model);
    }

    @PostMapping("/partners/{partnerId}/companies")
    String create(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId, CompanyForm form,
            Locale locale, Model model, RedirectAttributes redirect) {
        Partner partner = space.administer(caller, partnerId);
        Integer purchased = FormInput.number(form.licensesPurchased());
        if (purchased == null) {
            return show(caller, partner, null, form, Map.of("licensesPurchased", text("partner.field.number", locale)),
                    model);
        }
        try {
            Company company = tenancy.createCompany(new NewCompany(form.name(), form.slug(), purchased, partner.id()));
            Flash.done(redirect, messages.getMessage("partner.companies.created", new Object[] {company.name()}, locale));
            return "redirect:/partners/" + partner.id();
        } catch (ProblemException refused) {
            return show(caller, partner, null, form, wording.byField(refused, form.name(), locale), model);
        }
    }

    @PostMapping("/partners/{partnerId}/companies/{companyId}/licenses")
    String changeLicenses(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, @RequestParam(required = false) String licensesPurchased,
            @RequestParam(required = false) String cursor, Locale locale, RedirectAttributes redirect) {
        Partner partner = space.administer(caller, partnerId);
        Company company = space.attached(partner, companyId);
        guard.requireCompany(caller, company.id(), Permission.BILLING_MANAGE);
        Integer purchased = FormInput.number(licensesPurchased);
        try {
            if (purchased == null) {
                Flash.refused(redirect, company.name() + " — " + text("partner.field.number", locale));
            } else {
                licenses.changePurchased(company.id(), purchased);
                Flash.done(redirect, messages.getMessage("partner.companies.licensesChanged",
                        new Object[] {company.name(), String.valueOf(purchased)}, locale));
            }
        } catch (ProblemException refused) {
            Flash.refused(redirect, company.name() + " — " + wording.partner(refused, company.name(), locale));
        }
        if (cursor != null && !cursor.isBlank()) {
            redirect.addAttribute("cursor", cursor);
        }
        return "redirect:/partners/" + partner.id();
    }

    /** Asks a company (named by its slug) for access, or for the renewal of the partner's grant there. */
    @PostMapping("/partners/{partnerId}/access-requests")
    String requestAccess(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String companySlug, Locale locale, RedirectAttributes redirect) {
        Partner partner = space.administer(caller, partnerId);
        try {
            access.request(partner.id(), companySlug, caller.accountId());
            Flash.done(redirect, messages.getMessage("partner.access.requested",
                    new Object[] {companySlug == null ? "" : companySlug.strip()}, locale));
        } catch (ProblemException refused) {
            Flash.refused(redirect, wording.partner(refused, companySlug, locale));
        }
        return "redirect:/partners/" + partner.id();
    }

    /** The same request from a row of the companies table: the company is one the partner holds a grant of. */
    @PostMapping("/partners/{partnerId}/companies/{companyId}/access-request")
    String requestAgain(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, Locale locale, RedirectAttributes redirect) {
        Partner partner = space.administer(caller, partnerId);
        Company company = tenancy.findCompany(new CompanyId(companyId))
                .filter(found -> access.grantOf(found.id(), partner.id()).isPresent())
                .orElseThrow(() -> new io.roster.shared.Problems.NotFound("No company " + companyId + " in this partner space"));
        try {
            access.request(partner.id(), company.slug(), caller.accountId());
            Flash.done(redirect, messages.getMessage("partner.access.requested", new Object[] {company.name()}, locale));
        } catch (ProblemException refused) {
            Flash.refused(redirect, company.name() + " — " + wording.partner(refused, company.name(), locale));
        }
        return "redirect:/partners/" + partner.id();
    }

    private String show(Caller caller, Partner partner, String cursor, CompanyForm form, Map<String, String> errors,
            Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("admin", space.isAdmin(caller, partner));
        model.addAttribute("page", companies(partner, cursor));
        model.addAttribute("cursor", cursor);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "partner/home";
    }

    /**
     * A row of the companies table: the company, the partner's grant there and, while that grant is
     * current, the licenses (slug and licenses are null otherwise: the name and the status only).
     */
    record CompanyRow(CompanyId id, String name, String slug, Integer licensesUsed, Integer licensesPurchased,
            String status, boolean current, boolean users, boolean billing, Instant endsAt, boolean requestWaiting,
            boolean renewable) {
    }

    /** A page of companies; a cursor of another order ("name" only here) starts again at page one. */
    private io.roster.shared.Page<CompanyRow> companies(Partner partner, String cursor) {
        io.roster.shared.Page<GrantedCompany> page;
        try {
            page = access.companiesOf(partner.id(), FormInput.page(PAGE_SIZE, cursor));
        } catch (ProblemException wrongCursor) {
            page = access.companiesOf(partner.id(), PageRequest.first(PAGE_SIZE));
        }
        Map<CompanyId, LicensePool.Usage> usages = licenses.usages(page.items().stream()
                .filter(granted -> access.isCurrent(granted.grant())).map(granted -> granted.company().id()).toList());
        return page.map(granted -> row(granted, usages.get(granted.company().id())));
    }

    private CompanyRow row(GrantedCompany granted, LicensePool.Usage usage) {
        Company company = granted.company();
        var grant = granted.grant();
        boolean current = usage != null;
        return new CompanyRow(company.id(), company.name(), current ? company.slug() : null,
                current ? usage.used() : null, current ? usage.purchased() : null,
                // ended but not yet marked by the job: it reads as what it already is
                !current && grant.status() == io.roster.tenancy.GrantStatus.ACTIVE ? "EXPIRED" : grant.status().name(), current,
                current && access.covers(grant, GrantScope.USERS), current && access.covers(grant, GrantScope.BILLING),
                grant.endsAt(), grant.requestWaiting(), access.renewable(grant));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
