package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CallerOverview;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after sign-in: who you are and where you have standing. */
@Controller
class HomePage {

    private final CallerOverview overview;

    HomePage(CallerOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("me", overview.of(caller));
        return "home";
    }

    @GetMapping("/403")
    String forbidden() {
        return "403";
    }
}
