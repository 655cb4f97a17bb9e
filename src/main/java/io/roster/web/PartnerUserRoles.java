package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Permission;
import io.roster.access.Role;
import io.roster.shared.ProblemException;
import io.roster.tenancy.Company;
import io.roster.tenancy.Partner;
import java.util.Locale;
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
 * "New role" (seed 004): a role in a chosen attached company, also one the person's own company is
 * not (the person then shows there as external); and removing a role.
 */
@Controller
class PartnerUserRoles {

    private static final String USER = "/partners/{partnerId}/companies/{companyId}/users/{id}";

    private final PartnerUserTarget targets;
    private final PartnerSpace space;
    private final PartnerRoleChoices choices;
    private final Refusals wording;
    private final RoleLabels roleLabels;
    private final MessageSource messages;

    PartnerUserRoles(PartnerUserTarget targets, PartnerSpace space, PartnerRoleChoices choices, Refusals wording,
            RoleLabels roleLabels, MessageSource messages) {
        this.roleLabels = roleLabels;
        this.targets = targets;
        this.space = space;
        this.choices = choices;
        this.wording = wording;
        this.messages = messages;
    }

    @PostMapping(USER + "/roles")
    String grant(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId, @PathVariable String companyId,
            @PathVariable String id, @RequestParam(required = false) String roleCompanyId,
            @RequestParam(required = false) String roleId, Locale locale, RedirectAttributes redirect) {
        var target = targets.resolve(caller, partnerId, companyId, id, Permission.USERS_READ);
        Company in = space.attached(target.partner(), roleCompanyId);
        try {
            Role role = choices.grant(caller, in, id, roleId);
            Flash.done(redirect, text("partner.roles.granted", locale, roleLabels.name(role, locale), target.label(), in.name()));
        } catch (ProblemException refused) {
            Flash.refused(redirect, wording.partner(refused, target.label(), locale));
        }
        return "redirect:" + target.profileUrl();
    }

    @PostMapping(USER + "/roles/remove")
    String revoke(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, @PathVariable String id, @RequestParam(required = false) String roleCompanyId,
            @RequestParam(required = false) String roleId, Locale locale, RedirectAttributes redirect) {
        var target = targets.resolve(caller, partnerId, companyId, id, Permission.USERS_READ);
        Company in = space.attached(target.partner(), roleCompanyId);
        try {
            choices.revoke(caller, in, id, roleId);
            Flash.done(redirect, text("partner.roles.removed", locale, target.label(), in.name()));
        } catch (ProblemException refused) {
            Flash.refused(redirect, wording.partner(refused, target.label(), locale));
        }
        return "redirect:" + target.profileUrl();
    }

    /** The role picker's options for a company, for htmx to swap in when the company changes. */
    @GetMapping("/partners/{partnerId}/role-options")
    String options(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String companyId, @RequestParam(required = false) String roleCompanyId,
            @RequestParam(required = false) boolean noRole, Locale locale, Model model) {
        Partner partner = space.open(caller, partnerId);
        Company company = space.attached(partner, companyId != null ? companyId : roleCompanyId);
        model.addAttribute("roleOptions", choices.grantable(caller, company, locale));
        model.addAttribute("selectedRole", "MEMBER");
        model.addAttribute("noRole", noRole);
        return "partner/fragments :: roleOptions";
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
