package io.roster.users;

import io.roster.shared.Problems;

/** The transitions of docs/rules.md §3 that depend only on a row's status. */
final class LifecyclePolicy {

    private LifecyclePolicy() {
    }

    /** An ACTIVE row holds a license and a live account: it must be deactivated before it goes. */
    static void requireDeletable(UserRow row) {
        if (row.status() == UserStatus.ACTIVE) {
            throw new Problems.Conflict("user-active",
                    "User " + label(row) + " is active: deactivate it first, then delete it").coded("USER_ACTIVE", label(row));
        }
    }

    /** A DRAFT has no account yet, so there is nothing to block. */
    static void requireDeactivatable(UserRow row) {
        if (row.status() == UserStatus.DRAFT) {
            throw new Problems.Conflict("user-draft",
                    "User " + label(row) + " is a draft: it has no account to deactivate; delete it or activate it")
                    .coded("USER_DRAFT", label(row));
        }
    }

    private static String label(UserRow row) {
        return row.userId() == null || row.userId().isBlank() ? row.id() : "'" + row.userId() + "'";
    }
}
