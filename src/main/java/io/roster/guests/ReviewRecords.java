package io.roster.guests;

import io.roster.shared.Ids;
import io.roster.shared.Secrets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The review periods sent and the review links. Tokens are looked up by their hash only. */
@Repository
class ReviewRecords {

    private static final String COLUMNS = "id, company_id, workspace_id, guest_account_id, reviewer_account_id, period,"
            + " expires_at, used_at, decision";

    private final JdbcClient jdbc;

    ReviewRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a reviewer's month: true for the caller that inserts the row. A second node finds it
     * (0 rows), or, racing, fails on the primary key: then its transaction rolls back unsent.
     */
    boolean claimPeriod(String companyId, String reviewer, String period, Instant now) {
        return jdbc.sql("INSERT INTO guest_review_periods (company_id, reviewer_account_id, period, guests, sent_at)"
                        + " SELECT ?, ?, ?, 0, ? WHERE NOT EXISTS (SELECT 1 FROM guest_review_periods"
                        + " WHERE company_id = ? AND reviewer_account_id = ? AND period = ?)")
                .params(companyId, reviewer, period, utc(now), companyId, reviewer, period).update() == 1;
    }

    void countGuests(String companyId, String reviewer, String period, int guests) {
        jdbc.sql("UPDATE guest_review_periods SET guests = ? WHERE company_id = ? AND reviewer_account_id = ? AND period = ?")
                .params(guests, companyId, reviewer, period).update();
    }

    /** Stores a link and returns its token (the only time it exists in clear). */
    String insertLink(String companyId, String workspaceId, String guest, String reviewer, String period, Instant now,
            Instant expiresAt) {
        String token = Secrets.newToken("");
        jdbc.sql("INSERT INTO guest_review_links (id, token_hash, company_id, workspace_id, guest_account_id,"
                        + " reviewer_account_id, period, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), Secrets.sha256(token), companyId, workspaceId, guest, reviewer, period, utc(now),
                        utc(expiresAt))
                .update();
        return token;
    }

    Optional<ReviewLink> byToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM guest_review_links WHERE token_hash = ?")
                .param(Secrets.sha256(token)).query(ReviewRecords::map).optional();
    }

    /**
     * Uses a link once: the conditional UPDATE's row count decides, so of two uses (two clicks, two
     * nodes) only one acts.
     */
    boolean use(String id, Decision decision, Instant now) {
        return jdbc.sql("UPDATE guest_review_links SET used_at = ?, decision = ? WHERE id = ? AND used_at IS NULL"
                        + " AND expires_at > ?")
                .params(utc(now), decision.name(), id, utc(now)).update() == 1;
    }

    private static ReviewLink map(ResultSet rs, int n) throws SQLException {
        OffsetDateTime used = rs.getObject("used_at", OffsetDateTime.class);
        String decision = rs.getString("decision");
        return new ReviewLink(rs.getString("id"), rs.getString("company_id"), rs.getString("workspace_id"),
                rs.getString("guest_account_id"), rs.getString("reviewer_account_id"), rs.getString("period"),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), used == null ? null : used.toInstant(),
                decision == null ? null : Decision.valueOf(decision));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
