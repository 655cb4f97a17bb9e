package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.shared.PageRequest;
import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import io.roster.webhooks.DeliveryLog;
import io.roster.webhooks.RegisteredEndpoint;
import io.roster.webhooks.WebhookEndpoint;
import io.roster.webhooks.WebhookEndpoints;
import io.roster.webhooks.WebhookEventType;
import io.roster.webhooks.WebhookScope;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The webhooks of a company (its administrators: every company permission, as the API asks) and
 * of the platform (the operator): the endpoints, registering one, changing its URL, events and
 * state, rotating its secret, deleting it, and its delivery log with redelivery (docs/rules.md §18).
 *
 * <p>A new secret (registration, rotation) is rendered in the answer to the POST itself, never
 * put in the flash attributes: those live in the session, which is stored in the database.
 */
@Controller
class WebhooksPage {

    private static final String COMPANY = "/companies/{companyId}/webhooks";
    private static final String PLATFORM = "/admin/webhooks";

    private final Guard guard;
    private final WebhookEndpoints endpoints;
    private final DeliveryLog deliveries;
    private final Refusals refusals;

    WebhooksPage(Guard guard, WebhookEndpoints endpoints, DeliveryLog deliveries, Refusals refusals) {
        this.guard = guard;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.refusals = refusals;
    }

    /** Whose endpoints a request is about, decided after authorizing, and where its pages are. */
    private record Owner(WebhookScope scope, String base) {
    }

    // --- a company's endpoints

