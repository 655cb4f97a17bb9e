package io.roster.web;

import io.roster.access.Caller;
import io.roster.notifications.Inbox;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page may need: whether someone is signed in, and the bell's count. */
@ControllerAdvice(basePackages = "io.roster.web")
class ConsoleModel {

    private final Inbox inbox;
    private final ConsoleNav nav;

    ConsoleModel(Inbox inbox, ConsoleNav nav) {
        this.inbox = inbox;
        this.nav = nav;
    }

    @ModelAttribute("nav")
    ConsoleNav.Nav nav(@AuthenticationPrincipal Caller caller, HttpServletRequest request) {
        return caller == null ? null : nav.of(caller, request);
    }

    @ModelAttribute("unreadCount")
    long unreadCount(@AuthenticationPrincipal Caller caller) {
        return caller == null ? 0 : inbox.unread(caller.accountId());
    }

    @ModelAttribute("signedIn")
    boolean signedIn(@AuthenticationPrincipal Caller caller) {
        return caller != null;
    }
}
