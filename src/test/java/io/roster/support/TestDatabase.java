package io.roster.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application under test at the database of this test pass: an in-memory H2 by default,
 * or PostgreSQL when the build runs the suite with {@code roster.test.database=postgresql}
 * (see the failsafe executions in pom.xml and .ci/run).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static boolean isPostgres() {
        return "postgresql".equals(System.getProperty("roster.test.database"));
    }

    /** The JDBC URL of the PostgreSQL test database (only meaningful when {@link #isPostgres()}). */
    public static String postgresUrl() {
        String url = System.getProperty("roster.test.pg.url");
        if (url == null || url.isBlank() || url.startsWith("${")) {
            throw new IllegalStateException("Set ROSTER_TEST_PG_URL to run the PostgreSQL pass");
        }
        return url;
    }

    public static String postgresUser() {
        return System.getProperty("roster.test.pg.user", System.getenv().getOrDefault("ROSTER_TEST_PG_USER", "postgres"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = isPostgres()
                ? Map.of("spring.datasource.url", postgresUrl(), "spring.datasource.username", postgresUser(),
                        "spring.datasource.password", System.getenv().getOrDefault("ROSTER_TEST_PG_PASSWORD", ""),
                        // the suite keeps several contexts (and extra nodes) open at once: each pool opens
                        // connections only as needed and lets idle ones go, within PostgreSQL's limit
                        "spring.datasource.hikari.minimum-idle", "1", "spring.datasource.hikari.idle-timeout", "10000")
                : Map.of("spring.datasource.url", "jdbc:h2:mem:roster-" + UUID.randomUUID()
                                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;DEFAULT_LOCK_TIMEOUT=10000",
                        "spring.datasource.username", "sa", "spring.datasource.password", "");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("roster-test-database", properties));
    }
}
