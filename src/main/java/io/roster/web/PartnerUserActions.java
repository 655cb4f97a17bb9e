package io.roster.web;

import io.roster.access.Caller;
import io.roster.invitations.Invitations;
import io.roster.shared.ProblemException;
import io.roster.users.ActivationOutcome;
import io.roster.users.UserLifecycle;
import io.roster.users.ValidationTexts;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lifecycle buttons of a user row (docs/rules.md §3, §7): activate (the validation result shows at
 * once), deactivate, invite. Each answers with a redirect to where the person was, carrying the
 * outcome; htmx follows it and swaps the table in place.
 */
@Controller
@RequestMapping("/partners/{partnerId}/companies/{companyId}/users/{id}")
class PartnerUserActions {

    private final PartnerUserTarget targets;
    private final UserLifecycle lifecycle;
    private final Invitations invitations;
    private final Refusals wording;
    private final MessageSource messages;
    private final ValidationTexts validation;
    private final DraftNotices drafts;

    PartnerUserActions(PartnerUserTarget targets, UserLifecycle lifecycle, Invitations invitations,
            Refusals wording, MessageSource messages, ValidationTexts validation, DraftNotices drafts) {
        this.validation = validation;
        this.drafts = drafts;
        this.targets = targets;
        this.lifecycle = lifecycle;
        this.invitations = invitations;
        this.wording = wording;
        this.messages = messages;
    }

    @PostMapping("/activate")
    String activate(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, @PathVariable String id, @RequestParam(required = false) String back,
            Locale locale, RedirectAttributes redirect) {
        var target = targets.resolveToChange(caller, partnerId, companyId, id);
        try {
            ActivationOutcome outcome = lifecycle.activate(target.company().id(), id);
            if (outcome.activated()) {
                Flash.done(redirect, text("partner.users.activated", locale, target.label(),
                        validation.text(outcome.row().validationResult(), locale)));
            } else {
                drafts.flash(redirect, drafts.of(outcome.row(), target.label(), target.access(), locale));
            }
        } catch (ProblemException refused) {
            Flash.refused(redirect, wording.partner(refused, target.label(), locale));
        }
        return "redirect:" + PartnerUserTarget.back(target, back);
    }

    @PostMapping("/deactivate")
    String deactivate(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, @PathVariable String id, @RequestParam(required = false) String back,
            Locale locale, RedirectAttributes redirect) {
        var target = targets.resolveToChange(caller, partnerId, companyId, id);
        try {
            lifecycle.deactivate(target.company().id(), id);
            Flash.done(redirect, text("partner.users.deactivated", locale, target.label()));
        } catch (ProblemException refused) {
            Flash.refused(redirect, wording.partner(refused, target.label(), locale));
        }
        return "redirect:" + PartnerUserTarget.back(target, back);
    }

    /** Mails a fresh account-setup link; an earlier one stops working (docs/rules.md §9). */
    @PostMapping("/invite")
    String invite(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, @PathVariable String id, @RequestParam(required = false) String back,
            Locale locale, RedirectAttributes redirect) {
        var target = targets.resolveToChange(caller, partnerId, companyId, id);
        try {
            if (target.row().external()) {
                throw new io.roster.shared.Problems.Forbidden("external-user",
                        "This is an external user: their own company invites them");
            }
            invitations.sendAccountSetup(target.company().id(), id, caller.accountId());
            Flash.done(redirect, text("partner.users.invited", locale, target.label(), target.row().email()));
        } catch (ProblemException refused) {
            Flash.refused(redirect, wording.partner(refused, target.label(), locale));
        }
        return "redirect:" + PartnerUserTarget.back(target, back);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
