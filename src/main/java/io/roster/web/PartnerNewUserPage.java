package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.UserCreation;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Company;
import io.roster.tenancy.Partner;
import io.roster.users.ActivationOutcome;
import io.roster.users.NewUser;
import io.roster.users.UserStatus;
import io.roster.users.ValidationTexts;
import java.util.List;
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
 * "New user" in a chosen attached company (docs/rules.md §7). The row is always saved, as the API does it;
 * the role is granted with the partner's access; the profile then shows the status and the
 * validation result.
 */
@Controller
class PartnerNewUserPage {

    private final PartnerSpace space;
    private final Guard guard;
    private final UserCreation creation;
    private final PartnerRoleChoices roleChoices;
    private final Refusals wording;
    private final MessageSource messages;
    private final ValidationTexts validation;
    private final DraftNotices drafts;

    PartnerNewUserPage(PartnerSpace space, Guard guard, UserCreation creation,
            PartnerRoleChoices roleChoices, Refusals wording, MessageSource messages, ValidationTexts validation,
            DraftNotices drafts) {
        this.validation = validation;
        this.drafts = drafts;
        this.space = space;
        this.guard = guard;
        this.creation = creation;
        this.roleChoices = roleChoices;
        this.wording = wording;
        this.messages = messages;
    }

    /** The form as typed; the password is never sent back to the page. */
    record NewUserForm(String companyId, String email, String firstName, String lastName, String userId, String status,
            Boolean notifyInApp, Boolean notifyEmail, Boolean emailVerified, String password, String roleId,
            String locale) {

        NewUserForm withoutPassword() {
            return new NewUserForm(companyId, email, firstName, lastName, userId, status, notifyInApp, notifyEmail,
                    emailVerified, null, roleId, locale);
        }
    }

    @GetMapping("/partners/{partnerId}/users/new")
    String form(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String companyId, Locale locale, Model model) {
        Partner partner = space.open(caller, partnerId);
        List<Company> companies = space.companies(partner);
        Company chosen = FormInput.orNull(companyId) != null ? space.attached(partner, companyId)
                : companies.isEmpty() ? null : companies.getFirst();
        NewUserForm form = new NewUserForm(chosen == null ? "" : chosen.id().value(), "", "", "", "", "ACTIVE", true,
                true, false, null, "MEMBER", locale.getLanguage().equals("fr") ? "fr" : "en");
        return show(caller, partner, companies, chosen, form, Map.of(), locale, model);
    }

    @PostMapping("/partners/{partnerId}/users/new")
    String create(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId, NewUserForm form,
            Locale locale, Model model, RedirectAttributes redirect) {
        Partner partner = space.open(caller, partnerId);
        List<Company> companies = space.companies(partner);
        if (FormInput.orNull(form.companyId()) == null) {
            return show(caller, partner, companies, null, form.withoutPassword(),
                    Map.of("companyId", messages.getMessage("partner.newUser.chooseCompany", null, locale)), locale, model);
        }
        Company company = space.attached(partner, form.companyId());
        CompanyAccess access = guard.requireCompany(caller, company.id(), Permission.USERS_MANAGE);
        String roleId = FormInput.orNull(form.roleId());
        ActivationOutcome outcome;
        try {
            // an unknown or too strong role is refused before anything is saved, as in the API
            outcome = creation.create(access, newUser(form, locale), roleId == null ? List.of() : List.of(roleId));
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
        return "redirect:/partners/" + partner.id() + "/companies/" + company.id() + "/users/" + outcome.row().id();
    }

    private static NewUser newUser(NewUserForm form, Locale pageLocale) {
        String locale = "fr".equals(form.locale()) || "en".equals(form.locale()) ? form.locale()
                : pageLocale.getLanguage().equals("fr") ? "fr" : "en";
        return new NewUser(FormInput.orNull(form.userId()), FormInput.orNull(form.firstName()),
                FormInput.orNull(form.lastName()), FormInput.orNull(form.email()),
                "ACTIVE".equals(form.status()) ? UserStatus.ACTIVE : UserStatus.DRAFT,
                Boolean.TRUE.equals(form.emailVerified()), FormInput.orNull(form.password()), locale,
                Boolean.TRUE.equals(form.notifyInApp()), Boolean.TRUE.equals(form.notifyEmail()));
    }

    private String show(Caller caller, Partner partner, List<Company> companies, Company chosen, NewUserForm form,
            Map<String, String> errors, Locale locale, Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("companies", companies);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roleOptions", chosen == null ? List.of() : roleChoices.grantable(caller, chosen, locale));
        model.addAttribute("selectedRole", form.roleId());
        model.addAttribute("noRole", true);
        return "partner/user-new";
    }
}
