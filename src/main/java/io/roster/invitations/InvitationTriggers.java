package io.roster.invitations;

import io.roster.mail.MailKind;
import io.roster.mail.MailRequest;
import io.roster.mail.Outbox;
import io.roster.users.Recipient;
import io.roster.users.Recipients;
import io.roster.users.UserEvents;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails that follow from users' lifecycle, written in the transaction of the change itself (a
 * synchronous listener), so the change and its mail commit or roll back together.
 */
@Component
class InvitationTriggers {

    private final Invitations invitations;
    private final Recipients recipients;
    private final Outbox outbox;

    InvitationTriggers(Invitations invitations, Recipients recipients, Outbox outbox) {
        this.invitations = invitations;
        this.recipients = recipients;
        this.outbox = outbox;
    }

    /** docs/rules.md §3: activation mails a setup link, unless a password was set and the email validated. */
    @EventListener
    void on(UserEvents.UserActivated event) {
        if (event.invitationNeeded() && event.firstTime()) {
            invitations.sendFirstAccountSetup(event.companyId(), event.accountId());
        } else if (event.invitationNeeded()) {
            invitations.sendAccountSetup(event.companyId(), event.accountId(), null);
        }
    }

    @EventListener
    void on(UserEvents.EmailChangeRequested event) {
        invitations.emailChangeRequested(event.accountId(), event.oldEmail(), event.newEmail());
    }

    /** Security mail: always sent, whatever the person's preferences. */
    @EventListener
    void on(UserEvents.PasswordChanged event) {
        recipients.recipient(event.accountId()).ifPresent(person -> outbox.enqueue(new MailRequest(person.email(),
                person.locale(), MailKind.PASSWORD_CHANGED, List.of(person.displayName()), null, null)));
    }
}
