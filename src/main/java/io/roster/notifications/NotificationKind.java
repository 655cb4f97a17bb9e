package io.roster.notifications;

import io.roster.mail.MailKind;

/** What a notification tells; each has a message ({@code notification.<key>}) and maybe a mail. */
public enum NotificationKind {
    INVITED(null),
    ROLE_GRANTED(MailKind.ROLE_GRANTED),
    ROLE_REMOVED(MailKind.ROLE_REMOVED),
    WORKSPACE_RIGHT_GRANTED(MailKind.WORKSPACE_RIGHT_GRANTED),
    WORKSPACE_RIGHT_REMOVED(MailKind.WORKSPACE_RIGHT_REMOVED),
    // the two below already get a security mail whatever the preferences (invitations module)
    EMAIL_CHANGED(null),
    PASSWORD_CHANGED(null),
    PARTNER_ACCESS_REQUESTED(MailKind.PARTNER_ACCESS_REQUESTED),
    PARTNER_ACCESS_ACCEPTED(MailKind.PARTNER_ACCESS_ACCEPTED),
    PARTNER_ACCESS_REVOKED(MailKind.PARTNER_ACCESS_REVOKED),
    PARTNER_ACCESS_EXPIRED(MailKind.PARTNER_ACCESS_EXPIRED);

    private final MailKind mail;

    NotificationKind(MailKind mail) {
        this.mail = mail;
    }

    /** The mail to send when the person wants mails, or null when another module already mails. */
    MailKind mail() {
        return mail;
    }

    String messageKey() {
        return "notification." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
