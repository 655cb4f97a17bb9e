package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.SecondFactors;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Reset second factors" on a company's user page (docs/rules.md §21): the console's form of
 * {@code DELETE /api/v1/companies/{companyId}/users/{id}/mfa}, under the same rules: users.manage
 * in the company, the company's own users only, and only someone who outranks the person. The
 * person's app, passkeys and recovery codes are removed; they are mailed, the reset is audited.
 */
@Controller
class UserSecondFactorsReset {

    private final Guard guard;
    private final UserLifecycle lifecycle;
    private final SecondFactors factors;
    private final Refusals refusals;
    private final MessageSource messages;

    UserSecondFactorsReset(Guard guard, UserLifecycle lifecycle, SecondFactors factors, Refusals refusals,
            MessageSource messages) {
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.factors = factors;
        this.refusals = refusals;
        this.messages = messages;
    }

    @PostMapping("/companies/{companyId}/users/{id}/mfa/reset")
    String reset(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestParam(required = false) String back, Locale locale, RedirectAttributes redirect) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        UserRow row = lifecycle.row(access.company(), id);
        if (row.external()) {
            throw new Problems.Forbidden("external-user", "This is an external user: only the company that owns the"
                    + " account resets its second factor");
        }
        try {
            guard.requireOutranks(access, row.id());
            factors.reset(access.company(), row.id(), caller.accountId());
            Flash.done(redirect, messages.getMessage("users.mfaReset.done", null, locale));
        } catch (ProblemException refused) {
            Flash.warn(redirect, refusals.of(refused, locale));
        }
        String to = "profile".equals(back) ? null : UserRowActions.safe(back);
        return "redirect:" + (to != null ? to : "/companies/" + companyId + "/users/" + id);
    }
}
