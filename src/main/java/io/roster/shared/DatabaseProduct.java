package io.roster.shared;

import java.sql.Connection;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which of the two supported databases Roster runs on, read once from the driver. The SQL is the
 * same on both except where a planner needs help: H2 has no statistics-driven choice between
 * indexes that start with the same column, so a few reads name their index there.
 */
@Component
public class DatabaseProduct {

    private final boolean postgreSql;

    DatabaseProduct(DataSource dataSource) {
        String product = new JdbcTemplate(dataSource)
                .execute((Connection connection) -> connection.getMetaData().getDatabaseProductName());
        this.postgreSql = product != null && product.toLowerCase(Locale.ROOT).contains("postgresql");
    }

    public boolean isPostgreSql() {
        return postgreSql;
    }

    /** H2 (the embedded default), the only other database Roster runs on. */
    public boolean isH2() {
        return !postgreSql;
    }
}
