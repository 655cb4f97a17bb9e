package io.roster.invitations;

/** What a link lets its holder do. */
public enum InvitationKind {
    ACCOUNT_SETUP, PASSWORD_RESET, EMAIL_CHANGE, EMAIL_CHANGE_CANCEL, WORKSPACE
}
