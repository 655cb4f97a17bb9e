package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.oidc.ClientRequest;
import io.roster.oidc.IssuedClient;
import io.roster.oidc.OidcClients;
import io.roster.shared.FieldError;
import io.roster.shared.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's page of the apps that sign people in through Roster: list, register, edit the
 * redirect URIs and what signs the ID tokens, rotate a secret, delete. A new secret is shown on the page that answers the
 * registration or the rotation, once: it is never put in the session or a redirect.
 */
@Controller
class OidcClientsPage {

    private static final String PAGE = "/admin/oidc-clients";

    private final Guard guard;
    private final OidcClients clients;
    private final Refusals refusals;

    OidcClientsPage(Guard guard, OidcClients clients, Refusals refusals) {
        this.guard = guard;
        this.clients = clients;
        this.refusals = refusals;
    }

    @GetMapping(PAGE)
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        guard.requireOperator(caller);
        return page(model, null, null);
    }

    @PostMapping(PAGE)
    String register(@AuthenticationPrincipal Caller caller, @RequestParam String name,
            @RequestParam(defaultValue = "") String redirectUris, @RequestParam(defaultValue = "") String postLogoutRedirectUris,
            @RequestParam(defaultValue = "false") boolean confidential,
            @RequestParam(required = false) String idTokenSignedResponseAlg, Locale locale, Model model) {
        guard.requireOperator(caller);
        try {
            IssuedClient issued = clients.register(new ClientRequest(name, lines(redirectUris),
                    lines(postLogoutRedirectUris), confidential, idTokenSignedResponseAlg), caller.accountId());
            return page(model, issued, null);
        } catch (ProblemException refused) {
            return page(model, null, words(refused, locale));
        }
    }

    /** The edit form of one client: its URIs and what signs its ID tokens. */
    @PostMapping(PAGE + "/{clientId}/redirect-uris")
    String editUris(@AuthenticationPrincipal Caller caller, @PathVariable String clientId,
            @RequestParam(defaultValue = "") String redirectUris,
            @RequestParam(defaultValue = "") String postLogoutRedirectUris,
            @RequestParam(required = false) String idTokenSignedResponseAlg, Locale locale, Model model) {
        guard.requireOperator(caller);
        try {
            clients.update(clientId, new ClientRequest(null, lines(redirectUris), lines(postLogoutRedirectUris), null,
                    idTokenSignedResponseAlg), caller.accountId());
        } catch (ProblemException refused) {
            return page(model, null, words(refused, locale));
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{clientId}/rotate-secret")
    String rotate(@AuthenticationPrincipal Caller caller, @PathVariable String clientId, Locale locale,
            Model model) {
        guard.requireOperator(caller);
        try {
            return page(model, clients.rotateSecret(clientId, caller.accountId()), null);
        } catch (ProblemException refused) {
            return page(model, null, words(refused, locale));
        }
    }

    @PostMapping(PAGE + "/{clientId}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable String clientId) {
        guard.requireOperator(caller);
        clients.delete(clientId, caller.accountId());
        return "redirect:" + PAGE;
    }

    private String page(Model model, IssuedClient issued, String error) {
        model.addAttribute("clients", clients.list());
        model.addAttribute("issued", issued);
        model.addAttribute("error", error);
        return "admin/oidc-clients";
    }

    /**
     * A refusal in the page's language when the module coded it (the ID token's algorithm); the
     * redirect URIs' refusals keep the module's detail, which quotes the URI refused.
     */
    private String words(ProblemException refused, Locale locale) {
        return refused.errors().stream().anyMatch(FieldError::coded) ? refusals.of(refused, locale) : refused.detail();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
