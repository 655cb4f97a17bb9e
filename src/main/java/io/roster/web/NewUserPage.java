package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.Roles;
import io.roster.access.UserCreation;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.users.ActivationOutcome;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The new-user form (docs/rules.md §17). The row is always saved, whatever is missing; the profile page it leads
 * to shows the status and the validation result (e.g. the license shortage).
 */
@Controller
@RequestMapping("/companies/{companyId}/users")
class NewUserPage {

    private final Guard guard;
    private final UserCreation creation;
    private final Roles roles;
    private final DraftNotices drafts;
    private final Refusals refusals;

    NewUserPage(Guard guard, UserCreation creation, Roles roles, DraftNotices drafts, Refusals refusals) {
        this.drafts = drafts;
        this.refusals = refusals;
        this.guard = guard;
        this.creation = creation;
        this.roles = roles;
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Locale locale, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        return show(access, NewUserForm.empty(companyId, locale.getLanguage().equals("fr") ? "fr" : "en"), null, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @ModelAttribute NewUserForm form, Locale locale, Model model, RedirectAttributes redirect) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        try {
            boolean withRole = form.roleId() != null && !form.roleId().isBlank();
            ActivationOutcome outcome = creation.create(access,
                    form.toNewUser(locale.getLanguage().equals("fr") ? "fr" : "en"),
                    withRole ? List.of(form.roleId()) : List.of());
            if (!outcome.activated() && outcome.row().validationResult() != null) {
                // asked for an active user, got a draft: say every reason at once, and the way forward
                drafts.flash(redirect, drafts.of(outcome.row(), PartnerUserLines.label(outcome.row()), access, locale));
            }
            return "redirect:/companies/" + companyId + "/users/" + outcome.row().id() + "?created";
        } catch (ProblemException refused) {
            String message = refusals.ofTypeOr(refused, locale, refused.firstMessage());
            return show(access, form, message, model);
        }
    }

    private String show(CompanyAccess access, NewUserForm form, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("roles", roles.of(access.company()));
        model.addAttribute("action", "/companies/" + access.company() + "/users");
        return "users/new";
    }
}
