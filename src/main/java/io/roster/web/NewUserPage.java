package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.UserCreation;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Company;
import io.roster.tenancy.Partner;
import io.roster.tenancy.Tenancy;
import io.roster.users.ActivationOutcome;
import io.roster.users.ValidationTexts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one new-user form (docs/rules.md §7, §17), in a company and in the partner space, where the
 * company is chosen among the attached ones. The row is always saved, as the API does it; only the
 * roles the caller may hand out are offered (and the server refuses the others before saving
 * anything); the user page it leads to says what was made, or, for an active user that stayed a
 * draft, every reason at once and the way forward.
 */
@Controller
class NewUserPage {

    private final Guard guard;
    private final Tenancy tenancy;
    private final PartnerSpace space;
    private final UserCreation creation;
    private final PartnerRoleChoices roleChoices;
    private final DraftNotices drafts;
    private final Refusals wording;
    private final MessageSource messages;
    private final ValidationTexts validation;

    NewUserPage(Guard guard, Tenancy tenancy, PartnerSpace space, UserCreation creation, PartnerRoleChoices roleChoices,
            DraftNotices drafts, Refusals wording, MessageSource messages, ValidationTexts validation) {
        this.guard = guard;
        this.tenancy = tenancy;
        this.space = space;
        this.creation = creation;
        this.roleChoices = roleChoices;
        this.drafts = drafts;
        this.wording = wording;
        this.messages = messages;
        this.validation = validation;
    }

    @GetMapping("/companies/{companyId}/users/new")
    String form(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Locale locale, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        Company company = tenancy.company(access.company());
        return show(caller, null, List.of(), company, NewUserForm.empty(companyId, language(locale)), Map.of(), locale,
                model);
    }

    @PostMapping("/companies/{companyId}/users")
    String create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @ModelAttribute NewUserForm form, Locale locale, Model model, RedirectAttributes redirect) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        return create(caller, null, List.of(), tenancy.company(access.company()), access, form, locale, model, redirect);
    }

    @GetMapping("/partners/{partnerId}/users/new")
    String partnerForm(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String companyId, Locale locale, Model model) {
        Partner partner = space.open(caller, partnerId);
        List<Company> companies = space.companies(partner);
        Company chosen = FormInput.orNull(companyId) != null ? space.attached(partner, companyId)
                : companies.isEmpty() ? null : companies.getFirst();
        NewUserForm form = NewUserForm.empty(chosen == null ? "" : chosen.id().value(), language(locale));
        return show(caller, partner, companies, chosen, form, Map.of(), locale, model);
    }

    @PostMapping("/partners/{partnerId}/users/new")
    String partnerCreate(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @ModelAttribute NewUserForm form, Locale locale, Model model, RedirectAttributes redirect) {
        Partner partner = space.open(caller, partnerId);
        List<Company> companies = space.companies(partner);
        if (FormInput.orNull(form.companyId()) == null) {
            return show(caller, partner, companies, null, form.withoutPassword(),
                    Map.of("companyId", messages.getMessage("partner.newUser.chooseCompany", null, locale)), locale, model);
        }
        Company company = space.attached(partner, form.companyId());
        CompanyAccess access = guard.requireCompany(caller, company.id(), Permission.USERS_MANAGE);
        return create(caller, partner, companies, company, access, form, locale, model, redirect);
    }

    private String create(Caller caller, Partner partner, List<Company> companies, Company company,
            CompanyAccess access, NewUserForm form, Locale locale, Model model, RedirectAttributes redirect) {
        String roleId = FormInput.orNull(form.roleId());
        ActivationOutcome outcome;
        try {
            // an unknown or too strong role is refused before anything is saved, as in the API
            outcome = creation.create(access, form.toNewUser(language(locale)), roleId == null ? List.of() : List.of(roleId));
        } catch (ProblemException refused) {
            return show(caller, partner, companies, company, form.withoutPassword(),
                    wording.byField(refused, form.userId(), locale), locale, model);
        }
        String label = PartnerUserLines.label(outcome.row());
        String status = messages.getMessage("partner.status." + outcome.row().status().name(), null, locale);
        String result = validation.text(outcome.row().validationResult(), locale);
        if (outcome.activated()) {
            Flash.done(redirect, messages.getMessage("partner.newUser.created",
                    new Object[] {label, company.name(), status, result}, locale));
        } else if (outcome.row().validationResult() != null) {
            // asked for an active user, got a draft: every reason at once, and the way forward
            drafts.flash(redirect, drafts.of(outcome.row(), label, access, locale));
        } else {
            Flash.done(redirect, messages.getMessage("partner.newUser.savedAsDraft",
                    new Object[] {label, company.name(), status, result}, locale));
        }
        String user = "/companies/" + company.id() + "/users/" + outcome.row().id();
        return "redirect:" + (partner == null ? user : "/partners/" + partner.id() + user);
    }

    /** {@code partner} null: the company's page, the company fixed; else the partner space's, the company chosen. */
    private String show(Caller caller, Partner partner, List<Company> companies, Company chosen, NewUserForm form,
            Map<String, String> errors, Locale locale, Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("companies", companies);
        model.addAttribute("companyId", chosen == null ? null : chosen.id().value());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roleOptions", chosen == null ? List.of() : roleChoices.grantable(caller, chosen, locale));
        model.addAttribute("selectedRole", form.roleId());
        model.addAttribute("noRole", true);
        model.addAttribute("action", partner == null ? "/companies/" + chosen.id() + "/users"
                : "/partners/" + partner.id() + "/users/new");
        model.addAttribute("cancelUrl", partner == null ? "/companies/" + chosen.id() + "/users"
                : "/partners/" + partner.id() + "/users");
        return "users/new";
    }

    private static String language(Locale locale) {
        return locale.getLanguage().equals("fr") ? "fr" : "en";
    }
}
