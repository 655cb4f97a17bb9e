package io.roster.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Input no field could hold is a 400 (or 415) problem naming what is wrong, never a 500. */
@IntegrationTest
class MalformedInputIntegrationTests {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    Api api;
    RawHttp raw;
    String token;
    String company;

    @BeforeEach
    void setUp() {
        token = Api.at(port).basic(Operator.EMAIL, Operator.PASSWORD).post("/api/v1/tokens", null).text("token");
        api = Api.at(port).bearer(token);
        raw = new RawHttp(port);
        company = new Fixtures(api).company(3);
    }

    @Test
    void a_malformed_accept_language_is_ignored_on_every_path() {
        for (String language : List.of("fr;q=abc", "a".repeat(300), "fr-" + "x".repeat(40), ";;;q=")) {
            Map<String, String> header = Map.of("Accept-Language", language);

            assertThat(raw.get("/login", header).status()).as(language).isEqualTo(200);
            assertThat(raw.get("/actuator/health", header).status()).as(language).isEqualTo(200);
            assertThat(raw.get("/api/v1/me", Map.of("Accept-Language", language, "Authorization", "Bearer " + token))
                    .status()).as(language).isEqualTo(200);
            assertProblem(raw.get("/api/v1/me", header), 401);
            assertThat(raw.send("POST", "/api/v1/tokens", Map.of("Accept-Language", language,
                    "Authorization", basic(Operator.EMAIL + ":" + Operator.PASSWORD)), new byte[0]).status()).isEqualTo(201);
        }
    }

    @Test
    void a_blank_id_in_a_path_is_a_400_problem() {
        for (String path : List.of("/api/v1/companies/%20", "/api/v1/companies/%20/users", "/api/v1/companies/" + company
                + "/users/%20", "/api/v1/partners/%09", "/api/v1/tokens/%20")) {
            String method = path.startsWith("/api/v1/tokens") ? "DELETE" : "GET";
            var answer = raw.send(method, path, bearer(), null);
            assertProblem(answer, 400);
            assertThat(fields(answer)).as(path).containsExactly("path");
        }
    }

    @Test
    void a_wildcard_content_type_is_a_415_and_a_multipart_body_without_boundary_a_400() {
        byte[] body = "x".getBytes(StandardCharsets.UTF_8);
        String users = "/api/v1/companies/" + company + "/users";

        assertProblem(raw.send("POST", users, with(bearer(), "Content-Type", "*/*"), body), 415);
        assertProblem(raw.send("POST", users, with(bearer(), "Content-Type", "application/*"), body), 415);
        assertProblem(raw.send("POST", users, with(bearer(), "Content-Type", "application/json; charset=bogus"), body), 415);
        assertProblem(raw.send("POST", users + "/import", with(bearer(), "Content-Type", "multipart/form-data"), body), 400);
        assertProblem(raw.send("POST", users + "/import",
                with(bearer(), "Content-Type", "multipart/form-data; boundary=xyz"), body), 400);
    }

    @Test
    void an_undecodable_query_string_is_a_400_problem() {
        String users = "/api/v1/companies/" + company + "/users";

        for (String query : List.of("q=%", "q=%zz", "q=%ED%A0%80", "q=%C3", "q%=1")) {
            assertProblem(raw.get(users + "?" + query, bearer()), 400);
        }
    }

