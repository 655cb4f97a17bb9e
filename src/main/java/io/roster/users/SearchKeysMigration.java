package io.roster.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V36: folds the sort columns of the accounts written before search ignored accents
 * ({@link SearchKey}) and writes the later words of their names (V35's table). Written in Java
 * because the folding is Java's on every write since, and neither H2 nor a stock PostgreSQL has the
 * same: the sort and search then agree for old and new rows alike. Spring Boot hands this bean to
 * Flyway, which runs it once, in order, with the SQL migrations.
 */
@Component
class SearchKeysMigration implements JavaMigration {

    private static final int BATCH = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("36");
    }

    @Override
    public String getDescription() {
        return "fold search keys";
    }

    @Override
    public Integer getChecksum() {
        return 36;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
                PreparedStatement update = connection.prepareStatement("UPDATE accounts SET user_id_sort = ?,"
                        + " first_name_sort = ?, last_name_sort = ?, email_sort = ? WHERE id = ?");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO account_name_words (account_id, company_id, word, user_id_sort, last_name_sort)"
                                + " VALUES (?, ?, ?, ?, ?)")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery(
                    "SELECT id, home_company_id, user_id, first_name, last_name, email FROM accounts")) {
                while (rows.next()) {
                    String id = rows.getString("id");
                    update.setString(1, SearchKey.of(rows.getString("user_id")));
                    update.setString(2, SearchKey.of(rows.getString("first_name")));
                    update.setString(3, SearchKey.of(rows.getString("last_name")));
                    update.setString(4, SearchKey.of(rows.getString("email")));
                    update.setString(5, id);
                    update.addBatch();
                    for (String word : SearchKey.laterWords(rows.getString("first_name"), rows.getString("last_name"))) {
                        insert.setString(1, id);
                        insert.setString(2, rows.getString("home_company_id"));
                        insert.setString(3, word);
                        insert.setString(4, SearchKey.of(rows.getString("user_id")));
                        insert.setString(5, SearchKey.of(rows.getString("last_name")));
                        insert.addBatch();
                    }
                    if (++pending == BATCH) {
                        update.executeBatch();
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            update.executeBatch();
            insert.executeBatch();
        }
    }
}
