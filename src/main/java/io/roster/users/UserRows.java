package io.roster.users;

import io.roster.shared.CompanyId;
import io.roster.shared.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The internal rows of a company's Users table. Every method takes the company: a row of another
 * company is never found, changed or deleted through here.
 */
@Repository
class UserRows {

    static final String COLUMNS = "id, home_company_id, user_id, first_name, last_name, email, status,"
            + " validation_result, email_verified, locale, notify_in_app, notify_email,"
            + " password_hash IS NOT NULL AS has_password, version, created_at, updated_at";

    private final JdbcClient jdbc;
    private final NameWords words;

    UserRows(JdbcClient jdbc, NameWords words) {
        this.jdbc = jdbc;
        this.words = words;
    }

    /** An internal row of the company. */
    Optional<UserRow> find(CompanyId company, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ? AND home_company_id = ?")
                .params(id, company.value())
                .query(UserRows::map)
                .optional();
    }

    /**
     * A row of the company's Users table: internal, or external (another home, holding a role in
     * the company or a right on one of its workspaces). Being external is derived from those links
     * ({@link CompanyLinks}), never stored on the account.
     */
    Optional<UserRow> findInTable(CompanyId company, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = :id AND (home_company_id = :company"
                        + " OR EXISTS (SELECT 1 FROM company_links cl WHERE cl.company_id = :company"
                        + " AND cl.account_id = accounts.id))")
                .param("id", id).param("company", company.value())
                .query(mapperFor(company))
                .optional();
    }

    /** Reads a row and locks it until the transaction ends, so two lifecycle changes never interleave. */
    Optional<UserRow> lock(CompanyId company, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM accounts WHERE id = ? AND home_company_id = ? FOR UPDATE")
                .params(id, company.value())
                .query(UserRows::map)
                .optional();
    }

    boolean userIdClaimed(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE user_id_key = ?").param(userId).query(Long.class).single() > 0;
    }

    /** Which of a row's userId and email another account claimed: both asked in one statement. */
    record Claims(boolean userId, boolean email) {
    }

