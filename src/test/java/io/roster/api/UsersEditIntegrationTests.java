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

/** docs/rules.md §3 "Edit" and §14: ETag/If-Match, editable and immutable fields, profile rules once the account exists. */
@IntegrationTest
class UsersEditIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String company;

    @BeforeEach
    void signIn() {
        api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(api);
        company = fixtures.company(5);
    }

    @Test
    void a_user_is_read_with_an_etag() {
        var created = fixtures.createUser(company, Fixtures.validUser("ACTIVE"));

        var read = api.get(path(created.text("id")));

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).matches("(W/)?\"[^\"]+\"");
        assertThat(created.header("ETag")).isEqualTo(read.header("ETag"));
        assertThat(read.text("firstName")).isEqualTo("Jeanne");
    }

    @Test
    void a_patch_with_the_current_etag_changes_the_first_name_and_gives_a_new_etag() {
        String id = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        String etag = api.get(path(id)).header("ETag");

        var patched = api.patch(path(id), Map.of("firstName", "Juliette"), Map.of("If-Match", etag));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("firstName")).isEqualTo("Juliette");
        assertThat(patched.text("lastName")).isEqualTo("Binoche");
        assertThat(patched.header("ETag")).isNotBlank().isNotEqualTo(etag);
        var read = api.get(path(id));
        assertThat(read.text("firstName")).isEqualTo("Juliette");
        assertThat(read.header("ETag")).isEqualTo(patched.header("ETag"));
    }

    @Test
    void a_stale_etag_is_refused_with_412_and_changes_nothing() {
        String id = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        String stale = api.get(path(id)).header("ETag");
        assertThat(api.patch(path(id), Map.of("firstName", "Juliette"), Map.of("If-Match", stale)).status())
                .isEqualTo(200);

        var refused = api.patch(path(id), Map.of("lastName", "Greco"), Map.of("If-Match", stale));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(412);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("type")).endsWith("/problems/stale-etag");
        assertThat(api.get(path(id)).text("lastName")).isEqualTo("Binoche");
    }

    @Test
    void an_if_match_that_is_not_one_of_our_etags_is_a_412() {
        String id = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");

        var refused = api.patch(path(id), Map.of("firstName", "Juliette"), Map.of("If-Match", "\"no-such-version\""));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(412);
        assertThat(api.get(path(id)).text("firstName")).isEqualTo("Jeanne");
    }

    @Test
    void a_weak_etag_never_matches_if_match() {
        String id = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");
        String etag = api.get(path(id)).header("ETag");

        // RFC 9110 §13.1.1: If-Match uses the strong comparison, so W/"n" does not match "n"
        var refused = api.patch(path(id), Map.of("firstName", "Juliette"), Map.of("If-Match", "W/" + etag));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(412);
        assertThat(api.get(path(id)).text("firstName")).isEqualTo("Jeanne");
    }

    @Test
    void an_if_match_list_holding_the_current_etag_proceeds() {
        String id = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");
        String etag = api.get(path(id)).header("ETag");

        // RFC 9110 §13.1.1: If-Match = "*" / #entity-tag
        var patched = api.patch(path(id), Map.of("firstName", "Juliette"), Map.of("If-Match", "\"999\", " + etag));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(api.get(path(id)).text("firstName")).isEqualTo("Juliette");
    }

    @Test
    void if_match_star_or_no_if_match_proceeds() {
        String id = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");

        var star = api.patch(path(id), Map.of("firstName", "Juliette"), Map.of("If-Match", "*"));
        var none = api.patch(path(id), Map.of("lastName", "Greco"), Map.of());

        assertThat(star.status()).as(star.toString()).isEqualTo(200);
        assertThat(none.status()).as(none.toString()).isEqualTo(200);
        var read = api.get(path(id));
        assertThat(read.text("firstName")).isEqualTo("Juliette");
        assertThat(read.text("lastName")).isEqualTo("Greco");
    }

    @Test
    void the_user_id_of_an_active_user_cannot_change_and_the_error_names_the_field() {
        Map<String, Object> user = Fixtures.validUser("ACTIVE");
        String id = fixtures.createUser(company, user).text("id");

        var refused = api.patch(path(id), Map.of("userId", Fixtures.unique("renamed")), Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fieldsOf(refused)).containsExactly("userId");
        assertThat(api.get(path(id)).text("userId")).isEqualTo(user.get("userId"));
    }

    @Test
    void the_user_id_of_an_inactive_user_cannot_change_either() {
        String id = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        assertThat(api.post(path(id) + "/deactivate", null).text("status")).isEqualTo("INACTIVE");

        var refused = api.patch(path(id), Map.of("userId", Fixtures.unique("renamed")), Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(fieldsOf(refused)).containsExactly("userId");
    }

    @Test
    void external_validation_result_and_status_are_immutable_through_patch() {
        String id = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");

        var external = api.patch(path(id), Map.of("external", true), Map.of());
        var validation = api.patch(path(id), Map.of("validationResult", "OK"), Map.of());
        var status = api.patch(path(id), Map.of("status", "INACTIVE"), Map.of());
        var several = api.patch(path(id), Map.of("status", "DRAFT", "external", false, "firstName", "Juliette"), Map.of());

        assertThat(external.status()).as(external.toString()).isEqualTo(422);
        assertThat(fieldsOf(external)).containsExactly("external");
        assertThat(validation.status()).as(validation.toString()).isEqualTo(422);
        assertThat(fieldsOf(validation)).containsExactly("validationResult");
        assertThat(status.status()).as(status.toString()).isEqualTo(422);
        assertThat(fieldsOf(status)).containsExactly("status");
        assertThat(several.status()).as(several.toString()).isEqualTo(422);
        assertThat(fieldsOf(several)).containsExactlyInAnyOrder("status", "external");
        var read = api.get(path(id));
        assertThat(read.text("status")).isEqualTo("ACTIVE");
        assertThat(read.text("firstName")).isEqualTo("Jeanne");
        assertThat(read.json().get("external").asBoolean()).isFalse();
    }

    @Test
    void the_validation_result_of_a_draft_cannot_be_written_by_a_client_either() {
        String id = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "email", "nope")).text("id");

        var refused = api.patch(path(id), Map.of("validationResult", "OK"), Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(api.get(path(id)).text("status")).isEqualTo("DRAFT");
    }

    @Test
    void an_unknown_field_in_a_patch_is_a_400_naming_it() {
        String id = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");

        var refused = api.patch(path(id), Map.of("nickname", "Jo"), Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(fieldsOf(refused)).containsExactly("nickname");
    }

    @Test
    void the_user_id_of_a_draft_can_be_fixed_after_user_id_already_taken_and_the_user_then_activated() {
        Map<String, Object> taken = Fixtures.validUser("ACTIVE");
        assertThat(fixtures.createUser(company, taken).text("status")).isEqualTo("ACTIVE");
        var refused = fixtures.createUser(company,
                Fixtures.with(Fixtures.validUser("ACTIVE"), "userId", taken.get("userId")));
        assertThat(refused.text("status")).isEqualTo("DRAFT");
        assertThat(refused.text("validationResult")).isEqualTo("User ID already taken");
        String id = refused.text("id");
        String freeHandle = Fixtures.unique("fixed").toLowerCase();

        var fixed = api.patch(path(id), Map.of("userId", freeHandle), Map.of("If-Match", refused.header("ETag")));
        var activated = api.post(path(id) + "/activate", null);

        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(fixed.text("userId")).isEqualTo(freeHandle);
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.text("status")).isEqualTo("ACTIVE");
        assertThat(activated.text("validationResult")).isEqualTo("OK");
        assertThat(activated.text("userId")).isEqualTo(freeHandle);
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isEqualTo(2);
    }

    @Test
    void the_email_of_an_active_user_cannot_take_another_accounts_email_in_any_case() {
        Map<String, Object> other = Fixtures.validUser("ACTIVE");
        fixtures.createUser(fixtures.company(2), other);
        Map<String, Object> user = Fixtures.validUser("ACTIVE");
        String id = fixtures.createUser(company, user).text("id");

        var refused = api.patch(path(id), Map.of("email", other.get("email").toString().toUpperCase()), Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("Email already in use");
        assertThat(api.get(path(id)).text("email")).isEqualTo(user.get("email"));
    }

    @Test
    void the_email_of_an_active_user_can_change_to_a_free_address_once_that_address_confirms_it() {
        var created = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("ACTIVE"), "emailVerified", true));
        String id = created.text("id");
        String fresh = Fixtures.unique("new").toLowerCase() + "@example.org";

        var changed = api.patch(path(id), Map.of("email", fresh), Map.of());

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("email")).isEqualTo(created.text("email"));
        assertThat(changed.text("pendingEmail")).isEqualTo(fresh);
        assertThat(changed.json().get("emailVerified").asBoolean()).isTrue();
    }

    @Test
    void an_invalid_email_on_an_active_user_is_a_400() {
        Map<String, Object> user = Fixtures.validUser("ACTIVE");
        String id = fixtures.createUser(company, user).text("id");

        for (String email : List.of("nope", "a@b", "two@@example.com", "spaces in@example.com", "")) {
            var refused = api.patch(path(id), Map.of("email", email), Map.of());
            assertThat(refused.status()).as("email '" + email + "': " + refused).isEqualTo(400);
            assertThat(fieldsOf(refused)).containsExactly("email");
        }
        assertThat(api.get(path(id)).text("email")).isEqualTo(user.get("email"));
    }

    @Test
    void a_blank_first_or_last_name_on_an_active_user_is_a_400() {
        String id = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");

        var blankFirst = api.patch(path(id), Map.of("firstName", "   "), Map.of());
        var emptyLast = api.patch(path(id), Map.of("lastName", ""), Map.of());

        assertThat(blankFirst.status()).as(blankFirst.toString()).isEqualTo(400);
        assertThat(fieldsOf(blankFirst)).containsExactly("firstName");
        assertThat(emptyLast.status()).as(emptyLast.toString()).isEqualTo(400);
        assertThat(fieldsOf(emptyLast)).containsExactly("lastName");
        var read = api.get(path(id));
        assertThat(read.text("firstName")).isEqualTo("Jeanne");
        assertThat(read.text("lastName")).isEqualTo("Binoche");
    }

    @Test
    void a_draft_keeps_whatever_is_typed_even_incomplete() {
        String id = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");

        var patched = api.patch(path(id), Map.of("firstName", "", "email", "not-yet"), Map.of());

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("email")).isEqualTo("not-yet");
        assertThat(patched.text("status")).isEqualTo("DRAFT");
    }

    @Test
    void a_delete_with_a_stale_etag_is_a_412_and_the_row_stays() {
        String id = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");
        String stale = api.get(path(id)).header("ETag");
        api.patch(path(id), Map.of("firstName", "Juliette"), Map.of());

        var refused = api.delete(path(id), Map.of("If-Match", stale));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(412);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(path(id)).status()).isEqualTo(200);

        var deleted = api.delete(path(id), Map.of("If-Match", api.get(path(id)).header("ETag")));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(api.get(path(id)).status()).isEqualTo(404);
    }

    @Test
    void a_delete_with_if_match_star_still_refuses_an_active_user() {
        String id = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");

        var refused = api.delete(path(id), Map.of("If-Match", "*"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("deactivate it first");
        assertThat(api.get(path(id)).text("status")).isEqualTo("ACTIVE");
    }

    private static List<String> fieldsOf(Api.Response response) {
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as("errors of " + response).isNotNull();
        return errors.valueStream().map(error -> error.get("field").asString()).toList();
    }

    private String path(String id) {
        return "/api/v1/companies/" + company + "/users/" + id;
    }
}
