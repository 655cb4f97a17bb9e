package io.roster.users;

import io.roster.shared.CompanyId;
import io.roster.shared.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The seat waitlist of each company and its on/off setting. Positions are dense (1 = next to get a
 * seat). Callers change the order only under the lock of the company's license pool, so no two
 * changes of one company's order interleave. Every method takes the company.
 */
@Repository
class WaitlistRows {

    private static final String COLUMNS = "w.id, w.account_id, a.user_id, w.queue_position, w.invite, w.since";

    private final JdbcClient jdbc;

    WaitlistRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean enabled(CompanyId company) {
        return jdbc.sql("SELECT enabled FROM seat_waitlist_settings WHERE company_id = ?")
                .param(company.value()).query(Boolean.class).optional().orElse(false);
    }

    void setEnabled(CompanyId company, boolean enabled, Instant at) {
        OffsetDateTime now = UserRows.utc(at);
        int updated = jdbc.sql("UPDATE seat_waitlist_settings SET enabled = ?, updated_at = ? WHERE company_id = ?")
                .params(enabled, now, company.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO seat_waitlist_settings (company_id, enabled, updated_at) VALUES (?, ?, ?)")
                    .params(company.value(), enabled, now).update();
        }
    }

    Optional<WaitlistEntry> find(CompanyId company, String id) {
        return one("w.id = ?", company, id);
    }

    Optional<WaitlistEntry> ofAccount(CompanyId company, String accountId) {
        return one("w.account_id = ?", company, accountId);
    }

    Optional<WaitlistEntry> head(CompanyId company) {
        return one("w.queue_position = 1", company, null);
    }

    int size(CompanyId company) {
        return jdbc.sql("SELECT COUNT(*) FROM seat_waitlist WHERE company_id = ?")
                .param(company.value()).query(Integer.class).single();
    }

    /** Puts the account at the end of the queue; its position is returned in the entry. */
    WaitlistEntry append(CompanyId company, String accountId, String userId, boolean invite, Instant at) {
        return add(company, accountId, userId, invite, size(company) + 1, at);
    }

    /** Puts the account at {@code position}, which the caller knows to be the end of the queue. */
    WaitlistEntry add(CompanyId company, String accountId, String userId, boolean invite, int position, Instant at) {
        String id = Ids.newId();
        jdbc.sql("INSERT INTO seat_waitlist (id, company_id, account_id, queue_position, invite, since)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, company.value(), accountId, position, invite, UserRows.utc(at)).update();
        return new WaitlistEntry(id, accountId, userId, position, invite, at);
    }

    /** Takes the entry out; the ones behind it move up by one. */
    void remove(CompanyId company, WaitlistEntry entry) {
        jdbc.sql("DELETE FROM seat_waitlist WHERE id = ? AND company_id = ?").params(entry.id(), company.value()).update();
        jdbc.sql("UPDATE seat_waitlist SET queue_position = queue_position - 1 WHERE company_id = ? AND queue_position > ?")
                .params(company.value(), entry.position()).update();
    }

    /** Moves the entry to {@code to} (1..size); the ones between shift by one to make room. */
    void move(CompanyId company, WaitlistEntry entry, int to) {
        if (to < entry.position()) {
            jdbc.sql("UPDATE seat_waitlist SET queue_position = queue_position + 1 WHERE company_id = ?"
                    + " AND queue_position >= ? AND queue_position < ?").params(company.value(), to, entry.position()).update();
        } else {
            jdbc.sql("UPDATE seat_waitlist SET queue_position = queue_position - 1 WHERE company_id = ?"
                    + " AND queue_position > ? AND queue_position <= ?").params(company.value(), entry.position(), to).update();
        }
        jdbc.sql("UPDATE seat_waitlist SET queue_position = ? WHERE id = ? AND company_id = ?")
                .params(to, entry.id(), company.value()).update();
    }

    /** A page of the queue in order, after {@code afterPosition} (0 for the first page). */
    List<WaitlistEntry> page(CompanyId company, int afterPosition, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM seat_waitlist w JOIN accounts a ON a.id = w.account_id"
                        + " WHERE w.company_id = ? AND w.queue_position > ? ORDER BY w.queue_position LIMIT ?")
                .params(company.value(), afterPosition, limit)
                .query(WaitlistRows::map).list();
    }

    /** Every entry, in order: the whole queue leaves when the company turns the waitlist off. */
    List<WaitlistEntry> all(CompanyId company) {
        return page(company, 0, Integer.MAX_VALUE);
    }

    /**
     * Rewrites the validation result of every waiting row from {@code fromPosition} on, so each
     * still says its own position after the order moved.
     */
    void renumberResults(CompanyId company, int fromPosition) {
        jdbc.sql("UPDATE accounts SET validation_result = (SELECT 'WAITING_FOR_LICENSE:position='"
                        + " || CAST(w.queue_position AS VARCHAR(12)) FROM seat_waitlist w WHERE w.account_id = accounts.id)"
                        + " WHERE home_company_id = ? AND id IN (SELECT account_id FROM seat_waitlist"
                        + " WHERE company_id = ? AND queue_position >= ?)")
                .params(company.value(), company.value(), fromPosition).update();
    }

    private Optional<WaitlistEntry> one(String condition, CompanyId company, String value) {
        var sql = jdbc.sql("SELECT " + COLUMNS + " FROM seat_waitlist w JOIN accounts a ON a.id = w.account_id"
                + " WHERE w.company_id = ? AND " + condition).param(company.value());
        return (value == null ? sql : sql.param(value)).query(WaitlistRows::map).optional();
    }

    private static WaitlistEntry map(ResultSet rs, int n) throws SQLException {
        return new WaitlistEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }
}
