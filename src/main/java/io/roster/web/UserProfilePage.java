package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CallerOverview;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.Role;
import io.roster.access.RoleAssignments;
import io.roster.access.RoleGrants;
import io.roster.access.Roles;
import io.roster.invitations.Invitations;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Tenancy;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import io.roster.workspaces.WorkspaceMembers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A user's profile (seed 004): details, roles with "New role" (role and company), workspace
 * rights, the invitation's state and "Invite", and a sign-in lockout with "Unlock sign-in".
 */
@Controller
@RequestMapping("/companies/{companyId}/users/{id}")
class UserProfilePage {

    private final ManageableRows manageable;
    private final Guard guard;
    private final UserLifecycle lifecycle;
    private final Roles roles;
    private final RoleAssignments assignments;
    private final RoleGrants grants;
    private final Invitations invitations;
    private final WorkspaceMembers workspaces;
    private final CallerOverview overview;
    private final Tenancy tenancy;
    private final SignInLockPanel signInLocks;
    private final org.springframework.context.MessageSource messages;

    private final RoleLabels roleLabels;
    private final Refusals refusals;
    private final PartnerRoleChoices roleChoices;

    UserProfilePage(Guard guard, UserLifecycle lifecycle, Roles roles, RoleAssignments assignments, RoleGrants grants,
            Invitations invitations, WorkspaceMembers workspaces, CallerOverview overview, Tenancy tenancy,
            SignInLockPanel signInLocks, RoleLabels roleLabels, org.springframework.context.MessageSource messages,
            Refusals refusals, PartnerRoleChoices roleChoices, ManageableRows manageable) {
        this.manageable = manageable;
        this.roleChoices = roleChoices;
        this.refusals = refusals;
        this.roleLabels = roleLabels;
        this.messages = messages;
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.roles = roles;
        this.assignments = assignments;
        this.grants = grants;
        this.invitations = invitations;
        this.workspaces = workspaces;
        this.overview = overview;
        this.tenancy = tenancy;
        this.signInLocks = signInLocks;
    }

    /** A role held in one company, for the list. */
    record HeldRole(String companyId, String companyName, String roleId, String name) {
    }

    /** A company where the caller may hand out roles. */
    record Choice(String id, String name) {
    }

