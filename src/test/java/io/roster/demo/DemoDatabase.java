package io.roster.demo;

import io.roster.support.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A database of its own for a node the test starts: a fresh H2 file in a temporary folder, or on the PostgreSQL
 * pass a fresh schema of the test database, dropped at the end. It outlives the nodes started on
 * it, so a second start finds what the first one made.
 */
final class DemoDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private final Path folder;

    private DemoDatabase(String url, String user, String password, String schema, Path folder) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.folder = folder;
    }

    static DemoDatabase create() {
        String name = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!TestDatabase.isPostgres()) {
            // a file, as ./data is: it closes with the last node and opens again with the next one
            Path folder = createFolder(name);
            return new DemoDatabase("jdbc:h2:file:" + folder.resolve("roster").toAbsolutePath()
                    + ";LOCK_TIMEOUT=10000;DEFAULT_LOCK_TIMEOUT=10000", "sa", "", null, folder);
        }
        String base = TestDatabase.postgresUrl();
        return new DemoDatabase(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name,
                TestDatabase.postgresUser(), System.getenv().getOrDefault("ROSTER_TEST_PG_PASSWORD", ""), name, null);
    }

    private static Path createFolder(String name) {
        try {
            return Files.createTempDirectory(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The number of rows of a table, read straight from the database. */
    long count(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(schema == null ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
