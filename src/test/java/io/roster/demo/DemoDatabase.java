package io.roster.demo;

import io.roster.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A database of its own for a node the test starts: a fresh in-memory H2, or on the PostgreSQL
 * pass a fresh schema of the test database, dropped at the end. It outlives the nodes started on
 * it, so a second start finds what the first one made.
 */
final class DemoDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private DemoDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    static DemoDatabase create() {
        String name = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!TestDatabase.isPostgres()) {
            return new DemoDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;DEFAULT_LOCK_TIMEOUT=10000",
                    "sa", "", null);
        }
        String base = TestDatabase.postgresUrl();
        return new DemoDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name,
                TestDatabase.postgresUser(), System.getenv().getOrDefault("ROSTER_TEST_PG_PASSWORD", ""), name);
    }

    /** A node's command-line settings for this database (Flyway makes the schema on PostgreSQL). */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
        if (schema != null) {
            arguments.add("--spring.flyway.schemas=" + schema);
        }
        return arguments;
    }

    /** Makes the schema, as the first node to start would: for tests of nodes that start together. */
    void migrate() {
        var flyway = org.flywaydb.core.Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + (schema == null ? "h2" : "postgresql"));
        (schema == null ? flyway : flyway.schemas(schema)).load().migrate();
    }

    /** The number of rows of a table, read straight from the database. */
    long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(schema == null ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