    @GetMapping
    String profile(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestParam(required = false) String created, Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_READ);
        return show(access, lifecycle.row(access.company(), id), created != null, null, model);
    }

    /**
     * The real Edit of the user page: names and email (and the userId while a DRAFT), with the
     * rules of an edit (docs/rules.md §3). An email change of an existing account waits for the
     * new address to confirm, and the page says a confirmation was sent.
     */
    @PostMapping("/details")
    String editDetails(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestParam(required = false) String userId, @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName, @RequestParam(required = false) String email,
            @RequestParam(required = false) String back,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect, java.util.Locale locale,
            Model model) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        UserRow before = lifecycle.row(access.company(), id);
        try {
            guard.requireOutranks(access, id);
            UserRow after = lifecycle.edit(access.company(), id, new io.roster.users.UserEdit(
                    before.accountExists() ? null : userId, firstName, lastName, email), null);
            boolean waits = before.accountExists() && email != null && !email.trim().equalsIgnoreCase(after.email());
            Flash.done(redirect, messages.getMessage(waits ? "users.row.emailPending" : "users.details.saved", null, locale));
            String to = UserRowActions.safe(back);
            return "redirect:" + (to != null ? to : "/companies/" + companyId + "/users/" + id);
        } catch (ProblemException refused) {
            if (UserRowActions.safe(back) != null) {
                // the page it came from (the partner space's user page) says why
                Flash.refused(redirect, refusals.ofTypeOr(refused, locale, refused.firstMessage()));
                return "redirect:" + UserRowActions.safe(back);
            }
            model.addAttribute("editing", true);
            return show(access, before, false, refused.firstMessage(), model);
        }
    }

    @PostMapping("/roles")
    String addRole(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestParam String roleId, @RequestParam(name = "roleCompanyId", required = false) String inCompany,
            Model model) {
        CompanyAccess here = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        String target = inCompany == null || inCompany.isBlank() ? companyId : inCompany;
        try {
            CompanyAccess there = guard.requireCompany(caller, new CompanyId(target), Permission.USERS_MANAGE);
            grants.grant(there, id, roleId);
            return "redirect:/companies/" + companyId + "/users/" + id;
        } catch (ProblemException refused) {
            return show(here, lifecycle.row(here.company(), id), false, refused.detail(), model);
        }
    }

    @PostMapping("/roles/remove")
    String removeRole(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestParam String roleId, @RequestParam(name = "roleCompanyId", required = false) String inCompany, Model model) {
        CompanyAccess here = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        String target = inCompany == null || inCompany.isBlank() ? companyId : inCompany;
        try {
            CompanyAccess there = guard.requireCompany(caller, new CompanyId(target), Permission.USERS_MANAGE);
            assignments.revoke(there.company(), id, roleId, there);
        } catch (ProblemException refused) {
            return show(here, lifecycle.row(here.company(), id), false, refused.detail(), model);
        }
        // an external person whose last role went is no longer in this company's table
        try {
            lifecycle.row(here.company(), id);
            return "redirect:/companies/" + companyId + "/users/" + id;
        } catch (ProblemException gone) {
            return "redirect:/companies/" + companyId + "/users";
        }
    }

    /** The role picker's options for the company chosen in "New role", for htmx to swap in. */
    @GetMapping("/role-options")
    String roleOptions(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestParam(required = false) String roleCompanyId, java.util.Locale locale, Model model) {
        guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        String chosen = roleCompanyId == null || roleCompanyId.isBlank() ? companyId : roleCompanyId;
        model.addAttribute("roleOptions", roleChoices.grantable(caller, tenancy.company(new CompanyId(chosen)), locale));
        model.addAttribute("selectedRole", "MEMBER");
        model.addAttribute("noRole", false);
        return "partner/fragments :: roleOptions";
    }

    private String show(CompanyAccess access, UserRow user, boolean created, String error, Model model) {
        model.addAttribute("companyId", access.company().value());
        model.addAttribute("user", user);
        model.addAttribute("pendingEmail", user.external() ? null : lifecycle.pendingEmail(access.company(), user.id()).orElse(null));
        model.addAttribute("created", created);
        model.addAttribute("error", error);
        // as the table: no change offered on a person who holds a permission the caller lacks (docs/rules.md §6)
        boolean mayChange = manageable.mayChange(access, user.id());
        model.addAttribute("canManage", mayChange);
        model.addAttribute("editable", mayChange && !user.external());
        model.addAttribute("invitation", user.external() ? null : invitations.accountSetupOf(user.id()).orElse(null));
        model.addAttribute("signInLock", signInLocks.of(user).orElse(null));
        model.addAttribute("rights", workspaces.heldBy(access, user.id()));
        Map<String, String> choices = grantCompanies(access);
        model.addAttribute("heldRoles", heldRoles(user.id(), choices));
        // the Roles section is the partner space's (fragments/user-roles): company, then its roles
        boolean canGrant = access.has(Permission.USERS_MANAGE);
        model.addAttribute("canGrant", canGrant);
        model.addAttribute("roleCompanies", choices.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue())).toList());
        model.addAttribute("roleCompanyId", access.company().value());
        model.addAttribute("roleOptionsUrl", "/companies/" + access.company().value() + "/users/" + user.id() + "/role-options");
        model.addAttribute("roleOptions", canGrant ? roleChoices.grantable(access.caller(),
                tenancy.company(access.company()), LocaleContextHolder.getLocale()) : List.of());
        return "users/profile";
    }

    /** This company first, then the other companies where the caller manages users. */
    private Map<String, String> grantCompanies(CompanyAccess access) {
        Map<String, String> companies = new LinkedHashMap<>();
        companies.put(access.company().value(), tenancy.company(access.company()).name());
        for (var standing : overview.of(access.caller()).companies()) {
            if (standing.permissions().contains(Permission.USERS_MANAGE)) {
                companies.putIfAbsent(standing.companyId(), standing.name());
            }
        }
        return companies;
    }

    /** The person's roles in the companies the caller may see here. */
    private List<HeldRole> heldRoles(String accountId, Map<String, String> companies) {
        List<HeldRole> held = new ArrayList<>();
        companies.forEach((companyId, name) -> {
            CompanyId company = new CompanyId(companyId);
            for (String roleId : assignments.roleIdsOf(company, accountId)) {
                held.add(new HeldRole(companyId, name, roleId, roles.find(company, roleId)
                        .map(role -> roleLabels.name(role, LocaleContextHolder.getLocale())).orElse(roleId)));
            }
        });
        return held;
    }
}
