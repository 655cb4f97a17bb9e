package io.roster.notifications;

import io.roster.mail.MailRequest;
import io.roster.mail.Outbox;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells one person of one thing: in-app if they want it, by mail if they want it. */
@Component
class Notifier {

    private final Inbox inbox;
    private final Outbox outbox;
    private final Recipients recipients;

    Notifier(Inbox inbox, Outbox outbox, Recipients recipients) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.recipients = recipients;
    }

    void tell(String accountId, NotificationKind kind, List<String> arguments) {
        recipients.recipient(accountId).ifPresent(person -> {
            if (person.notifyInApp()) {
                inbox.add(accountId, kind, arguments);
            }
            // A DRAFT is no account yet (docs/rules.md §1): no mail until it is activated.
            if (person.notifyEmail() && kind.mail() != null && person.status() != io.roster.users.UserStatus.DRAFT) {
                List<Object> mailArguments = new java.util.ArrayList<>();
                mailArguments.add(person.displayName());
                mailArguments.addAll(arguments);
                outbox.enqueue(new MailRequest(person.email(), person.locale(), kind.mail(), mailArguments, null, null));
            }
        });
    }
}
