package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CallerOverview;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

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

    /** Any method: Spring Security forwards refused requests here (a form without its CSRF token too). */
    @RequestMapping("/403")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "403";
    }
}
