package io.roster.users;

import io.roster.shared.CompanyId;
import io.roster.shared.EmailAddress;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The reads a company's directory (SCIM) makes of the company's own people: exact lookups by
 * userName, email or externalId, and numbered pages. Each lookup is one probe of an index that
 * starts with the company ({@code ix_accounts_company_user_id}, {@code ix_accounts_company_email},
 * {@code ix_accounts_company_external_id}), so it costs the same at 100 or 100,000 people. Only the
 * company's own rows: an external user belongs to another company's directory.
 */
@Service
public class DirectoryReads {

    /** The most rows one exact lookup answers: a value matches one row, or a few DRAFTs at most. */
    private static final int MAX_MATCHES = 200;

    private final JdbcClient jdbc;

    DirectoryReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The company's own rows whose userId is this one, compared case-insensitively (DRAFTs included). */
    public List<UserRow> byUserId(CompanyId company, String userId) {
        return exact(company, "user_id_sort", UserRows.sortKey(userId));
    }

    /** The company's own rows whose email is this one, compared case-insensitively (DRAFTs included). */
    public List<UserRow> byEmail(CompanyId company, String email) {
        return exact(company, "email_sort", UserRows.sortKey(email));
    }

    /** The company's own rows carrying this externalId, compared exactly (it is the directory's value). */
    public List<UserRow> byExternalId(CompanyId company, String externalId) {
        return jdbc.sql("SELECT " + UserRows.COLUMNS + " FROM accounts WHERE home_company_id = ? AND external_id = ?"
                        + " ORDER BY id FETCH FIRST " + MAX_MATCHES + " ROWS ONLY")
                .params(company.value(), externalId)
                .query(UserRows::map)
                .list();
    }

    /** How many own rows the company has. */
    public long count(CompanyId company) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE home_company_id = ?")
                .param(company.value()).query(Long.class).single();
    }

    /**
     * The company's own rows from {@code offset} (0-based), at most {@code limit}, in a stable order
     * (userId sort key, then id): SCIM pages by index (RFC 7644 §3.4.2.4), not by cursor.
     */
    public List<UserRow> page(CompanyId company, long offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.sql("SELECT " + UserRows.COLUMNS + " FROM accounts WHERE home_company_id = ?"
                        + " ORDER BY user_id_sort, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
                .params(company.value(), offset, limit)
                .query(UserRows::map)
                .list();
    }

    /**
     * Which of a userName and an email a row already holds, in this company (any status, DRAFTs
     * included) or as another account's claimed key anywhere: {@code "userId"}, {@code "email"} or
     * nothing. A directory that retries a POST must be told "taken", not given a second DRAFT.
     */
    public java.util.Optional<String> taken(CompanyId company, String userId, String email) {
        if (userId != null && !userId.isBlank()) {
            String key = userId.trim().toLowerCase(Locale.ROOT);
            if (!byUserId(company, key).isEmpty() || jdbc.sql("SELECT COUNT(*) FROM accounts WHERE user_id_key = ?")
                    .param(key).query(Long.class).single() > 0) {
                return java.util.Optional.of("userId");
            }
        }
        if (email != null && !email.isBlank()) {
            if (!byEmail(company, email).isEmpty() || jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email_key = ?")
                    .param(EmailAddress.keyOf(email.trim())).query(Long.class).single() > 0) {
                return java.util.Optional.of("email");
            }
        }
        return java.util.Optional.empty();
    }

    private List<UserRow> exact(CompanyId company, String column, String key) {
        if (key.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + UserRows.COLUMNS + " FROM accounts WHERE home_company_id = ? AND " + column + " = ?"
                        + " ORDER BY id FETCH FIRST " + MAX_MATCHES + " ROWS ONLY")
                .params(company.value(), key)
                .query(UserRows::map)
                .list();
    }
}
