package io.roster.users;

import io.roster.shared.CompanyId;
import io.roster.shared.EmailAddress;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of a bulk import: uniqueness claims asked in bulk, rows written in one JDBC batch. Rows
 * are written straight in their final status; an ACTIVE one claims its userId and email (the
 * unique keys) as a first activation does, so the database still refuses a raced duplicate.
 */
@Repository
class BulkRows {

    /** Keys per IN list: far below every driver's parameter limit. */
    private static final int IN_LIST = 1000;

    private static final String INSERT = "INSERT INTO accounts (id, home_company_id, user_id, first_name, last_name,"
            + " email, user_id_key, email_key, user_id_sort, first_name_sort, last_name_sort, email_sort, status,"
            + " validation_result, email_verified, locale, notify_in_app, notify_email, version, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 'en', TRUE, TRUE, 0, ?, ?)";

    /** Declared types: with them a null needs no metadata round trip per cell. */
    private static final int[] TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    BulkRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A row as it is written: its id, what the source said, and the status and result it settled on. */
    record Row(String id, ImportRow source, UserStatus status, String validationResult) {
    }

    Set<String> claimedUserIds(Collection<String> keys) {
        return claimed("user_id_key", keys);
    }

    Set<String> claimedEmails(Collection<String> keys) {
        return claimed("email_key", keys);
    }

    private Set<String> claimed(String column, Collection<String> keys) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        Set<String> claimed = new HashSet<>();
        for (int from = 0; from < distinct.size(); from += IN_LIST) {
            claimed.addAll(jdbc.sql("SELECT " + column + " FROM accounts WHERE " + column + " IN (:keys)")
                    .param("keys", distinct.subList(from, Math.min(distinct.size(), from + IN_LIST)))
                    .query(String.class).list());
        }
        return claimed;
    }

    void insert(CompanyId company, List<Row> rows) {
        OffsetDateTime now = UserRows.utc(Instant.now());
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ImportRow source = row.source();
            boolean active = row.status() == UserStatus.ACTIVE;
            values.add(new Object[] {row.id(), company.value(), source.userId(), source.firstName(), source.lastName(),
                    source.email(), active ? source.userId() : null, active ? EmailAddress.keyOf(source.email()) : null,
                    UserRows.sortKey(source.userId()), UserRows.sortKey(source.firstName()),
                    UserRows.sortKey(source.lastName()), UserRows.sortKey(source.email()), row.status().name(),
                    row.validationResult(), now, now});
        }
        batch.batchUpdate(INSERT, values, TYPES);
    }
}
