package io.roster.web;

import io.roster.access.ConsoleSignIn;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; refusals arrive as a reason code and are explained in the page's language. */
@Controller
class SignInPage {

    private static final Set<String> REASONS = Set.of("unauthorized", "too-many-attempts", "account-inactive",
            "account-not-activated", "no-password", "no-role");

    private final ObjectProvider<DemoSignIns> demo;

    SignInPage(ObjectProvider<DemoSignIns> demo) {
        this.demo = demo;
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) Long retry,
            @RequestParam(required = false) String signedOut, HttpSession session, Model model) {
        // what was typed before a refusal, once: a wrong password should not cost the email too
        Object typed = session.getAttribute(ConsoleSignIn.TYPED_LOGIN);
        session.removeAttribute(ConsoleSignIn.TYPED_LOGIN);
        if (error != null && typed instanceof String login) {
            model.addAttribute("typedLogin", login);
        }
        if (error != null) {
            model.addAttribute("reason", REASONS.contains(error) ? error : "unauthorized");
            model.addAttribute("retry", retry == null ? 0 : Math.max(1, retry));
        }
        model.addAttribute("signedOut", signedOut != null);
        demo.ifAvailable(signIns -> {
            if (!signIns.signIns().isEmpty()) {
                model.addAttribute("demoSignIns", signIns.signIns());
                model.addAttribute("demoPassword", signIns.password());
            }
        });
        return "login";
    }
}
