package io.roster.web;

import io.roster.access.ConsoleSignIn;
import io.roster.access.SecondStep;
import io.roster.shared.ProblemException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a console sign-in (docs/rules.md §21): after the password, a code of the
 * person's authenticator app or one of their recovery codes. Refusals come back as a reason code
 * the page words in the person's language.
 */
@Controller
class SecondFactorPage {

    private static final Set<String> REASONS = Set.of("wrong-code", "too-many-attempts");

    private final ConsoleSignIn signIn;

    SecondFactorPage(ConsoleSignIn signIn) {
        this.signIn = signIn;
    }

    @GetMapping(SecondStep.PAGE)
    String show(@RequestParam(required = false) String error, @RequestParam(required = false) Long retry, Model model) {
        if (!SecondStep.due(SecurityContextHolder.getContext().getAuthentication())) {
            return "redirect:" + ConsoleSignIn.LANDING;
        }
        if (error != null) {
            model.addAttribute("reason", REASONS.contains(error) ? error : "wrong-code");
            model.addAttribute("retry", retry == null ? 0 : Math.max(1, retry));
        }
        return "second-factor";
    }

    @PostMapping(SecondStep.PAGE)
    void prove(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        try {
            signIn.secondStep(request, response, code);
        } catch (ProblemException refused) {
            String reason = refused.status() == 429 ? "too-many-attempts" : "wrong-code";
            Object retry = refused.properties().get("retryAfterSeconds");
            response.sendRedirect(request.getContextPath() + SecondStep.PAGE + "?error=" + reason
                    + (retry instanceof Long seconds ? "&retry=" + seconds : ""));
        }
    }
}
