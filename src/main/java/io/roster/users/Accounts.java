package io.roster.users;

import io.roster.shared.EmailAddress;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Accounts seen across tenants, read only: the credentials sign-in and every request check, and
 * who a person is to other tenants (member lists that span homes).
 */
@Service
public class Accounts {

    private static final String CREDENTIAL_COLUMNS =
            "id, user_id_key, email, status, operator, home_company_id, home_partner_id, password_hash";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Finds an account by its email (any case) or its userId, as typed at sign-in. */
    public Optional<Credentials> byLogin(String login) {
        if (login == null || login.isBlank() || login.length() > 320) {
            return Optional.empty();
        }
        String key = login.trim();
        if (!key.contains("@")) {
            return byUserId(key);
        }
        // An email signs in only once verified (a changed email is confirmed before use, docs/rules.md §3).
        // A userId may be email-shaped too (a directory's userName): then it signs in as that userId.
        Optional<Credentials> byEmail = jdbc.sql("SELECT " + CREDENTIAL_COLUMNS + " FROM accounts"
                        + " WHERE email_key = ? AND email_verified = TRUE")
                .param(EmailAddress.keyOf(key))
                .query(Accounts::credentials)
                .optional();
        return byEmail.isPresent() ? byEmail : byUserId(key);
    }

    private Optional<Credentials> byUserId(String key) {
        return jdbc.sql("SELECT " + CREDENTIAL_COLUMNS + " FROM accounts WHERE user_id_key = ?")
                .param(key.toLowerCase(Locale.ROOT))
                .query(Accounts::credentials)
                .optional();
    }

    public Optional<Credentials> byId(String accountId) {
        return jdbc.sql("SELECT " + CREDENTIAL_COLUMNS + " FROM accounts WHERE id = ?")
                .param(accountId)
                .query(Accounts::credentials)
                .optional();
    }

    /** Those of these accounts that are the platform operator's (one statement). */
    public java.util.Set<String> operatorsAmong(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("SELECT id FROM accounts WHERE id IN (:ids) AND operator = TRUE")
                .param("ids", accountIds).query(String.class).list());
    }

    /** Public profile of accounts by id: for member lists that span homes. */
    public List<Profile> profiles(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, user_id, first_name, last_name, email, home_company_id, home_partner_id, status"
                        + " FROM accounts WHERE id IN (:ids) ORDER BY user_id_sort, id")
                .param("ids", accountIds)
                .query((rs, n) -> new Profile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), UserStatus.valueOf(rs.getString(8))))
                .list();
    }

    /** Who a person is, as other tenants may see it. */
    public record Profile(String accountId, String userId, String firstName, String lastName, String email,
            String homeCompanyId, String homePartnerId, UserStatus status) {
    }

    private static Credentials credentials(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Credentials(rs.getString("id"), rs.getString("user_id_key"), rs.getString("email"),
                UserStatus.valueOf(rs.getString("status")), rs.getBoolean("operator"),
                rs.getString("home_company_id"), rs.getString("home_partner_id"), rs.getString("password_hash"));
    }
}
