package io.roster.access;

/**
 * Standing (docs/rules.md §13): a company role, a partner role or a workspace right somewhere. Without it
 * nobody signs in, and no session or token of theirs works: it is checked on every use, so losing
 * the last role ends access at the next request. One SQL condition, each leg an index probe.
 */
final class Standing {

    private Standing() {
    }

    /** True when the account whose id is in {@code accountIdColumn} has standing somewhere. */
    static String sqlCondition(String accountIdColumn) {
        return "(EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.account_id = " + accountIdColumn + ")"
                + " OR EXISTS (SELECT 1 FROM partner_members pm WHERE pm.account_id = " + accountIdColumn + ")"
                + " OR EXISTS (SELECT 1 FROM workspace_members wm WHERE wm.account_id = " + accountIdColumn + "))";
    }
}
