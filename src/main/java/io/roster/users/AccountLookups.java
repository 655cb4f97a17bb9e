package io.roster.users;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Single-account reads other modules need on their hot paths: the account behind an API token, and
 * the userId sort key a workspace keeps to page its members without reading this module's tables.
 */
@Service
public class AccountLookups {

    private final JdbcClient jdbc;

    AccountLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An ACTIVE account as a request runs for it. {@code linked}: it holds a role or a workspace
     * right in some company ({@link CompanyLinks}), which with a partner role makes its standing.
     */
    public record ActiveAccount(String accountId, String userIdKey, boolean operator, String homeCompanyId,
            String homePartnerId, boolean linked) {
    }

    /** The account if it is ACTIVE, in one statement (token authentication runs it on every API call). */
    public Optional<ActiveAccount> active(String accountId) {
        return jdbc.sql("SELECT a.id, a.user_id_key, a.operator, a.home_company_id, a.home_partner_id,"
                        + " EXISTS (SELECT 1 FROM company_links l WHERE l.account_id = a.id) AS linked"
                        + " FROM accounts a WHERE a.id = ? AND a.status = 'ACTIVE'")
                .param(accountId)
                .query((rs, n) -> new ActiveAccount(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    /** The lower-cased userId the Users table and member lists sort on ('' for none). */
    public Optional<String> userIdSortKey(String accountId) {
        return jdbc.sql("SELECT user_id_sort FROM accounts WHERE id = ?").param(accountId).query(String.class).optional();
    }
}
