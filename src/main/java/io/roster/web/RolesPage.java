package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.ProvisioningSettings;
import io.roster.access.Role;
import io.roster.access.RoleDeletion;
import io.roster.access.Roles;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.util.List;
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
 * A company's roles (docs/rules.md §6): everyone with standing sees the built-in and custom roles with
 * their permissions; {@code roles.manage} creates custom roles and edits them.
 */
@Controller
@RequestMapping("/companies/{companyId}/roles")
class RolesPage {

    private final Guard guard;
    private final Roles roles;
    private final RoleDeletion deletion;
    private final Refusals refusals;
    private final ProvisioningSettings provisioning;

    RolesPage(Guard guard, Roles roles, RoleDeletion deletion, Refusals refusals, ProvisioningSettings provisioning) {
        this.deletion = deletion;
        this.guard = guard;
        this.roles = roles;
        this.refusals = refusals;
        this.provisioning = provisioning;
    }

    @GetMapping
    String list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Model model) {
        CompanyAccess access = guard.requireMember(caller, new CompanyId(companyId));
        model.addAttribute("companyId", companyId);
        model.addAttribute("roles", roles.of(access.company()));
        model.addAttribute("canManage", access.has(Permission.ROLES_MANAGE));
        model.addAttribute("permissions", Permission.values());
        boolean canProvision = access.has(Permission.ROLES_MANAGE) && access.has(Permission.USERS_MANAGE);
        model.addAttribute("canProvision", canProvision);
        if (canProvision) {
            model.addAttribute("provisioning", provisioning.of(access.company()));
        }
        model.addAttribute("holders", roles.holders(access.company()));
        return "admin/roles";
    }

    /**
     * What the company gives the people its directory provisions through SCIM: their role and
     * whether their activation mails the invitation (docs/rules.md §19).
     */
    @PostMapping("/provisioning")
    String provisioning(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String defaultRoleId,
            @RequestParam(defaultValue = "false") boolean inviteProvisioned, Locale locale, RedirectAttributes redirect) {
        CompanyId company = new CompanyId(companyId);
        guard.requireCompany(caller, company, Permission.USERS_MANAGE);
        CompanyAccess access = guard.requireCompany(caller, company, Permission.ROLES_MANAGE);
        try {
            refusals.attempt(locale, redirect, "admin.provisioning.saved",
                    () -> provisioning.change(access, defaultRoleId, inviteProvisioned));
        } catch (Problems.Forbidden tooWide) {
            redirect.addFlashAttribute("error", refusals.of(tooWide, locale));
        }
        return "redirect:/companies/" + companyId + "/roles";
    }

    @PostMapping
    String create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String name,
            @RequestParam(name = "permissions", required = false) List<String> permissions, Locale locale,
            RedirectAttributes redirect) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE);
        List<String> chosen = permissions == null ? List.of() : permissions;
        boolean created = refusals.attempt(locale, redirect, "admin.roles.created",
                () -> roles.create(access, name, chosen));
        if (created) {
            redirect.addFlashAttribute("noticeArg", name == null ? null : name.trim());
        } else {
            redirect.addFlashAttribute("name", name);
            redirect.addFlashAttribute("chosen", chosen);
        }
        return "redirect:/companies/" + companyId + "/roles";
    }

    /** Deletes a custom role nobody holds; the page offers it only for those. */
    @PostMapping("/{roleId}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String roleId,
            Locale locale, RedirectAttributes redirect) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE);
        String name = roles.find(access.company(), roleId).map(Role::name).orElse(roleId);
        if (refusals.attempt(locale, redirect, "admin.roles.deleted", () -> deletion.deleteUnused(access, roleId))) {
            redirect.addFlashAttribute("noticeArg", name);
        }
        return "redirect:/companies/" + companyId + "/roles";
    }

    @GetMapping("/{roleId}")
    String edit(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String roleId,
            Model model) {
        CompanyId company = guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE).company();
        Role role = roles.find(company, roleId).orElseThrow(() -> new Problems.NotFound("No role " + roleId));
        model.addAttribute("companyId", companyId);
        model.addAttribute("role", role);
        model.addAttribute("permissions", Permission.values());
        if (!model.containsAttribute("chosen")) {
            model.addAttribute("name", role.name());
            model.addAttribute("chosen", role.permissions().stream().map(Permission::code).toList());
        }
        return "admin/role";
    }

    @PostMapping("/{roleId}")
    String update(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String roleId,
            @RequestParam(required = false) String name,
            @RequestParam(name = "permissions", required = false) List<String> permissions, Locale locale,
            RedirectAttributes redirect) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE);
        List<String> chosen = permissions == null ? List.of() : permissions;
        try {
            boolean saved = refusals.attempt(locale, redirect, "admin.roles.updated",
                    () -> roles.update(access.company(), roleId, name, chosen, access));
            if (saved) {
                redirect.addFlashAttribute("noticeArg", name.trim());
                return "redirect:/companies/" + companyId + "/roles";
            }
        } catch (Problems.Forbidden tooWide) {
            // the role would carry permissions the editor lacks: a refusal to read, not a 403 page
            redirect.addFlashAttribute("error", refusals.of(tooWide, locale));
        }
        redirect.addFlashAttribute("name", name);
        redirect.addFlashAttribute("chosen", chosen);
        return "redirect:/companies/" + companyId + "/roles/" + roleId;
    }
}
