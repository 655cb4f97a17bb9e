package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.RoleAssignments;
import io.roster.access.Roles;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.users.ActivationOutcome;
import io.roster.users.UserLifecycle;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The new-user form (§8). The row is always saved, whatever is missing; the profile page it leads
 * to shows the status and the validation result (e.g. the license shortage).
 */
@Controller
@RequestMapping("/companies/{companyId}/users")
class NewUserPage {

    private final Guard guard;
    private final UserLifecycle lifecycle;
    private final Roles roles;
    private final RoleAssignments assignments;

    NewUserPage(Guard guard, UserLifecycle lifecycle, Roles roles, RoleAssignments assignments) {
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.roles = roles;
        this.assignments = assignments;
    }

    @GetMapping("/new")
    String form(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Locale locale, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        return show(access, NewUserForm.empty(companyId, locale.getLanguage().equals("fr") ? "fr" : "en"), null, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @ModelAttribute NewUserForm form, Locale locale, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        try {
            boolean withRole = form.roleId() != null && !form.roleId().isBlank();
            if (withRole) {
                assignments.requireGrantable(access.company(), form.roleId(), access);
            }
            ActivationOutcome outcome = lifecycle.create(access.company(),
                    form.toNewUser(locale.getLanguage().equals("fr") ? "fr" : "en"));
            if (withRole) {
                assignments.grant(access.company(), outcome.row().id(), form.roleId(), access);
            }
            return "redirect:/companies/" + companyId + "/users/" + outcome.row().id() + "?created";
        } catch (ProblemException refused) {
            String message = refused.firstMessage();
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
