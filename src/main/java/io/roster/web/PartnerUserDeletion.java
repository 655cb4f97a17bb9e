package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Permission;
import io.roster.shared.ProblemException;
import io.roster.users.UserLifecycle;
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
 * Deleting a user, in two steps: a page that says what goes, then the deletion. An ACTIVE user is
 * refused with the reason (deactivate first, docs/rules.md §3) and the page offers to deactivate.
 */
@Controller
@RequestMapping("/partners/{partnerId}/companies/{companyId}/users/{id}/delete")
class PartnerUserDeletion {

    private final PartnerUserTarget targets;
    private final UserLifecycle lifecycle;
    private final Refusals wording;
    private final MessageSource messages;

    PartnerUserDeletion(PartnerUserTarget targets, UserLifecycle lifecycle, Refusals wording,
            MessageSource messages) {
        this.targets = targets;
        this.lifecycle = lifecycle;
        this.wording = wording;
        this.messages = messages;
    }

    @GetMapping
    String confirm(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, @PathVariable String id, @RequestParam(required = false) String back,
            Model model) {
        var target = targets.resolveToChange(caller, partnerId, companyId, id);
        return show(target, back, Map.of(), model);
    }

    /** {@code version} is the row the person confirmed: a row changed since is not deleted blindly. */
    @PostMapping
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, @PathVariable String id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String back, Locale locale, Model model, RedirectAttributes redirect) {
        var target = targets.resolveToChange(caller, partnerId, companyId, id);
        try {
            lifecycle.delete(target.company().id(), id, version);
        } catch (ProblemException refused) {
            var fresh = targets.resolve(caller, partnerId, companyId, id, Permission.USERS_MANAGE);
            return show(fresh, back, Map.of("form", wording.partner(refused, target.label(), locale)), model);
        }
        Flash.done(redirect, messages.getMessage("partner.users.deleted", new Object[] {target.label()}, locale));
        String to = PartnerUserTarget.back(target, back);
        return "redirect:" + (to.equals(target.profileUrl()) ? target.listUrl() : to);
    }

    private static String show(PartnerUserTarget.Target target, String back, Map<String, String> errors, Model model) {
        model.addAttribute("partner", target.partner());
        model.addAttribute("company", target.company());
        model.addAttribute("row", target.row());
        model.addAttribute("label", target.label());
        model.addAttribute("back", back);
        model.addAttribute("cancelUrl", PartnerUserTarget.back(target, back));
        model.addAttribute("errors", errors);
        return "partner/user-delete";
    }
}
