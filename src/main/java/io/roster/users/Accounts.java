package io.roster.users;

import io.roster.shared.EmailAddress;
import io.roster.shared.Ids;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts seen across tenants: sign-in lookups and the platform operator. */
@Service
public class Accounts {

    private static final String CREDENTIAL_COLUMNS =
            "id, user_id_key, email, status, operator, home_company_id, home_partner_id, password_hash";

    private final JdbcClient jdbc;
    private final Passwords passwords;

    Accounts(JdbcClient jdbc, Passwords passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Finds an account by its email (any case) or its userId, as typed at sign-in. */
    public Optional<Credentials> byLogin(String login) {
        if (login == null || login.isBlank() || login.length() > 320) {
            return Optional.empty();
        }
        String key = login.trim();
        String column = key.contains("@") ? "email_key" : "user_id_key";
        return jdbc.sql("SELECT " + CREDENTIAL_COLUMNS + " FROM accounts WHERE " + column + " = ?")
                .param(key.contains("@") ? EmailAddress.keyOf(key) : key.toLowerCase(Locale.ROOT))
                .query(Accounts::credentials)
                .optional();
    }

    public Optional<Credentials> byId(String accountId) {
        return jdbc.sql("SELECT " + CREDENTIAL_COLUMNS + " FROM accounts WHERE id = ?")
                .param(accountId)
                .query(Accounts::credentials)
                .optional();
    }

    public boolean operatorExists() {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE operator = TRUE").query(Long.class).single() > 0;
    }

    /**
     * Creates the platform operator: an ACTIVE account of no company, its email verified. Its
     * userId is taken from the email's local part, made unique if needed.
     */
    @Transactional
    public String createOperator(EmailAddress email, String password) {
        PasswordPolicy.problemOf(password).ifPresent(problem -> {
            throw new IllegalArgumentException("ROSTER_BOOTSTRAP_ADMIN_PASSWORD is refused: " + problem);
        });
        String userId = freeUserId(email.value().substring(0, email.value().indexOf('@')));
        String id = Ids.newId();
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO accounts (id, operator, user_id, first_name, last_name, email, user_id_key, email_key,"
                        + " user_id_sort, first_name_sort, last_name_sort, email_sort, status, validation_result,"
                        + " email_verified, password_hash, locale, version, created_at, updated_at)"
                        + " VALUES (?, TRUE, ?, 'Platform', 'Operator', ?, ?, ?, ?, 'platform', 'operator', ?, 'ACTIVE', 'OK',"
                        + " TRUE, ?, 'en', 0, ?, ?)")
                .params(id, userId, email.value(), userId, email.key(), userId, email.key(), passwords.hash(password),
                        now, now)
                .update();
        return id;
    }

    private String freeUserId(String localPart) {
        String base = localPart.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
        if (base.length() < 3) {
            base = "operator";
        }
        base = base.length() > 56 ? base.substring(0, 56) : base;
        String candidate = base;
        for (int n = 2; jdbc.sql("SELECT COUNT(*) FROM accounts WHERE user_id_key = ?").param(candidate)
                .query(Long.class).single() > 0; n++) {
            candidate = base + n;
        }
        return candidate;
    }

    private static Credentials credentials(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Credentials(rs.getString("id"), rs.getString("user_id_key"), rs.getString("email"),
                UserStatus.valueOf(rs.getString("status")), rs.getBoolean("operator"),
                rs.getString("home_company_id"), rs.getString("home_partner_id"), rs.getString("password_hash"));
    }
}
