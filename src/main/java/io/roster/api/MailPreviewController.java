package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.mail.Outbox;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.Problems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of the mail outbox: what was written, sent, retried or is dead. With no SMTP
 * server this is how the default run delivers its links.
 */
@RestController
@RequestMapping("/api/v1/mail")
class MailPreviewController {

    private final Guard guard;
    private final Outbox outbox;

    MailPreviewController(Guard guard, Outbox outbox) {
        this.guard = guard;
        this.outbox = outbox;
    }

    @GetMapping
    Page<Outbox.OutboxMail> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        guard.requireOperator(caller);
        return outbox.recent(recipient == null || recipient.isBlank() ? null : recipient.trim(), status(status),
                PageRequest.of(limit, cursor));
    }

    private static Outbox.Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Outbox.Status.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.InvalidInput.of("status", "must be PENDING, SENT or DEAD");
        }
    }
}