    @GetMapping(COMPANY)
    String list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, Model model) {
        return list(company(caller, companyId), model);
    }

    @PostMapping(COMPANY)
    String register(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String enabled, Locale locale, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return register(company(caller, companyId), url, events, enabled, locale, model, redirect, response);
    }

    @GetMapping(COMPANY + "/{id}")
    String endpoint(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestParam(required = false) String cursor, Model model) {
        return endpoint(company(caller, companyId), id, cursor, model);
    }

    @PostMapping(COMPANY + "/{id}")
    String update(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String enabled, Locale locale, RedirectAttributes redirect) {
        return update(company(caller, companyId), id, url, events, enabled, locale, redirect);
    }

    @PostMapping(COMPANY + "/{id}/rotate-secret")
    String rotate(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            Model model, HttpServletResponse response) {
        return rotate(company(caller, companyId), id, model, response);
    }

    @PostMapping(COMPANY + "/{id}/delete")
    String delete(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            RedirectAttributes redirect) {
        return delete(company(caller, companyId), id, redirect);
    }

    @PostMapping(COMPANY + "/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @PathVariable String deliveryId, Locale locale, RedirectAttributes redirect) {
        return redeliver(company(caller, companyId), id, deliveryId, locale, redirect);
    }

    // --- the platform's endpoints (the operator)

    @GetMapping(PLATFORM)
    String listPlatform(@AuthenticationPrincipal Caller caller, Model model) {
        return list(platform(caller), model);
    }

    @PostMapping(PLATFORM)
    String registerPlatform(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events, @RequestParam(required = false) String enabled,
            Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return register(platform(caller), url, events, enabled, locale, model, redirect, response);
    }

    @GetMapping(PLATFORM + "/{id}")
    String endpointPlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) String cursor, Model model) {
        return endpoint(platform(caller), id, cursor, model);
    }

    @PostMapping(PLATFORM + "/{id}")
    String updatePlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @RequestParam(required = false) String url, @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String enabled, Locale locale, RedirectAttributes redirect) {
        return update(platform(caller), id, url, events, enabled, locale, redirect);
    }

    @PostMapping(PLATFORM + "/{id}/rotate-secret")
    String rotatePlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id, Model model,
            HttpServletResponse response) {
        return rotate(platform(caller), id, model, response);
    }

    @PostMapping(PLATFORM + "/{id}/delete")
    String deletePlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            RedirectAttributes redirect) {
        return delete(platform(caller), id, redirect);
    }

    @PostMapping(PLATFORM + "/{id}/deliveries/{deliveryId}/redeliver")
    String redeliverPlatform(@AuthenticationPrincipal Caller caller, @PathVariable String id,
            @PathVariable String deliveryId, Locale locale, RedirectAttributes redirect) {
        return redeliver(platform(caller), id, deliveryId, locale, redirect);
    }

    // --- shared

    /** Every company permission, as the API asks: no standing is a 404, a missing permission a 403. */
    private Owner company(Caller caller, String companyId) {
        CompanyId company = new CompanyId(companyId);
        for (Permission permission : Permission.values()) {
            guard.requireCompany(caller, company, permission);
        }
        return new Owner(WebhookScope.of(company), "/companies/" + companyId + "/webhooks");
    }

    private Owner platform(Caller caller) {
        guard.requireOperator(caller);
        return new Owner(WebhookScope.platform(), PLATFORM);
    }

    private String list(Owner owner, Model model) {
        model.addAttribute("base", owner.base());
        model.addAttribute("platform", owner.scope().isPlatform());
        model.addAttribute("endpoints", endpoints.list(owner.scope()));
        model.addAttribute("eventTypes", eventCodes());
        if (!model.containsAttribute("chosen")) {
            model.addAttribute("chosen", List.of());
        }
        return "admin/webhooks";
    }

    private String register(Owner owner, String url, List<String> events, String enabled, Locale locale, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        RegisteredEndpoint registered;
        try {
            registered = endpoints.register(owner.scope(), trimmed(url), events, enabled != null);
        } catch (Problems.Forbidden | Problems.NotFound refused) {
            throw refused;
        } catch (ProblemException refused) {
            // back to the form, with what was typed and why it was refused
            redirect.addFlashAttribute("error", refusals.of(refused, locale));
            redirect.addFlashAttribute("url", url);
            redirect.addFlashAttribute("chosen", events == null ? List.of() : events);
            return "redirect:" + owner.base();
        }
        return secret(owner, registered, "webhooks.secret.registered", model, response);
    }

    private String endpoint(Owner owner, String id, String cursor, Model model) {
        WebhookEndpoint endpoint = endpoints.get(owner.scope(), id);
        model.addAttribute("base", owner.base());
        model.addAttribute("platform", owner.scope().isPlatform());
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("eventTypes", eventCodes());
        if (!model.containsAttribute("chosen")) {
            model.addAttribute("chosen", endpoint.events());
            model.addAttribute("url", endpoint.url());
        }
        model.addAttribute("log", deliveries.of(owner.scope(), id, PageRequest.of(20, cursor)));
        return "admin/webhook";
    }

    private String update(Owner owner, String id, String url, List<String> events, String enabled, Locale locale,
            RedirectAttributes redirect) {
        // a form without any box ticked sends no events: that is "none", which the module refuses
        List<String> chosen = events == null ? List.of() : events;
        boolean saved = refusals.attempt(locale, redirect, "webhooks.updated",
                () -> endpoints.update(owner.scope(), id, trimmed(url), chosen, enabled != null));
        if (!saved) {
            redirect.addFlashAttribute("url", url);
            redirect.addFlashAttribute("chosen", chosen);
        }
        return "redirect:" + owner.base() + "/" + id;
    }

    private String rotate(Owner owner, String id, Model model, HttpServletResponse response) {
        return secret(owner, endpoints.rotateSecret(owner.scope(), id), "webhooks.secret.rotated", model, response);
    }

    private String delete(Owner owner, String id, RedirectAttributes redirect) {
        endpoints.delete(owner.scope(), id);
        redirect.addFlashAttribute("notice", "webhooks.deleted");
        return "redirect:" + owner.base();
    }

    private String redeliver(Owner owner, String id, String deliveryId, Locale locale, RedirectAttributes redirect) {
        refusals.attempt(locale, redirect, "webhooks.redelivered",
                () -> deliveries.redeliver(owner.scope(), id, deliveryId));
        return "redirect:" + owner.base() + "/" + id;
    }

    /** The page that shows a new secret, once; never cached. */
    private String secret(Owner owner, RegisteredEndpoint registered, String lead, Model model,
            HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("base", owner.base());
        model.addAttribute("platform", owner.scope().isPlatform());
        model.addAttribute("endpoint", registered.endpoint());
        model.addAttribute("secret", registered.secret());
        model.addAttribute("lead", lead);
        model.addAttribute("overlapUntil", Instant.now().plus(endpoints.secretOverlap()));
        return "admin/webhook-secret";
    }

    private static List<String> eventCodes() {
        return Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList();
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
