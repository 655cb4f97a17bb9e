package io.roster.notifications;

import io.roster.mail.MailKind;

/** What a notification tells; each has a message ({@code notification.<key>}) and maybe a mail. */
public enum NotificationKind {
    INVITED(null),
    ROLE_GRANTED(MailKind.ROLE_GRANTED),
    ROLE_REMOVED(MailKind.ROLE_REMOVED),
    WORKSPACE_RIGHT_GRANTED(MailKind.WORKSPACE_RIGHT_GRANTED),
    WORKSPACE_RIGHT_REMOVED(MailKind.WORKSPACE_RIGHT_REMOVED),
    /** The person's right now ends at a date, or no longer ends. */
    WORKSPACE_RIGHT_ENDS(MailKind.WORKSPACE_RIGHT_ENDS),
    WORKSPACE_RIGHT_END_CLEARED(MailKind.WORKSPACE_RIGHT_END_CLEARED),
    /** To the sponsor: a guest's right reached its end date (the guest is told by WORKSPACE_RIGHT_REMOVED). */
    GUEST_RIGHT_ENDED(MailKind.GUEST_RIGHT_ENDED),
    /** To a workspace's ADMINs: they now sponsor the guests of a sponsor who is gone. */
    GUESTS_HANDED_OVER(MailKind.GUESTS_HANDED_OVER),
    // the two below already get a security mail whatever the preferences (invitations module)
    EMAIL_CHANGED(null),
    PASSWORD_CHANGED(null),
    PARTNER_ACCESS_REQUESTED(MailKind.PARTNER_ACCESS_REQUESTED),
    PARTNER_ACCESS_ACCEPTED(MailKind.PARTNER_ACCESS_ACCEPTED),
    PARTNER_ACCESS_REVOKED(MailKind.PARTNER_ACCESS_REVOKED),
    PARTNER_ACCESS_EXPIRED(MailKind.PARTNER_ACCESS_EXPIRED),
    /** A request or a renewal declined: a renewal leaves the current access as it was. */
    PARTNER_ACCESS_DECLINED(MailKind.PARTNER_ACCESS_DECLINED);

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
