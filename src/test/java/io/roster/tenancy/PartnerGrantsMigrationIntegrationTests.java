package io.roster.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migration that moved partner access into grants (V73), run on a database of its own (H2) or
 * a schema of its own (PostgreSQL): a company a partner had opened before it gets an ACTIVE grant
 * of both scopes ending one year after the migration; a company without a partner gets none.
 */
class PartnerGrantsMigrationIntegrationTests {

    @Test
    void every_company_attached_before_the_grants_gets_an_active_grant_of_both_scopes_for_one_year() throws SQLException {
        boolean postgres = TestDatabase.isPostgres();
        String schema = "grants_migration_" + UUID.randomUUID().toString().substring(0, 8);
        String url = postgres ? TestDatabase.postgresUrl() : "jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1";
        String user = postgres ? TestDatabase.postgresUser() : "sa";
        String password = postgres ? System.getenv().getOrDefault("ROSTER_TEST_PG_PASSWORD", "") : "";
        String vendor = postgres ? "postgresql" : "h2";
        String in = postgres ? schema + "." : "";
        var configuration = Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
        if (postgres) {
            configuration = configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            try {
                // the last migration before the grants' (the target must name one that exists)
                String before = java.util.Arrays.stream(configuration.load().info().all())
                        .map(migration -> migration.getVersion())
                        .filter(version -> version != null && version.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("73")) < 0)
                        .max(Comparable::compareTo).orElseThrow().getVersion();
                configuration.target(before).load().migrate();
                sql.executeUpdate("INSERT INTO " + in + "partners (id, name, version, created_at)"
                        + " VALUES ('p1', 'Partner One', 0, CURRENT_TIMESTAMP)");
                sql.executeUpdate("INSERT INTO " + in + "companies (id, name, slug, partner_id, version, created_at)"
                        + " VALUES ('c1', 'Client One', 'client-one', 'p1', 0, CURRENT_TIMESTAMP)");
                sql.executeUpdate("INSERT INTO " + in + "companies (id, name, slug, partner_id, version, created_at)"
                        + " VALUES ('c2', 'Alone', 'alone', NULL, 0, CURRENT_TIMESTAMP)");

                configuration.target("latest").load().migrate();

                try (ResultSet grants = sql.executeQuery("SELECT id, company_id, partner_id, status, scope_users,"
                        + " scope_billing, ends_at FROM " + in + "partner_grants ORDER BY company_id")) {
                    assertThat(grants.next()).isTrue();
                    assertThat(grants.getString("company_id")).isEqualTo("c1");
                    assertThat(grants.getString("partner_id")).isEqualTo("p1");
                    assertThat(grants.getString("status")).isEqualTo("ACTIVE");
                    assertThat(grants.getBoolean("scope_users")).isTrue();
                    assertThat(grants.getBoolean("scope_billing")).isTrue();
                    Instant endsAt = grants.getObject("ends_at", OffsetDateTime.class).toInstant();
                    assertThat(endsAt).isBetween(Instant.now().plus(Duration.ofDays(364)), Instant.now().plus(Duration.ofDays(367)));
                    assertThat(grants.next()).as("a company without a partner gets no grant").isFalse();
                }
            } finally {
                sql.execute(postgres ? "DROP SCHEMA " + schema + " CASCADE" : "DROP ALL OBJECTS");
            }
        }
    }
}
