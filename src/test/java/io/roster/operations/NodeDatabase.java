package io.roster.operations;

import io.roster.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A database of one's own for a node that a test starts and stops itself, on the database of the
 * current pass (see {@link TestDatabase}): a fresh in-memory H2, or a fresh schema of the PostgreSQL
 * test database (the nodes of other test classes, still running, poll the same outbox table in the
 * default schema). It outlives the node, so the test reads what the node left behind.
 */
final class NodeDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;

    private NodeDatabase(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    static NodeDatabase create() {
        String name = "node_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!TestDatabase.isPostgres()) {
            return new NodeDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;DEFAULT_LOCK_TIMEOUT=10000",
                    "sa", "", null);
        }
        String base = TestDatabase.postgresUrl();
        return new NodeDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name,
                TestDatabase.postgresUser(), System.getenv().getOrDefault("ROSTER_TEST_PG_PASSWORD", ""), name);
    }

    boolean isPostgres() {
        return schema != null;
    }

    /** The node's command-line settings for this database (Flyway makes the schema on PostgreSQL). */
    List<String> arguments() {
        List<String> arguments = new java.util.ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password));
        if (schema != null) {
            arguments.add("--spring.flyway.schemas=" + schema);
        }
        return arguments;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute(schema == null ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
