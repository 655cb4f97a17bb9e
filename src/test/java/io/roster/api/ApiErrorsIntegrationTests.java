package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** docs/rules.md §14: every refusal is an RFC 9457 problem with the right status, never a 500. */
@IntegrationTest
class ApiErrorsIntegrationTests {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void signIn() {
        api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(api);
    }

    @Test
    void a_malformed_json_body_is_a_400_problem_with_type_title_status_and_detail() {
        String company = fixtures.company(3);

        var response = api.raw("POST", users(company), "application/json", "{\"userId\": \"abc\", ");

        assertProblem(response, 400);
        assertThat(response.text("type")).endsWith("/problems/malformed-json");
        assertThat(response.text("title")).isEqualTo("Malformed request body");
        assertThat(response.text("detail")).isEqualTo("The request body is missing or is not valid JSON");
        assertThat(rowCount(company)).isZero();
    }

    @Test
    void an_empty_body_where_json_is_expected_is_a_400_problem() {
        String company = fixtures.company(3);

        assertProblem(api.raw("POST", users(company), "application/json", ""), 400);
        assertProblem(api.raw("PUT", "/api/v1/companies/" + company + "/licenses", "application/json", "[1, 2"), 400);
    }

    @Test
    void an_unknown_json_field_is_a_400_naming_the_field() {
        String company = fixtures.company(3);

        var response = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "nickname", "Jo"));

        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("nickname");
        assertThat(response.text("detail")).contains("nickname");
        assertThat(rowCount(company)).isZero();
    }

    @Test
    void an_unknown_json_field_in_a_company_request_is_a_400_naming_the_field() {
        var response = api.post("/api/v1/companies", Map.of("name", Fixtures.unique("Company"),
                "slug", Fixtures.unique("co"), "licensesPurchased", 3, "plan", "gold"));

        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("plan");
    }

    @Test
    void a_wrong_type_is_a_400_naming_the_field_never_a_500() {
        String company = fixtures.company(3);

        var licenses = api.post("/api/v1/companies", Map.of("name", Fixtures.unique("Company"),
                "slug", Fixtures.unique("co"), "licensesPurchased", "abc"));
        var status = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "status", "WHATEVER"));
        var verified = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "emailVerified", "maybe"));
        var notifications = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "notifications", 5));
        var seats = api.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", "many"));

        assertProblem(licenses, 400);
        assertThat(fieldsOf(licenses)).containsExactly("licensesPurchased");
        assertProblem(status, 400);
        assertThat(fieldsOf(status)).containsExactly("status");
        assertProblem(verified, 400);
        assertThat(fieldsOf(verified)).containsExactly("emailVerified");
        assertProblem(notifications, 400);
        assertThat(fieldsOf(notifications)).containsExactly("notifications");
        assertProblem(seats, 400);
        assertThat(fieldsOf(seats)).containsExactly("licensesPurchased");
        assertThat(rowCount(company)).isZero();
    }

    @Test
    void a_body_that_is_not_an_object_is_a_400_never_a_500() {
        String company = fixtures.company(3);
        String user = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");

        assertProblem(api.raw("POST", users(company), "application/json", "[]"), 400);
        assertProblem(api.raw("POST", users(company), "application/json", "\"text\""), 400);
        assertProblem(api.patch(users(company) + "/" + user, "[1]", Map.of()), 400);
        assertProblem(api.patch(users(company) + "/" + user, "42", Map.of()), 400);
    }

    @Test
    void an_oversized_user_id_or_first_name_is_a_400_with_field_errors_and_no_row_is_created() {
        String company = fixtures.company(3);
        String longText = "a".repeat(300);

        var longUserId = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "userId", longText));
        var longFirstName = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("ACTIVE"), "firstName", longText));
        var both = fixtures.createUser(company,
                Fixtures.with(Fixtures.validUser("DRAFT"), "userId", longText, "firstName", longText));

        assertProblem(longUserId, 400);
        assertThat(fieldsOf(longUserId)).containsExactly("userId");
        assertProblem(longFirstName, 400);
        assertThat(fieldsOf(longFirstName)).containsExactly("firstName");
        assertProblem(both, 400);
        assertThat(fieldsOf(both)).containsExactlyInAnyOrder("userId", "firstName");
        assertThat(rowCount(company)).isZero();
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isZero();
    }

    @Test
    void an_oversized_edit_is_a_400_and_changes_nothing() {
        String company = fixtures.company(3);
        var created = fixtures.createUser(company, Fixtures.validUser("DRAFT"));
        String path = users(company) + "/" + created.text("id");

        var response = api.patch(path, Map.of("lastName", "b".repeat(300)), Map.of());

        assertProblem(response, 400);
        assertThat(fieldsOf(response)).containsExactly("lastName");
        assertThat(api.get(path).text("lastName")).isEqualTo("Binoche");
    }

    @Test
    void a_name_whose_lower_case_is_longer_than_itself_is_saved_or_refused_never_a_500() {
        String company = fixtures.company(3);
        // U+0130 (capital I with dot) lower-cases to two chars: 200 typed chars become 400 in the sort column
        String dotted = "\u0130".repeat(200);

        var created = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "firstName", dotted));

        assertThat(created.status()).as(created.toString()).isIn(201, 400);
        if (created.status() == 201) {
            assertThat(created.text("firstName")).isEqualTo(dotted);
        } else {
            assertProblem(created, 400);
            assertThat(fieldsOf(created)).containsExactly("firstName");
        }
    }

    @Test
    void a_new_user_cannot_start_inactive_nor_in_an_unknown_locale() {
        String company = fixtures.company(3);

        var inactive = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "status", "INACTIVE"));
        var locale = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "locale", "de"));

        assertProblem(inactive, 400);
        assertThat(fieldsOf(inactive)).containsExactly("status");
        assertProblem(locale, 400);
        assertThat(fieldsOf(locale)).containsExactly("locale");
        assertThat(rowCount(company)).isZero();
    }

    @Test
    void an_unknown_api_path_is_a_404_problem() {
        var response = api.get("/api/v1/no-such-resource");

        assertProblem(response, 404);
    }

    @Test
    void a_method_the_resource_does_not_support_is_a_405_problem() {
        String company = fixtures.company(3);
        String user = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");

        var response = api.put(users(company) + "/" + user, Fixtures.validUser("DRAFT"));

        assertProblem(response, 405);
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() {
        String company = fixtures.company(3);

        var response = api.raw("POST", users(company), "text/plain", "userId=abc");

        assertProblem(response, 415);
        assertThat(rowCount(company)).isZero();
    }

    @Test
    void a_limit_outside_1_to_200_is_a_400() {
        String company = fixtures.company(3);

        for (String limit : List.of("0", "201", "-1", "abc", "99999999999")) {
            var response = api.get(users(company) + "?limit=" + limit);
            assertProblem(response, 400);
            assertThat(fieldsOf(response)).as("limit=" + limit).containsExactly("limit");
        }
        assertThat(api.get(users(company) + "?limit=1").status()).isEqualTo(200);
        assertThat(api.get(users(company) + "?limit=200").status()).isEqualTo(200);
    }

    @Test
    void a_garbage_cursor_is_a_400() {
        String company = fixtures.company(3);

        for (String cursor : List.of("not-a-cursor", "%21%21%21", "AAAA", "eyJzb3J0IjoidXNlcklkIn0")) {
            var response = api.get(users(company) + "?cursor=" + cursor);
            assertProblem(response, 400);
            assertThat(fieldsOf(response)).as("cursor=" + cursor).containsExactly("cursor");
        }
    }

    @Test
    void an_unknown_sort_or_status_filter_is_a_400() {
        String company = fixtures.company(3);

        var sort = api.get(users(company) + "?sort=password");
        var descendingUnknown = api.get(users(company) + "?sort=-createdAt");
        var status = api.get(users(company) + "?status=WHATEVER");
        var external = api.get(users(company) + "?external=maybe");

        assertProblem(sort, 400);
        assertThat(fieldsOf(sort)).containsExactly("sort");
        assertProblem(descendingUnknown, 400);
        assertThat(fieldsOf(descendingUnknown)).containsExactly("sort");
        assertProblem(status, 400);
        assertThat(fieldsOf(status)).containsExactly("status");
        assertProblem(external, 400);
        assertThat(fieldsOf(external)).containsExactly("external");
    }

    @Test
    void an_unknown_company_is_a_404_problem() {
        String unknown = "00000000-0000-7000-8000-000000000000";

        var company = api.get("/api/v1/companies/" + unknown);
        var users = api.get(users(unknown));
        var create = fixtures.createUser(unknown, Fixtures.validUser("DRAFT"));
        var licenses = api.put("/api/v1/companies/" + unknown + "/licenses", Map.of("licensesPurchased", 5));

        assertProblem(company, 404);
        assertThat(company.text("type")).endsWith("/problems/not-found");
        assertThat(company.text("detail")).contains(unknown);
        assertProblem(users, 404);
        assertProblem(create, 404);
        assertProblem(licenses, 404);
    }

    @Test
    void an_unknown_user_is_a_404_problem() {
        String company = fixtures.company(3);
        String path = users(company) + "/00000000-0000-7000-8000-000000000000";

        assertProblem(api.get(path), 404);
        assertProblem(api.patch(path, Map.of("firstName", "X"), Map.of()), 404);
        assertProblem(api.delete(path, Map.of()), 404);
        assertProblem(api.post(path + "/activate", null), 404);
    }

    @Test
    void a_user_of_another_company_is_a_404_through_this_company() {
        String mine = fixtures.company(3);
        String theirs = fixtures.company(3);
        String theirUser = fixtures.createUser(theirs, Fixtures.validUser("DRAFT")).text("id");

        assertProblem(api.get(users(mine) + "/" + theirUser), 404);
        assertProblem(api.patch(users(mine) + "/" + theirUser, Map.of("firstName", "Mallory"), Map.of()), 404);
        assertProblem(api.delete(users(mine) + "/" + theirUser, Map.of()), 404);
        assertThat(api.get(users(theirs) + "/" + theirUser).text("firstName")).isEqualTo("Jeanne");
    }

    @Test
    void a_request_without_authorization_is_a_401_problem() {
        String company = fixtures.company(3);
        Api anonymous = Api.at(port);

        var list = anonymous.get(users(company));
        var create = anonymous.post(users(company), Fixtures.validUser("DRAFT"));

        assertProblem(list, 401);
        assertThat(list.text("type")).endsWith("/problems/unauthorized");
        assertThat(list.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(create, 401);
        assertThat(rowCount(company)).isZero();
    }

    @Test
    void a_bad_bearer_token_is_a_401_problem() {
        String company = fixtures.company(3);

        for (String token : List.of("rst_not-a-real-token", "garbage", "rst_" + "x".repeat(200))) {
            var response = Api.at(port).bearer(token).get(users(company));
            assertProblem(response, 401);
            assertThat(response.text("type")).endsWith("/problems/unauthorized");
        }
        var basicElsewhere = Api.at(port).basic(Operator.EMAIL, Operator.PASSWORD).get(users(company));
        assertProblem(basicElsewhere, 401);
    }

    @Test
    void licenses_cannot_go_below_those_in_use_but_can_go_up_and_down_to_them() {
        String company = fixtures.company(3);
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        String licenses = "/api/v1/companies/" + company + "/licenses";

        var below = api.put(licenses, Map.of("licensesPurchased", 1));
        assertProblem(below, 409);
        assertThat(below.text("detail")).contains("2 licenses are in use");
        assertThat(below.json().get("licensesUsed").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesPurchased").asInt()).isEqualTo(3);

        var above = api.put(licenses, Map.of("licensesPurchased", 10));
        assertThat(above.status()).isEqualTo(200);
        assertThat(above.json().get("licensesPurchased").asInt()).isEqualTo(10);
        assertThat(above.json().get("licensesUsed").asInt()).isEqualTo(2);

        var exactly = api.put(licenses, Map.of("licensesPurchased", 2));
        assertThat(exactly.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesPurchased").asInt()).isEqualTo(2);
    }

    @Test
    void a_negative_or_missing_license_count_is_a_400() {
        String company = fixtures.company(3);
        String licenses = "/api/v1/companies/" + company + "/licenses";

        var negative = api.put(licenses, Map.of("licensesPurchased", -1));
        var missing = api.put(licenses, Map.of());

        assertProblem(negative, 400);
        assertThat(fieldsOf(negative)).containsExactly("licensesPurchased");
        assertProblem(missing, 400);
        assertThat(fieldsOf(missing)).containsExactly("licensesPurchased");
    }

    @Test
    void a_duplicate_company_slug_is_a_409() {
        String slug = Fixtures.unique("dup");
        var first = api.post("/api/v1/companies", Map.of("name", "First", "slug", slug, "licensesPurchased", 1));

        var second = api.post("/api/v1/companies", Map.of("name", "Second", "slug", slug, "licensesPurchased", 1));

        assertThat(first.status()).isEqualTo(201);
        assertProblem(second, 409);
        assertThat(second.text("type")).endsWith("/problems/slug-taken");
        assertThat(second.text("detail")).contains(slug);
    }

    @Test
    void an_invalid_slug_is_a_400_naming_the_slug() {
        for (String slug : List.of("Has Spaces", "UPPER", "-leading", "trailing-", "", "a".repeat(65), "caf\u00e9")) {
            var response = api.post("/api/v1/companies", Map.of("name", "Acme", "slug", slug, "licensesPurchased", 1));
            assertProblem(response, 400);
            assertThat(fieldsOf(response)).as("slug '" + slug + "'").containsExactly("slug");
        }
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith(PROBLEM_JSON);
        JsonNode body = response.json();
        assertThat(body.get("type")).as("type of " + response).isNotNull();
        assertThat(body.get("type").asString()).isNotBlank();
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asString()).isNotBlank();
    }

    private static List<String> fieldsOf(Api.Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as("errors of " + response).isNotNull();
        return errors.valueStream().map(error -> error.get("field").asString()).toList();
    }

    private int rowCount(String company) {
        return api.get(users(company) + "?limit=200").json().get("items").size();
    }

    private static String users(String company) {
        return "/api/v1/companies/" + company + "/users";
    }
}
