package io.roster.web;

import io.roster.access.Caller;
import io.roster.invitations.Invitations;
import io.roster.invitations.WorkspaceInvitations;
import io.roster.shared.ProblemException;
import io.roster.users.NewStaff;
import java.util.Objects;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Accepting a workspace invitation: as the existing account of the invited email (after signing
 * in: {@code /accept} requires a session, so sign-in brings the person back here), or by creating a
 * self-managed account on the link's page.
 */
@Controller
class WorkspaceLinkPages {

    private final WorkspaceInvitations invitations;

    private final Refusals refusals;


    WorkspaceLinkPages(WorkspaceInvitations invitations, Refusals refusals) {

        this.refusals = refusals;
        this.invitations = invitations;
    }

    /** Shown by {@link InvitationPages} for WORKSPACE links. */
    String show(String token, Caller caller, Model model) {
        var link = invitations.open(token).orElseThrow();
        model.addAttribute("link", link);
        model.addAttribute("token", token);
        model.addAttribute("signedIn", caller != null);
        return "workspace-link";
    }

    @GetMapping("/invitations/{token}/accept")
    String confirm(@PathVariable String token, @AuthenticationPrincipal Caller caller, Model model) {
        var link = invitations.open(token);
        if (link.isEmpty() || !link.get().invitation().usable()) {
            model.addAttribute("state", link.map(view -> view.invitation().state().name()).orElse("UNKNOWN"));
            return "link-unusable";
        }
        return show(token, caller, model);
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(@PathVariable String token, @AuthenticationPrincipal Caller caller, Model model) {
        try {
            invitations.acceptAs(caller, token);
            model.addAttribute("done", "workspace.link.done.joined");
            return "link-done";
        } catch (Invitations.LinkRefused refused) {
            model.addAttribute("state", refused.state() == null ? "UNKNOWN" : refused.state().name());
            return "link-unusable";
        } catch (ProblemException refused) {
            model.addAttribute("errorText", refusals.ofTypeOr(refused, LocaleContextHolder.getLocale(), refused.detail()));
            return show(token, caller, model);
        }
    }

    /** The self-managed account form of the link's page. */
    String createAccount(String token, String userId, String firstName, String lastName, String password,
            String confirmation, String locale, Model model) {
        model.addAttribute("userId", userId);
        model.addAttribute("firstName", firstName);
        model.addAttribute("lastName", lastName);
        if (!Objects.equals(password, confirmation)) {
            model.addAttribute("errorKey", "link.password.mismatch");
            return show(token, null, model);
        }
        try {
            invitations.acceptWithNewAccount(token, new NewStaff(userId, firstName, lastName, null, password, true, locale));
            model.addAttribute("done", "workspace.link.done.created");
            return "link-done";
        } catch (Invitations.LinkRefused refused) {
            model.addAttribute("state", refused.state() == null ? "UNKNOWN" : refused.state().name());
            return "link-unusable";
        } catch (ProblemException refused) {
            model.addAttribute("errorText", refusals.of(refused, LocaleContextHolder.getLocale()));
            return show(token, null, model);
        }
    }
}
