package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.mail.Outbox;
import io.roster.shared.PageRequest;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's mail preview: every mail of the outbox with its delivery state, so the default
 * run (no SMTP server) still delivers its links, and dead mails are seen. The filter takes any part
 * of an address; links are clickable; without SMTP server a "sent" mail reads "logged (no SMTP)".
 */
@Controller
class MailPreviewPage {

    private final Guard guard;
    private final Outbox outbox;

    MailPreviewPage(Guard guard, Outbox outbox) {
        this.guard = guard;
        this.outbox = outbox;
    }

    @GetMapping("/admin/mail")
    String mails(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String cursor, Model model) {
        guard.requireOperator(caller);
        String filter = recipient == null || recipient.isBlank() ? null : recipient.trim();
        var page = outbox.recentMatching(filter, PageRequest.of(20, cursor));
        model.addAttribute("page", page);
        model.addAttribute("bodies", page.items().stream()
                .collect(Collectors.toMap(Outbox.OutboxMail::id, mail -> MailBody.pieces(mail.bodyText()))));
        model.addAttribute("onlyLogged", outbox.onlyLogged());
        model.addAttribute("recipient", filter);
        return "mail-preview";
    }
}
