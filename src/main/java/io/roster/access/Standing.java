package io.roster.access;

import io.roster.users.CompanyLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Standing (docs/rules.md §13): a company role, a partner role or a workspace right somewhere.
 * Without it nobody signs in, and no session or token of theirs works: it is checked on every use,
 * so losing the last role ends access at the next request. Partner roles are this module's own
 * table; company roles and workspace rights are read as the users module's links
 * ({@link CompanyLinks}), which mirror both. Each question is one index probe.
 */
@Component
class Standing {

    private final JdbcClient jdbc;
    private final CompanyLinks links;

    Standing(JdbcClient jdbc, CompanyLinks links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /** True when the account holds a partner role, a company role or a workspace right. */
    boolean holds(String accountId) {
        return links.linkedAnywhere(accountId)
                || jdbc.sql("SELECT COUNT(*) FROM partner_members WHERE account_id = ?").param(accountId)
                        .query(Long.class).single() > 0;
    }

    /**
     * True when the account whose id is in {@code accountIdColumn} holds a partner role: the part
     * of standing a statement of this module can test itself (the rest is the users module's links).
     */
    static String partnerRoleCondition(String accountIdColumn) {
        return "EXISTS (SELECT 1 FROM partner_members pm WHERE pm.account_id = " + accountIdColumn + ")";
    }
}
