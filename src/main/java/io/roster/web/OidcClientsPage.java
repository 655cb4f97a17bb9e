package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.oidc.ClientRequest;
import io.roster.oidc.IssuedClient;
import io.roster.oidc.OidcClients;
import io.roster.shared.ProblemException;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's page of the apps that sign people in through Roster: list, register, edit the
 * redirect URIs, rotate a secret, delete. A new secret is shown on the page that answers the
 * registration or the rotation, once: it is never put in the session or a redirect.
 */
@Controller
class OidcClientsPage {

    private static final String PAGE = "/admin/oidc-clients";

    private final Guard guard;
    private final OidcClients clients;

    OidcClientsPage(Guard guard, OidcClients clients) {
        this.guard = guard;
        this.clients = clients;
    }

    @GetMapping(PAGE)
    String list(@AuthenticationPrincipal Caller caller, Model model) {
        guard.requireOperator(caller);
        return page(model, null, null);
    }

    @PostMapping(PAGE)
    String register(@AuthenticationPrincipal Caller caller, @RequestParam String name,
            @RequestParam(defaultValue = "") String redirectUris, @RequestParam(defaultValue = "") String postLogoutRedirectUris,
            @RequestParam(defaultValue = "false") boolean confidential, Model model) {
        guard.requireOperator(caller);
        try {
            IssuedClient issued = clients.register(new ClientRequest(name, lines(redirectUris),
                    lines(postLogoutRedirectUris), confidential), caller.accountId());
            return page(model, issued, null);
        } catch (ProblemException refused) {
            return page(model, null, refused.detail());
        }
    }

    @PostMapping(PAGE + "/{clientId}/redirect-uris")
    String editUris(@AuthenticationPrincipal Caller caller, @PathVariable String clientId,
            @RequestParam(defaultValue = "") String redirectUris,
            @RequestParam(defaultValue = "") String postLogoutRedirectUris, Model model, RedirectAttributes redirect) {
        guard.requireOperator(caller);
        try {
            clients.update(clientId, new ClientRequest(null, lines(redirectUris), lines(postLogoutRedirectUris), null),
                    caller.accountId());
        } catch (ProblemException refused) {
            return page(model, null, refused.detail());
        }
        return "redirect:" + PAGE;
    }

    @PostMapping(PAGE + "/{clientId}/rotate-secret")
    String rotate(@AuthenticationPrincipal Caller caller, @PathVariable String clientId, Model model) {
        guard.requireOperator(caller);
        try {
            return page(model, clients.rotateSecret(clientId, caller.accountId()), null);
        } catch (ProblemException refused) {
            return page(model, null, refused.detail());
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

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
