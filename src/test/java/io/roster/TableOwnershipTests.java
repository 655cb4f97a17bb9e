package io.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables (docs/architecture.md): the SQL in a module's main code names only
 * the tables that module owns, and the adapters hold no SQL at all. Other modules' data is reached
 * through their Java API, or through a read model the owner keeps. Migrations are exempt: they
 * describe the one schema all modules share.
 */
class TableOwnershipTests {

    /** The owner of every table. A new table must be added here, to exactly one module. */
    static final Map<String, Set<String>> TABLES_BY_MODULE = Map.ofEntries(
            Map.entry("tenancy", Set.of("partners", "companies", "partner_grants")),
            Map.entry("licensing", Set.of("license_pools")),
            Map.entry("users", Set.of("accounts", "platform_setup", "company_links", "account_name_words", "seat_waitlist",
                    "seat_waitlist_settings")),
            Map.entry("access", Set.of("api_tokens", "scim_tokens", "scim_settings", "custom_roles", "role_assignments", "partner_members",
                    "sign_in_events", "sign_in_throttle", "device_cookie_keys", "spring_session",
                    "spring_session_attributes", "totp_factors", "recovery_codes", "user_entities", "user_credentials",
                    "company_security")),
            Map.entry("workspaces", Set.of("workspaces", "workspace_members")),
            Map.entry("invitations", Set.of("invitations")),
            Map.entry("guests", Set.of("guest_review_periods", "guest_review_links")),
            Map.entry("mail", Set.of("mail_outbox")),
            Map.entry("notifications", Set.of("notifications")),
            Map.entry("audit", Set.of("audit_entries")),
            Map.entry("webhooks", Set.of("webhook_endpoints", "webhook_deliveries")),
            Map.entry("oidc", Set.of("oauth2_registered_client", "oauth2_authorization", "oauth2_authorization_consent",
                    "oidc_sign_ins", "oidc_signing_keys")),
            Map.entry("demo", Set.of("demo_marker")));

    /** The adapters and the cross-cutting modules: they reach data only through the modules' APIs. */
    static final Set<String> NO_SQL = Set.of("api", "web", "edge", "operations");

    static final Path MAIN = Path.of("src/main/java/io/roster");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    private static final Pattern TABLE_AFTER_KEYWORD = Pattern.compile(
            "\\b(?:from|join|into|update|table|exists)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATABASE_ACCESS = Pattern.compile(
            "\\b(JdbcClient|JdbcTemplate|NamedParameterJdbcTemplate|DataSource|EntityManager)\\b");

    @Test
    void every_table_of_the_schema_has_exactly_one_owner() {
        Set<String> owned = new TreeSet<>();
        TABLES_BY_MODULE.values().forEach(tables -> tables.forEach(table -> assertThat(owned.add(table))
                .as("%s is owned by two modules", table).isTrue()));

        assertThat(owned).containsAll(tablesCreatedByMigrations());
    }

    @Test
    void a_modules_sql_names_only_its_own_tables() {
        Set<String> known = TABLES_BY_MODULE.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        List<String> crossings = new ArrayList<>();
        for (Path file : mainSources()) {
            String module = moduleOf(file);
            Set<String> own = TABLES_BY_MODULE.getOrDefault(module, Set.of());
            for (String table : tablesNamedIn(read(file))) {
                if (known.contains(table) && !own.contains(table)) {
                    crossings.add(MAIN.relativize(file) + " (" + module + ") names " + table);
                }
            }
        }

        assertThat(crossings).as("SQL that names another module's table").isEmpty();
    }

    @Test
    void the_adapters_hold_no_sql() {
        List<String> offenders = mainSources().stream()
                .filter(file -> NO_SQL.contains(moduleOf(file)))
                .filter(file -> DATABASE_ACCESS.matcher(read(file)).find()
                        || !tablesNamedIn(read(file)).stream().filter(this::isKnownTable).toList().isEmpty())
                .map(file -> MAIN.relativize(file).toString())
                .toList();

        assertThat(offenders).as("adapter classes that reach the database").isEmpty();
    }

    /** The check itself: a crossing written the way the code writes SQL is caught. */
    @Test
    void the_scan_finds_tables_in_concatenated_literals_and_text_blocks() {
        String source = """
                jdbc.sql("SELECT a.id FROM accounts a JOIN"
                        + " role_assignments ra ON ra.account_id = a.id WHERE EXISTS (SELECT 1 FROM companies c)");
                String text = \"""
                    UPDATE license_pools SET used = used + 1
                    \""";
                jdbc.sql("INSERT INTO " + "audit_entries (id) VALUES (?)");
                String message = "the partner space lists the users of its companies";
                """;

        assertThat(tablesNamedIn(source))
                .containsExactlyInAnyOrder("accounts", "role_assignments", "companies", "license_pools", "audit_entries");
    }

    private boolean isKnownTable(String table) {
        return TABLES_BY_MODULE.values().stream().anyMatch(tables -> tables.contains(table));
    }

    /** Table names that follow an SQL keyword in the file's string literals, joined as the code joins them. */
    static Set<String> tablesNamedIn(String source) {
        StringBuilder literals = new StringBuilder();
        Matcher literal = STRING_LITERAL.matcher(source);
        while (literal.find()) {
            literals.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append(' ');
        }
        Set<String> tables = new TreeSet<>();
        Matcher table = TABLE_AFTER_KEYWORD.matcher(literals);
        while (table.find()) {
            tables.add(table.group(1).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    private static Set<String> tablesCreatedByMigrations() {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            Set<String> tables = new TreeSet<>();
            files.filter(file -> file.toString().endsWith(".sql")).forEach(file -> {
                Matcher create = CREATE_TABLE.matcher(read(file));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase(Locale.ROOT));
                }
            });
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> mainSources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> MAIN.relativize(file).getNameCount() > 1)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String moduleOf(Path file) {
        return MAIN.relativize(file).getName(0).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