    @Test
    void control_characters_are_refused_in_query_parameters_naming_the_parameter() {
        String users = "/api/v1/companies/" + company + "/users";

        for (String query : List.of("q=%00", "q=a%01b", "q=%7F", "q=%C2%85", "status=%1B")) {
            var answer = raw.get(users + "?" + query, bearer());
            assertProblem(answer, 400);
            assertThat(fields(answer)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        assertThat(raw.get(users + "?q=%09", bearer()).status()).as("a tab is text").isEqualTo(200);
    }

    @Test
    void control_characters_are_refused_in_path_ids() {
        // the servlet container refuses an encoded NUL itself; the other controls reach the check
        assertProblem(raw.get("/api/v1/companies/" + company + "/users/ab%00c", bearer()), 400);
        for (String id : List.of("ab%01c", "%1B", "x%7F", "x%C2%85")) {
            var answer = raw.get("/api/v1/companies/" + company + "/users/" + id, bearer());
            assertProblem(answer, 400);
            assertThat(fields(answer)).as(id).containsExactly("path");
        }
    }

    @Test
    void control_characters_are_refused_in_json_fields_naming_the_field_and_nothing_is_written() {
        String users = "/api/v1/companies/" + company + "/users";
        var user = Fixtures.validUser("DRAFT");

        var inUserId = api.post(users, Fixtures.with(user, "userId", "ab\u0000c"));
        var inName = api.post(users, Fixtures.with(user, "lastName", "Doe\u0007"));
        var inRoles = api.post(users, Fixtures.with(user, "roles", List.of("MEMBER", "X\u0000")));
        var inCompany = api.post("/api/v1/companies", Map.of("name", "Acme\u0000", "slug", Fixtures.unique("co"),
                "licensesPurchased", 1));
        String created = api.post(users, user).text("id");
        var inPatch = api.patch(users + "/" + created, Map.of("firstName", "Jo\u0000"), Map.of());
        var loneSurrogate = api.raw("POST", users, "application/json",
                JSON.writeValueAsString(Fixtures.with(user, "userId", "x")).replace("\"x\"", "\"\\ud800\""));

        assertProblem(inUserId, 400);
        assertThat(fields(inUserId)).containsExactly("userId");
        assertProblem(inName, 400);
        assertThat(fields(inName)).containsExactly("lastName");
        assertProblem(inRoles, 400);
        assertThat(fields(inRoles)).containsExactly("roles[1]");
        assertProblem(inCompany, 400);
        assertThat(fields(inCompany)).containsExactly("name");
        assertProblem(inPatch, 400);
        assertThat(fields(inPatch)).containsExactly("firstName");
        assertProblem(loneSurrogate, 400);
        assertThat(fields(loneSurrogate)).containsExactly("userId");
        assertThat(api.get(users + "?limit=200").json().get("items").size()).isEqualTo(1);
        assertThat(api.get(users + "/" + created).text("firstName")).isEqualTo("Jeanne");
    }

    @Test
    void control_characters_in_basic_credentials_are_a_400_not_a_sign_in_attempt() {
        for (String pair : List.of(Operator.EMAIL + "\u0000:x", "ops\u0000@example.com:x", "abc:pass\u0000word")) {
            var answer = raw.send("POST", "/api/v1/tokens", Map.of("Authorization", basic(pair)), new byte[0]);
            assertProblem(answer, 400);
            assertThat(fields(answer)).containsExactly("Authorization");
        }
    }

    @Test
    void control_characters_in_a_csv_cell_refuse_the_whole_file() {
        String csv = "userId,firstName,lastName,email\nann,Ann,Lee,ann@example.com\nbob,Bo\u0000b,Ray,bob@example.com\n";

        var answer = raw.send("POST", "/api/v1/companies/" + company + "/users/import",
                with(bearer(), "Content-Type", "text/csv"), csv.getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 400);
        assertThat(fields(answer)).containsExactly("line 3: firstName");
        assertThat(api.get("/api/v1/companies/" + company + "/users").json().get("items").size()).isZero();
    }

    @Test
    void audit_times_outside_the_years_0001_to_9999_are_a_400() {
        String audit = "/api/v1/companies/" + company + "/audit";

        for (String query : List.of("from=%2B999999999-12-31T23:59:59Z", "to=-999999999-01-01T00:00:00Z",
                "from=0000-01-01T00:00:00Z", "to=%2B10000-01-01T00:00:00Z")) {
            var answer = raw.get(audit + "?" + query, bearer());
            assertProblem(answer, 400);
            assertThat(fields(answer)).as(query).containsExactly(query.substring(0, query.indexOf('=')));
        }
        assertThat(raw.get(audit + "?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z", bearer()).status()).isEqualTo(200);
    }

    @Test
    void a_license_count_must_be_a_json_integer() {
        String licenses = "/api/v1/companies/" + company + "/licenses";

        for (String count : List.of("3.7", "4.0", "\"4\"", "1e2", "true", "99999999999")) {
            var answer = api.raw("PUT", licenses, "application/json", "{\"licensesPurchased\": " + count + "}");
            assertProblem(answer, 400);
            assertThat(fields(answer)).as(count).containsExactly("licensesPurchased");
        }
        var created = api.raw("POST", "/api/v1/companies", "application/json", "{\"name\": \"Acme\", \"slug\": \""
                + Fixtures.unique("co") + "\", \"licensesPurchased\": 2.5}");
        assertProblem(created, 400);
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesPurchased").asInt()).isEqualTo(3);
    }

    @Test
    void a_request_refused_by_the_security_firewall_is_a_problem_too() {
        var answer = raw.get("/api/v1/companies/" + company + "/users/..;/x", bearer());

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith(PROBLEM_JSON);
    }

    @Test
    void the_console_answers_its_error_page_to_bad_input() {
        var nul = raw.get("/login?lang=%00", Map.of("Accept-Language", "fr"));
        var undecodable = raw.get("/login?next=%ZZ", Map.of());
        var form = raw.send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "login=a%00b&password=x".getBytes(StandardCharsets.UTF_8));

        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.header("Content-Type")).startsWith("text/html");
        assertThat(nul.body()).contains("Cette requête ne peut pas être traitée");
        assertThat(undecodable.status()).isEqualTo(400);
        assertThat(undecodable.body()).contains("This request cannot be served");
        assertThat(form.status()).as(form.toString()).isEqualTo(400);
        assertThat(form.header("Content-Type")).startsWith("text/html");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static void assertProblem(RawHttp.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith(PROBLEM_JSON);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
    }

    static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith(PROBLEM_JSON);
    }

    private static List<String> fields(RawHttp.Answer answer) {
        return JSON.readTree(answer.body()).get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }

    private static List<String> fields(Api.Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        return errors.valueStream().map(e -> e.get("field").asString()).toList();
    }

    private Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + token);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        var copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
