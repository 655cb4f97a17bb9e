package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.OwnPassword;
import io.roster.access.ConsoleSignIn;
import io.roster.access.Passkeys;
import io.roster.access.SecondFactors;
import io.roster.access.SecondStep;
import io.roster.access.SecurityPolicy;
import io.roster.tenancy.Tenancy;
import org.springframework.security.core.context.SecurityContextHolder;
import io.roster.shared.Problems;
import io.roster.users.OwnProfile;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's own profile (docs/rules.md §17): names, password, language and how to be
 * notified. Only the caller's own account is reachable here.
 */
@Controller
@RequestMapping("/profile")
class ProfilePage {

    private static final String BACK = "redirect:/profile";

    private final Recipients recipients;
    private final OwnProfile profile;
    private final OwnPassword ownPassword;
    private final LocaleResolver localeResolver;
    private final Refusals refusals;
    private final SecondFactors factors;
    private final ConsoleSignIn signIn;
    private final Passkeys passkeys;
    private final SecurityPolicy policy;
    private final Tenancy tenancy;

    ProfilePage(Recipients recipients, OwnProfile profile, OwnPassword ownPassword, LocaleResolver localeResolver, Refusals refusals,
            SecondFactors factors, ConsoleSignIn signIn, Passkeys passkeys, SecurityPolicy policy, Tenancy tenancy) {
        this.policy = policy;
        this.tenancy = tenancy;
        this.passkeys = passkeys;
        this.factors = factors;
        this.signIn = signIn;
        this.recipients = recipients;
        this.profile = profile;
        this.ownPassword = ownPassword;
        this.localeResolver = localeResolver;
        this.refusals = refusals;
    }

    @GetMapping
    String show(@AuthenticationPrincipal Caller caller, Model model) {
        Recipient me = me(caller);
        model.addAttribute("me", me);
        model.addAttribute("userId", caller.userId());
        if (!model.containsAttribute("firstName")) {
            model.addAttribute("firstName", me.firstName());
            model.addAttribute("lastName", me.lastName());
        }
        model.addAttribute("mfa", factors.status(caller.accountId()));
        model.addAttribute("passkeys", passkeys.list(caller.accountId()));
        boolean enrolmentDue = SecondStep.enrolmentDue(SecurityContextHolder.getContext().getAuthentication());
        model.addAttribute("enrolmentDue", enrolmentDue);
        if (enrolmentDue) {
            // "your company" only for one's own: partner staff are told which client company asks it
            policy.enrolmentRequiredBy(caller.accountId())
                    .filter(company -> !company.value().equals(caller.homeCompanyId()))
                    .flatMap(tenancy::findCompany)
                    .ifPresent(company -> model.addAttribute("enrolmentCompany", company.name()));
        }
        return "admin/profile";
    }

    /** A secret for an authenticator app, shown once (QR code and text) until its first code confirms it. */
    @PostMapping("/mfa/totp")
    String startTotp(@AuthenticationPrincipal Caller caller, Locale locale, RedirectAttributes redirect) {
        Recipient me = me(caller);
        refusals.attempt(locale, redirect, "mfa.profile.scan",
                () -> redirect.addFlashAttribute("totpSetup", factors.startTotp(caller, me.email())));
        return BACK + "#mfa-title";
    }

    @PostMapping("/mfa/totp/confirm")
    String confirmTotp(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        if (refusals.attempt(locale, redirect, "mfa.profile.enrolled", () -> redirect.addFlashAttribute("recoveryCodes",
                factors.confirmTotp(caller, code, request.getRemoteAddr())))) {
            // a session that had to enrol before going further may now go on
            signIn.enrolled(request, response);
        }
        return BACK + "#mfa-title";
    }

    @PostMapping("/mfa/totp/remove")
    String removeTotp(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String code,
            HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        refusals.attempt(locale, redirect, "mfa.profile.removed",
                () -> factors.removeTotp(caller, code, request.getRemoteAddr()));
        return BACK + "#mfa-title";
    }

    /**
     * Where the page's script goes once Spring Security registered a new passkey: a session that had
     * to enrol before going further may now go on (only when the account does hold a factor now).
     */
    @GetMapping("/mfa/passkeys/added")
    String passkeyAdded(HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        signIn.enrolled(request, response);
        redirect.addFlashAttribute("notice", "mfa.profile.passkeyAdded");
        return BACK + "#passkeys-title";
    }

    @PostMapping("/mfa/passkeys/{id}/remove")
    String removePasskey(@AuthenticationPrincipal Caller caller, @org.springframework.web.bind.annotation.PathVariable String id,
            Locale locale, RedirectAttributes redirect) {
        refusals.attempt(locale, redirect, "mfa.profile.passkeyRemoved", () -> passkeys.remove(caller, id));
        return BACK + "#passkeys-title";
    }

    @PostMapping("/mfa/recovery-codes")
    String renewRecoveryCodes(@AuthenticationPrincipal Caller caller, Locale locale, RedirectAttributes redirect) {
        refusals.attempt(locale, redirect, "mfa.profile.codesRenewed",
                () -> redirect.addFlashAttribute("recoveryCodes", factors.renewRecoveryCodes(caller)));
        return BACK + "#mfa-title";
    }

    @PostMapping("/names")
    String names(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName, Locale locale, RedirectAttributes redirect) {
        if (!refusals.attempt(locale, redirect, "admin.profile.namesSaved",
                () -> profile.updateOwnNames(caller.accountId(), firstName, lastName))) {
            redirect.addFlashAttribute("firstName", firstName);
            redirect.addFlashAttribute("lastName", lastName);
        }
        return BACK;
    }

    @PostMapping("/password")
    String password(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmation,
            HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        if (!Objects.equals(newPassword, confirmation)) {
            redirect.addFlashAttribute("errorKey", "admin.profile.password.mismatch");
            return BACK;
        }
        refusals.attempt(locale, redirect, "admin.profile.passwordChanged",
                () -> ownPassword.change(caller, currentPassword, newPassword, request.getRemoteAddr()));
        return BACK;
    }

    /** Saves the language and switches the console to it at once (its {@code roster-lang} cookie). */
    @PostMapping("/language")
    String language(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String language,
            HttpServletRequest request, HttpServletResponse response, Locale locale, RedirectAttributes redirect) {
        Recipient me = me(caller);
        if (refusals.attempt(locale, redirect, "admin.profile.languageSaved",
                () -> profile.updatePreferences(caller.accountId(), language, me.notifyInApp(), me.notifyEmail()))) {
            localeResolver.setLocale(request, response, Locale.forLanguageTag(language));
        }
        return BACK;
    }

    @PostMapping("/notifications")
    String notifications(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "false") boolean inApp,
            @RequestParam(defaultValue = "false") boolean email, Locale locale, RedirectAttributes redirect) {
        Recipient me = me(caller);
        refusals.attempt(locale, redirect, "admin.profile.notificationsSaved",
                () -> profile.updatePreferences(caller.accountId(), me.locale(), inApp, email));
        return BACK;
    }

    private Recipient me(Caller caller) {
        return recipients.recipient(caller.accountId()).orElseThrow(() -> new Problems.NotFound("No account"));
    }
}
