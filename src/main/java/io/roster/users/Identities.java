package io.roster.users;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who a person is, as an app that signs people in through Roster is told (the OpenID Connect
 * claims of io.roster.oidc): one read of the account, never its password hash.
 */
@Service
public class Identities {

    private final JdbcClient jdbc;

    Identities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The identity an ID token and the userinfo answer carry. */
    public record Identity(String accountId, String userId, String email, boolean emailVerified, String firstName,
            String lastName, String locale, String homeCompanyId, UserStatus status) {
    }

    public Optional<Identity> of(String accountId) {
        return jdbc.sql("SELECT id, user_id, email, email_verified, first_name, last_name, locale, home_company_id, status"
                        + " FROM accounts WHERE id = ?")
                .param(accountId)
                .query((rs, n) -> new Identity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        UserStatus.valueOf(rs.getString(9))))
                .optional();
    }
}
