package io.roster.web;

import io.roster.invitations.InvitationKind;
import io.roster.invitations.Invitations;
import io.roster.shared.ProblemException;
import io.roster.access.Caller;
import io.roster.access.ConsoleSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a mailed link opens: it says who invited whom to what, lets the person set a password
 * or confirm an email, and for a used, replaced, revoked or expired link explains the way forward.
 */
@Controller
class InvitationPages {

    private final Invitations invitations;
    private final WorkspaceLinkPages workspaceLinks;
    private final ConsoleSessions sessions;

    private final Refusals refusals;

    InvitationPages(Invitations invitations, WorkspaceLinkPages workspaceLinks, ConsoleSessions sessions,
            Refusals refusals) {
        this.refusals = refusals;
        this.invitations = invitations;
        this.sessions = sessions;
        this.workspaceLinks = workspaceLinks;
    }

    @GetMapping("/invitations/{token}")
    String open(@PathVariable String token, @AuthenticationPrincipal Caller caller, Model model) {
        var link = invitations.open(token);
        if (link.isEmpty() || !link.get().invitation().usable()) {
            model.addAttribute("state", link.map(view -> view.invitation().state().name()).orElse("UNKNOWN"));
            return "link-unusable";
        }
        if (link.get().invitation().kind() == InvitationKind.WORKSPACE) {
            return workspaceLinks.show(token, caller, model);
        }
        model.addAttribute("link", link.get());
        model.addAttribute("token", token);
        return "link";
    }

    @PostMapping("/invitations/{token}")
    String use(@PathVariable String token, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation, @RequestParam(required = false) String userId,
            @RequestParam(required = false) String firstName, @RequestParam(required = false) String lastName,
            Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        var link = invitations.open(token);
        if (link.isEmpty() || !link.get().invitation().usable()) {
            model.addAttribute("state", link.map(view -> view.invitation().state().name()).orElse("UNKNOWN"));
            return "link-unusable";
        }
        if (link.get().invitation().kind() == InvitationKind.WORKSPACE) {
            return workspaceLinks.createAccount(token, userId, firstName, lastName, password, confirmation,
                    locale.getLanguage().equals("fr") ? "fr" : "en", model);
        }
        try {
            if (link.get().invitation().kind() == InvitationKind.EMAIL_CHANGE) {
                invitations.confirmEmail(token);
                model.addAttribute("done", "link.done.email");
                return "link-done";
            }
            if (link.get().invitation().kind() == InvitationKind.EMAIL_CHANGE_CANCEL) {
                invitations.cancelEmailChange(token);
                model.addAttribute("done", "link.done.emailCancel");
                return "link-done";
            }
            if (!Objects.equals(password, confirmation)) {
                return again(model, link.get(), token, "mismatch", null);
            }
            invitations.setPassword(token, password);
            // the person just proved who they are: no need to type it all again on the sign-in page
            boolean signedIn = sessions.signIn(link.get().invitation().email(), password, request, response);
            model.addAttribute("done", signedIn ? "link.done.passwordSignedIn" : "link.done.password");
            model.addAttribute("signedInNow", signedIn);
            return "link-done";
        } catch (Invitations.LinkRefused refused) {
            model.addAttribute("state", refused.state() == null ? "UNKNOWN" : refused.state().name());
            return "link-unusable";
        } catch (ProblemException invalid) {
            // the password policy's refusal, worded in the page's language
            return again(model, link.get(), token, null,
                    refusals.of(invalid, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
    }

    private static String again(Model model, Invitations.LinkView link, String token, String errorKey, String errorText) {
        model.addAttribute("link", link);
        model.addAttribute("token", token);
        model.addAttribute("errorKey", errorKey);
        model.addAttribute("errorText", errorText);
        return "link";
    }
}
