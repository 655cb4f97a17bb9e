package io.roster.mail;

/** The mails Roster sends. Each has a subject, an introduction and possibly an action link. */
public enum MailKind {
    ACCOUNT_SETUP, PASSWORD_RESET, EMAIL_CHANGE_VERIFY, EMAIL_CHANGED_NOTICE, WORKSPACE_INVITATION, PASSWORD_CHANGED,
    ROLE_GRANTED, ROLE_REMOVED, WORKSPACE_RIGHT_GRANTED, WORKSPACE_RIGHT_REMOVED,
    /** Guests: an end date set or cleared, a guest's right ended (to its sponsor), guests handed over. */
    WORKSPACE_RIGHT_ENDS, WORKSPACE_RIGHT_END_CLEARED, GUEST_RIGHT_ENDED, GUESTS_HANDED_OVER,
    /** The monthly review of a sponsor's guests, with keep and remove links per guest. */
    GUEST_REVIEW,
    /** A webhook endpoint failed for too long and Roster disabled it (to its owners). */
    WEBHOOK_DISABLED,
    /** Security mails about the person's second factors: enrolled, removed, reset by an administrator. */
    MFA_ENROLLED, MFA_REMOVED, MFA_RESET, PASSKEY_ADDED, PASSKEY_REMOVED,
    /** A partner asks for access to a company (to its administrators); the company's answers and the end (to the partner's). */
    PARTNER_ACCESS_REQUESTED, PARTNER_ACCESS_ACCEPTED, PARTNER_ACCESS_REVOKED, PARTNER_ACCESS_EXPIRED,
    PARTNER_ACCESS_DECLINED;

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
