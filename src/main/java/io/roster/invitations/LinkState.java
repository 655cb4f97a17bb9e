package io.roster.invitations;

/** Whether a link can still be used, and if not, why: each state has its own way forward. */
public enum LinkState {
    VALID, USED, REPLACED, REVOKED, EXPIRED
}
