package io.roster.web;

import io.roster.access.Caller;
import io.roster.notifications.Inbox;
import io.roster.shared.PageRequest;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The bell's list: the signed-in person's notifications, newest first, in the page's language. */
@Controller
class NotificationsPage {

    private final Inbox inbox;

    NotificationsPage(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String cursor, Locale locale,
            Model model) {
        model.addAttribute("page", inbox.of(caller.accountId(), locale, false, PageRequest.of(20, cursor)));
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal Caller caller, @PathVariable String id) {
        inbox.markRead(caller.accountId(), id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal Caller caller) {
        inbox.markAllRead(caller.accountId());
        return "redirect:/notifications";
    }
}
