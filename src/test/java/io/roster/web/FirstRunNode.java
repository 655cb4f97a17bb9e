package io.roster.web;

import io.roster.RosterApplication;
import io.roster.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node on a database of its own with no bootstrap variables, as at an installation's first run:
 * a fresh in-memory H2, or a fresh schema of the PostgreSQL test database (the suite's shared
 * context has its operator already). Closing it stops the node and drops its database.
 */
final class FirstRunNode implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private final ConfigurableApplicationContext context;

    private FirstRunNode(String url, String user, String password, String schema) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--roster.bootstrap.admin-email=", "--roster.bootstrap.admin-password=",
                "--roster.shutdown.drain=0s", "--roster.sign-in.delay-unit=PT0S",
                "--spring.datasource.hikari.pool-name=first-run-node", "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.minimum-idle=1",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password));
        if (schema != null) {
            arguments.add("--spring.flyway.schemas=" + schema);
        }
        context = new SpringApplicationBuilder(RosterApplication.class).run(arguments.toArray(String[]::new));
    }

    static FirstRunNode start() {
        String name = "first_run_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!TestDatabase.isPostgres()) {
            return new FirstRunNode("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;DEFAULT_LOCK_TIMEOUT=10000",
                    "sa", "", null);
        }
        String base = TestDatabase.postgresUrl();
        return new FirstRunNode(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name,
                TestDatabase.postgresUser(), System.getenv().getOrDefault("ROSTER_TEST_PG_PASSWORD", ""), name);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    JdbcClient jdbc() {
        return context.getBean(JdbcClient.class);
    }

    long operators() {
        return jdbc().sql("SELECT COUNT(*) FROM accounts WHERE operator = TRUE").query(Long.class).single();
    }

    @Override
    public void close() throws SQLException {
        context.close();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute(schema == null ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
