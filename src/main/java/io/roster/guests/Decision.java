package io.roster.guests;

/** What a reviewer answers for a guest: keep the right, or remove it. */
public enum Decision {
    KEEP, REMOVE
}