    Claims claims(String userId, String email, String exceptAccountId) {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM accounts WHERE user_id_key = ?),"
                        + " (SELECT COUNT(*) FROM accounts WHERE email_key = ? AND id <> ?)")
                .params(userId, EmailAddress.keyOf(email), exceptAccountId)
                .query((rs, n) -> new Claims(rs.getLong(1) > 0, rs.getLong(2) > 0))
                .single();
    }

    boolean emailClaimed(String email, String exceptAccountId) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email_key = ? AND id <> ?")
                .params(EmailAddress.keyOf(email), exceptAccountId).query(Long.class).single() > 0;
    }

    /** First activation: the account comes into being and claims its userId and email for good. */
    void activateFirstTime(CompanyId company, UserRow row) {
        Recipients.changed(row.id());
        jdbc.sql("UPDATE accounts SET status = 'ACTIVE', validation_result = ?, user_id_key = ?, email_key = ?,"
                        + " version = version + 1, updated_at = ? WHERE id = ? AND home_company_id = ?")
                .params(ValidationResult.OK.encode(), row.userId(), EmailAddress.keyOf(row.email()), utc(Instant.now()),
                        row.id(), company.value())
                .update();
    }

    void setStatus(CompanyId company, String id, UserStatus status, ValidationResult validationResult) {
        Recipients.changed(id);
        jdbc.sql("UPDATE accounts SET status = ?, validation_result = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND home_company_id = ?")
                .params(status.name(), validationResult == null ? null : validationResult.encode(), utc(Instant.now()), id, company.value())
                .update();
    }

    void recordValidation(CompanyId company, String id, ValidationResult validationResult) {
        Recipients.changed(id);
        jdbc.sql("UPDATE accounts SET validation_result = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND home_company_id = ?")
                .params(validationResult.encode(), utc(Instant.now()), id, company.value())
                .update();
    }

    /**
     * The company's rows not ACTIVE whose validation result speaks of licenses, by id: the drafts
     * and inactive rows whose figures {@link LicenseResults} refreshes.
     */
    java.util.Map<String, ValidationResult> licenseResults(CompanyId company) {
        java.util.Map<String, ValidationResult> results = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, validation_result FROM accounts WHERE home_company_id = ? AND status <> 'ACTIVE'"
                        + " AND validation_result LIKE '%LICENSE%'")
                .param(company.value())
                .query((rs, n) -> results.put(rs.getString("id"), ValidationResult.decode(rs.getString("validation_result"))))
                .list();
        return results;
    }

    /**
     * Rewrites a result the system derived, not a change of the row by anyone: the version stays,
     * so a client holding the row's ETag can still edit it.
     */
    void refreshValidation(CompanyId company, String id, ValidationResult validationResult) {
        Recipients.changed(id);
        jdbc.sql("UPDATE accounts SET validation_result = ? WHERE id = ? AND home_company_id = ?")
                .params(validationResult.encode(), id, company.value())
                .update();
    }

    Optional<String> pendingEmail(CompanyId company, String id) {
        return jdbc.sql("SELECT pending_email FROM accounts WHERE id = ? AND home_company_id = ?")
                .params(id, company.value()).query(String.class).optional().filter(java.util.Objects::nonNull);
    }

    /** Files the address an existing account's email should change to, until it is confirmed. */
    void requestEmail(CompanyId company, String id, String pendingEmail) {
        Recipients.changed(id);
        jdbc.sql("UPDATE accounts SET pending_email = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ? AND home_company_id = ?")
                .params(pendingEmail, utc(Instant.now()), id, company.value())
                .update();
    }

    /**
     * Writes the editable fields. The email claim follows the email once the account exists: only
     * a confirmed change reaches here then (see {@link MailedLinks#confirmEmail}), a draft claims nothing.
     */
    void updateFields(CompanyId company, UserRow after) {
        Recipients.changed(after.id());
        String emailKey = after.accountExists() ? EmailAddress.keyOf(after.email()) : null;
        jdbc.sql("UPDATE accounts SET user_id = ?, first_name = ?, last_name = ?, email = ?, user_id_sort = ?,"
                        + " first_name_sort = ?, last_name_sort = ?, email_sort = ?, email_key = ?,"
                        + " email_verified = ?, version = version + 1, updated_at = ? WHERE id = ? AND home_company_id = ?")
                .params(after.userId(), after.firstName(), after.lastName(), after.email(), sortKey(after.userId()),
                        sortKey(after.firstName()), sortKey(after.lastName()), sortKey(after.email()), emailKey,
                        after.emailVerified(), utc(Instant.now()), after.id(), company.value())
                .update();
        words.replace(after.id(), after.firstName(), after.lastName());
    }

    int delete(CompanyId company, String id) {
        Recipients.changed(id);
        return jdbc.sql("DELETE FROM accounts WHERE id = ? AND home_company_id = ? AND status <> 'ACTIVE'")
                .params(id, company.value())
                .update();
    }

    /** The folded copy the Users table sorts and searches on ({@link SearchKey}). */
    static String sortKey(String value) {
        return SearchKey.of(value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Maps rows as seen by {@code company}: a row of another home is external. */
    static org.springframework.jdbc.core.RowMapper<UserRow> mapperFor(CompanyId company) {
        return (rs, n) -> {
            UserRow row = map(rs, n);
            boolean external = row.homeCompanyId() == null || !row.homeCompanyId().equals(company);
            return external ? row.asExternal() : row;
        };
    }

    static UserRow map(ResultSet rs, int n) throws SQLException {
        String home = rs.getString("home_company_id");
        return new UserRow(rs.getString("id"), home == null ? null : new CompanyId(home), rs.getString("user_id"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                UserStatus.valueOf(rs.getString("status")), false, ValidationResult.decode(rs.getString("validation_result")),
                rs.getBoolean("email_verified"), rs.getString("locale"), rs.getBoolean("notify_in_app"),
                rs.getBoolean("notify_email"), rs.getBoolean("has_password"), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
