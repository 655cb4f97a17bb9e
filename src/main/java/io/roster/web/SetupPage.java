package io.roster.web;

import io.roster.access.PlatformSetup;
import io.roster.shared.ProblemException;
import io.roster.shared.Problems;
import io.roster.users.NewOperator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first-run setup page: while no platform operator exists, a person on the server itself
 * creates it and is signed in as it. A visitor from elsewhere is told how to proceed instead; once
 * the operator exists the page is gone (404), and a form sent too late says to sign in.
 */
@Controller
class SetupPage {

    private static final Set<String> FIELDS = Set.of("email", "firstName", "lastName", "password");

    private final PlatformSetup setup;

    SetupPage(PlatformSetup setup) {
        this.setup = setup;
    }

    @GetMapping("/setup")
    String form(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!setup.open()) {
            throw new Problems.NotFound("The platform is set up");
        }
        return page(setup.fromThisMachine(request) ? "form" : "remote", response, model);
    }

    @PostMapping("/setup")
    String create(@RequestParam(required = false) String email, @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String lastName, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!setup.open()) {
            return page("taken", response, model);
        }
        if (!setup.fromThisMachine(request)) {
            return page("remote", response, model);
        }
        model.addAttribute("email", email).addAttribute("firstName", firstName).addAttribute("lastName", lastName);
        if (!Objects.equals(password, confirmation)) {
            model.addAttribute("errorKey", "setup.error.mismatch");
            return page("form", response, model);
        }
        try {
            var outcome = setup.createOperator(new NewOperator(email, firstName, lastName, password,
                    locale.getLanguage()), request, response);
            return outcome == PlatformSetup.Outcome.CREATED ? "redirect:/" : page("taken", response, model);
        } catch (ProblemException refused) {
            model.addAttribute("errorKey", errorKey(refused));
            return page("form", response, model);
        }
    }

    /** The refusal's words: one per field, or the taken email; the module's codes, never its sentences. */
    private static String errorKey(ProblemException refused) {
        if ("email-taken".equals(refused.type())) {
            return "setup.error.email-taken";
        }
        String field = refused.errors().isEmpty() ? null : refused.errors().getFirst().field();
        return FIELDS.contains(field) ? "setup.error." + field : "setup.error.invalid";
    }

    private static String page(String state, HttpServletResponse response, Model model) {
        response.setStatus(switch (state) {
            case "remote" -> HttpServletResponse.SC_FORBIDDEN;
            case "taken" -> HttpServletResponse.SC_CONFLICT;
            default -> model.containsAttribute("errorKey") ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_OK;
        });
        model.addAttribute("state", state);
        return "setup";
    }
}
