package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Permission;
import io.roster.invitations.Invitations;
import io.roster.tenancy.Company;
import io.roster.users.UserLifecycle;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's page in the partner space (seed 004): the company's user page ({@code users/profile})
 * in the partner's frame, with the person's roles in every attached company and "New role" there.
 * Its Edit, Activate, Deactivate, Invite and Delete are the company page's, answered by
 * {@link UserRowActions} and {@link UserProfilePage}, which bring the person back here.
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
    private final SignInLockPanel signInLocks;
    private final io.roster.workspaces.WorkspaceMembers workspaces;
    private final io.roster.access.Guard guard;

    PartnerUserPage(PartnerUserTarget targets, PartnerSpace space, PartnerUserLines lines,
            PartnerRoleChoices roleChoices, Invitations invitations, UserLifecycle lifecycle,
            SignInLockPanel signInLocks, io.roster.workspaces.WorkspaceMembers workspaces, io.roster.access.Guard guard) {
        this.guard = guard;
        this.workspaces = workspaces;
        this.targets = targets;
        this.space = space;
        this.lines = lines;
        this.roleChoices = roleChoices;
        this.invitations = invitations;
        this.lifecycle = lifecycle;
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
        var row = target.row();
        model.addAttribute("partner", target.partner());
        model.addAttribute("companyId", target.company().id().value());
        model.addAttribute("companyName", target.company().name());
        model.addAttribute("user", row);
        model.addAttribute("pendingEmail", lifecycle.pendingEmail(target.company().id(), id).orElse(null));
        model.addAttribute("heldRoles", lines.of(target.partner(), row, PartnerUsersPage.names(companies), locale).roles());
        model.addAttribute("invitation", invitations.accountSetupOf(id).orElse(null));
        model.addAttribute("signInLock", signInLocks.of(row).orElse(null));
        model.addAttribute("canManage", target.access().has(Permission.USERS_MANAGE) && outranks(target));
        model.addAttribute("rights", workspaces.heldBy(target.access(), id));
        model.addAttribute("canGrant", true);
        model.addAttribute("roleCompanies", companies.stream()
                .map(c -> new UserProfilePage.Choice(c.id().value(), c.name())).toList());
        model.addAttribute("roleCompanyId", roleCompany.id().value());
        model.addAttribute("roleOptionsUrl", "/partners/" + target.partner().id() + "/role-options");
        model.addAttribute("roleOptions", roleChoices.grantable(caller, roleCompany, locale));
        return "users/profile";
    }

    /** May the caller change this person (docs/rules.md §6)? The page offers no action it would refuse. */
    private boolean outranks(PartnerUserTarget.Target target) {
        try {
            guard.requireOutranks(target.access(), target.row().id());
            return true;
        } catch (io.roster.shared.ProblemException outranked) {
            return false;
        }
    }
}
