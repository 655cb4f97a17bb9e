package io.roster.notifications;

import io.roster.mail.MailRequest;
import io.roster.mail.Outbox;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import io.roster.users.UserStatus;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
            if (person.notifyEmail() && kind.mail() != null) {
                if (person.status() != UserStatus.DRAFT) {
                    mail(person, kind, arguments);
                } else {
                    mailIfActivatedBeforeCommit(accountId, kind, arguments);
                }
            }
        });
    }

    /**
     * A DRAFT is no account yet (docs/rules.md §11): it gets no mail. A row created ACTIVE is a
     * DRAFT for a moment in its transaction (its roles are granted before the activation), so the
     * decision waits for the end of that transaction and reads the row then.
     */
    private void mailIfActivatedBeforeCommit(String accountId, NotificationKind kind, List<String> arguments) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                recipients.recipient(accountId)
                        .filter(person -> person.status() != UserStatus.DRAFT && person.notifyEmail())
                        .ifPresent(person -> mail(person, kind, arguments));
            }
        });
    }

    private void mail(Recipient person, NotificationKind kind, List<String> arguments) {
        List<Object> mailArguments = new java.util.ArrayList<>();
        mailArguments.add(person.displayName());
        mailArguments.addAll(List.of(Worded.resolve(arguments)));
        outbox.enqueue(new MailRequest(person.email(), person.locale(), kind.mail(), mailArguments, null, null));
    }
}
