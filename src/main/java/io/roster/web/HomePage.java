package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CallerOverview;
import io.roster.access.ConsoleSignIn;
import io.roster.access.Guard;
import io.roster.shared.PartnerId;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Company;
import io.roster.tenancy.NewCompany;
import io.roster.tenancy.Partner;
import io.roster.tenancy.Tenancy;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a person lands after sign-in. Someone with one place only (one company, or one partner
 * space) goes straight there, to a page their permissions open, with the side menu; someone with
 * several gets the home page, the list of them; the platform operator gets the platform's partners
 * and companies, with the forms that create them. The home page stays at {@code /} for everyone
 * (the brand's link), so that it never decides for the person where to go next.
 */
@Controller
class HomePage {

    /** How many partners and companies the operator's home lists; the API pages through the rest. */
    static final int OPERATOR_LIST = 100;

    private final CallerOverview overview;
    private final Guard guard;
    private final Tenancy tenancy;
    private final MessageSource messages;

    HomePage(CallerOverview overview, Guard guard, Tenancy tenancy, MessageSource messages) {
        this.overview = overview;
        this.guard = guard;
        this.tenancy = tenancy;
        this.messages = messages;
    }

    /** Where a sign-in leads ({@link ConsoleSignIn#LANDING}): the one place of who has one, else home. */
    /** Companies the home page lists at most (a partner's staff may hold a role in thousands). */
    static final int HOME_COMPANIES = 100;

    @GetMapping(ConsoleSignIn.LANDING)
    String landing(@AuthenticationPrincipal Caller caller) {
        // two companies are enough to know whether there is one place only
        CallerOverview.Overview me = overview.of(caller, 2);
        String only = me.operator() ? null : onlyPlace(me);
        return "redirect:" + (only == null ? "/" : only);
    }

    /** The list of one's places (and, for the operator, the platform's), each linking to a page one may open. */
    @GetMapping("/")
    String home(@AuthenticationPrincipal Caller caller, Model model) {
        CallerOverview.Overview read = overview.of(caller, HOME_COMPANIES + 1);
        CallerOverview.Overview me = ConsoleNav.shortened(read, HOME_COMPANIES);
        model.addAttribute("moreCompanies", me != read);
        model.addAttribute("mostCompanies", HOME_COMPANIES);
        if (me.operator()) {
            Tenancy.Overview platform = tenancy.overview(OPERATOR_LIST);
            model.addAttribute("platform", platform);
            model.addAttribute("operatorList", OPERATOR_LIST);
            model.addAttribute("partnerNames", platform.partners().stream()
                    .collect(Collectors.toMap(p -> p.id().value(), Partner::name)));
        }
        model.addAttribute("me", me);
        return "home";
    }

    /** The one place of someone who has exactly one, else null. */
    private static String onlyPlace(CallerOverview.Overview me) {
        if (me.companies().size() == 1 && me.partners().isEmpty()) {
            CallerOverview.CompanyStanding company = me.companies().getFirst();
            return CompanyLanding.of(company.companyId(), company.permissions());
        }
        if (me.companies().isEmpty() && me.partners().size() == 1) {
            return "/partners/" + me.partners().getFirst().partnerId();
        }
        return null;
    }

    @PostMapping("/admin/partners")
    String createPartner(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
            Locale locale, RedirectAttributes redirect) {
        guard.requireOperator(caller);
        try {
            Partner partner = tenancy.createPartner(name);
            Flash.done(redirect, text("operator.partner.created", locale, partner.name()));
        } catch (ProblemException refused) {
            Flash.refused(redirect, text("operator.partner.refused", locale));
        }
        return "redirect:/";
    }

    @PostMapping("/admin/companies")
    String createCompany(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
            @RequestParam(required = false) String slug, @RequestParam(required = false) String licensesPurchased,
            @RequestParam(required = false) String partnerId, Locale locale, RedirectAttributes redirect) {
        PartnerId partner = partnerId == null || partnerId.isBlank() ? null : new PartnerId(partnerId);
        if (partner == null) {
            guard.requireOperator(caller);
        } else {
            guard.requirePartner(caller, partner, true);
        }
        Integer purchased = FormInput.number(licensesPurchased);
        try {
            Company company = tenancy.createCompany(new NewCompany(name, slug, purchased, partner));
            Flash.done(redirect, text("operator.company.created", locale, company.name()));
        } catch (ProblemException refused) {
            Flash.refused(redirect, text(refused.type().endsWith("slug-taken") ? "operator.company.slugTaken"
                    : "operator.company.refused", locale));
        }
        return "redirect:/";
    }

    /** Any method: Spring Security forwards refused requests here (a form without its CSRF token too). */
    @RequestMapping("/403")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "403";
    }

    /** Any method: the error dispatch forwards a browser's "nothing here" here, to render it with the menu. */
    @RequestMapping("/404")
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "404";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
