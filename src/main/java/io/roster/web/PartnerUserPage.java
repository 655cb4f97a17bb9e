package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Permission;
import io.roster.invitations.Invitations;
import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import io.roster.tenancy.Company;
import io.roster.users.UserEdit;
import io.roster.users.UserLifecycle;
import io.roster.users.UserStatus;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's profile in the partner space (seed 004): status, validation result, invitation,
 * roles in every attached company with "New role", and a sign-in lockout with "Unlock sign-in". Edit,
 * Activate, Deactivate, Invite and Delete are the company user page's ({@code fragments/user-manage}),
 * answered by {@link UserRowActions} and {@link UserProfilePage}, which bring the person back here.
 */
@Controller
@RequestMapping("/partners/{partnerId}/companies/{companyId}/users/{id}")
class PartnerUserPage {

    private final PartnerUserTarget targets;
    private final PartnerSpace space;
    private final PartnerUserLines lines;
    private final PartnerRoleChoices roleChoices;
    private final Invitations invitations;
    private final UserLifecycle lifecycle;
    private final Refusals wording;
    private final MessageSource messages;
    private final SignInLockPanel signInLocks;

    PartnerUserPage(PartnerUserTarget targets, PartnerSpace space, PartnerUserLines lines,
            PartnerRoleChoices roleChoices, Invitations invitations, UserLifecycle lifecycle, Refusals wording,
            MessageSource messages, SignInLockPanel signInLocks) {
        this.targets = targets;
        this.space = space;
        this.lines = lines;
        this.roleChoices = roleChoices;
        this.invitations = invitations;
        this.lifecycle = lifecycle;
        this.wording = wording;
        this.messages = messages;
        this.signInLocks = signInLocks;
    }

    @GetMapping
    String profile(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, @PathVariable String id,
            @RequestParam(required = false) String roleCompanyId, Locale locale, Model model) {
        var target = targets.resolve(caller, partnerId, companyId, id, Permission.USERS_READ);
        if (target.row().external()) {
            // the partner space shows people at their home company
            Company home = space.attached(target.partner(), target.row().homeCompanyId() == null ? null
                    : target.row().homeCompanyId().value());
            return "redirect:/partners/" + target.partner().id() + "/companies/" + home.id() + "/users/" + id;
        }
        List<Company> companies = space.companies(target.partner());
        Company roleCompany = roleCompanyId == null || roleCompanyId.isBlank() ? target.company()
                : space.attached(target.partner(), roleCompanyId);
        model.addAttribute("partner", target.partner());
        model.addAttribute("company", target.company());
        model.addAttribute("line", lines.of(target.partner(), target.row(), PartnerUsersPage.names(companies), locale));
        model.addAttribute("invitation", invitations.accountSetupOf(id).orElse(null));
        model.addAttribute("signInLock", signInLocks.of(target.row()).orElse(null));
        model.addAttribute("canManage", target.access().has(Permission.USERS_MANAGE));
        model.addAttribute("companies", companies);
        model.addAttribute("roleCompany", roleCompany);
        model.addAttribute("roleOptions", roleChoices.grantable(caller, roleCompany, locale));
        return "partner/user";
    }
}
