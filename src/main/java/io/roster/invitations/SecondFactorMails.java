package io.roster.invitations;

import io.roster.access.Passkeys;
import io.roster.access.SecondFactorEvents;
import io.roster.mail.MailKind;
import io.roster.mail.MailRequest;
import io.roster.mail.Outbox;
import io.roster.users.Recipients;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Security mails about a person's second factors (docs/rules.md §21), always sent whatever their
 * preferences, written in the transaction of the change: someone who did not do it learns at once.
 */
@Component
class SecondFactorMails {

    private final Recipients recipients;
    private final Outbox outbox;

    SecondFactorMails(Recipients recipients, Outbox outbox) {
        this.recipients = recipients;
        this.outbox = outbox;
    }

    @EventListener
    void on(SecondFactorEvents.Enrolled event) {
        mail(event.accountId(), Passkeys.METHOD.equals(event.method()) ? MailKind.PASSKEY_ADDED : MailKind.MFA_ENROLLED);
    }

    @EventListener
    void on(SecondFactorEvents.Removed event) {
        mail(event.accountId(), Passkeys.METHOD.equals(event.method()) ? MailKind.PASSKEY_REMOVED : MailKind.MFA_REMOVED);
    }

    @EventListener
    void on(SecondFactorEvents.Reset event) {
        mail(event.accountId(), MailKind.MFA_RESET);
    }

    private void mail(String accountId, MailKind kind) {
        recipients.recipient(accountId).ifPresent(person -> outbox.enqueue(new MailRequest(person.email(),
                person.locale(), kind, List.of(person.displayName()), null, null)));
    }
}
