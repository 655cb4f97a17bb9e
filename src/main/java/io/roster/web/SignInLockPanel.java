package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.SignInThrottle;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's sign-in lock on their profile, in the console and in the partner space: locked until
 * when, and "Unlock sign-in" for whoever manages users. The same rule and service as
 * {@code GET/DELETE …/users/{id}/sign-in-lock}: only the company that owns the account clears its
 * lock, and the clear is audited there.
 */
@Controller
class SignInLockPanel {

    private final SignInThrottle throttle;
    private final Guard guard;
    private final UserLifecycle lifecycle;
    private final PartnerUserTarget targets;
    private final MessageSource messages;

    SignInLockPanel(SignInThrottle throttle, Guard guard, UserLifecycle lifecycle, PartnerUserTarget targets,
            MessageSource messages) {
        this.throttle = throttle;
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.targets = targets;
        this.messages = messages;
    }

    /** A lockout in force: until when (UTC) and after how many failed sign-ins. */
    record LockView(ZonedDateTime until, int failures) {
    }

    /** The person's lockout, when their account is locked out (a delay between attempts is not shown). */
    Optional<LockView> of(UserRow row) {
        if (row.external()) {
            return Optional.empty();
        }
        return throttle.lockOf(row.id()).filter(SignInThrottle.Lock::locked)
                .map(lock -> new LockView(lock.lockedUntil().atZone(ZoneOffset.UTC), lock.failures()));
    }

    @PostMapping("/companies/{companyId}/users/{id}/sign-in-lock/clear")
    String clear(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            Locale locale, RedirectAttributes redirect) {
        CompanyId company = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE).company();
        clear(caller, lifecycle.row(company, id), locale, redirect);
        return "redirect:/companies/" + companyId + "/users/" + id;
    }

    @PostMapping("/partners/{partnerId}/companies/{companyId}/users/{id}/sign-in-lock/clear")
    String clearInPartnerSpace(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String companyId, @PathVariable String id, Locale locale, RedirectAttributes redirect) {
        var target = targets.resolve(caller, partnerId, companyId, id, Permission.USERS_MANAGE);
        clear(caller, target.row(), locale, redirect);
        return "redirect:" + target.profileUrl();
    }

    private void clear(Caller caller, UserRow row, Locale locale, RedirectAttributes redirect) {
        if (row.external()) {
            throw new Problems.Forbidden("This is an external user: only the company that owns the account manages its sign-in");
        }
        throttle.clearBy(row.homeCompanyId(), row.id(), caller.accountId());
        Flash.done(redirect, messages.getMessage("users.signInLock.cleared", null, locale));
    }
}
