package io.roster.web;

import io.roster.invitations.Invitations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Forgot password: always the same answer, whether or not an account uses the email. */
@Controller
class ForgotPasswordPage {

    private final Invitations invitations;

    ForgotPasswordPage(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/forgot-password")
    String form() {
        return "forgot-password";
    }

    @PostMapping("/forgot-password")
    String send(@RequestParam(required = false) String email, Model model) {
        invitations.requestPasswordReset(email == null ? null : email.trim());
        model.addAttribute("sent", true);
        return "forgot-password";
    }
}
