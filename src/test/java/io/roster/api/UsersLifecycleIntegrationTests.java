package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class UsersLifecycleIntegrationTests {

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
    void the_third_active_user_of_a_two_license_company_stays_draft_and_says_why() {
        String company = fixtures.companyOf(fixtures.partner(), 2);

        var first = fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        var second = fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        var third = fixtures.createUser(company, Fixtures.validUser("ACTIVE"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("ACTIVE");
        assertThat(first.text("validationResult")).isEqualTo("OK");
        assertThat(second.text("status")).isEqualTo("ACTIVE");
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.text("status")).isEqualTo("DRAFT");
        assertThat(third.text("validationResult"))
                .isEqualTo("No license available: 2 of 2 in use");
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isEqualTo(2);
    }

    @Test
    void an_unknown_role_saves_nothing_and_a_role_named_twice_is_granted_once() {
        String company = fixtures.company(2);
        Map<String, Object> typo = Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("MEMBER", "MEMBRE"));

        var refused = fixtures.createUser(company, typo);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("roleId");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("no role 'MEMBRE'");
        var table = api.get("/api/v1/companies/" + company + "/users?q=" + typo.get("userId"));
        assertThat(table.json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isZero();

        var twice = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("ACTIVE"), "roles",
                List.of("MEMBER", "AUDITOR", "MEMBER")));
        assertThat(twice.status()).isEqualTo(201);
        assertThat(twice.json().get("roles").toString()).isEqualTo("[\"AUDITOR\",\"MEMBER\"]");
        assertThat(api.get("/api/v1/companies/" + company + "/users/" + twice.text("id")).json().get("roles").toString())
                .isEqualTo("[\"AUDITOR\",\"MEMBER\"]");
    }

    @Test
    void deactivating_frees_a_license_for_a_draft_and_the_inactive_user_can_then_be_deleted() {
        String company = fixtures.company(2);
        String users = "/api/v1/companies/" + company + "/users/";
        String first = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        String third = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");

        var refusedDelete = api.delete(users + first, Map.of());
        assertThat(refusedDelete.status()).isEqualTo(409);
        assertThat(refusedDelete.text("detail")).contains("deactivate it first");

        assertThat(api.post(users + first + "/deactivate", null).text("status")).isEqualTo("INACTIVE");
        var activated = api.post(users + third + "/activate", null);
        assertThat(activated.status()).isEqualTo(200);
        assertThat(activated.text("validationResult")).isEqualTo("OK");

        var reactivation = api.post(users + first + "/activate", null);
        assertThat(reactivation.status()).isEqualTo(409);
        assertThat(reactivation.text("validationResult")).isEqualTo("No license available: 2 of 2 in use");
        assertThat(reactivation.text("code")).isEqualTo("NO_LICENSE");
        assertThat(api.get(users + first).text("status")).isEqualTo("INACTIVE");

        assertThat(api.delete(users + first, Map.of()).status()).isEqualTo(204);
        assertThat(api.get(users + first).status()).isEqualTo(404);
    }

    @Test
    void an_incomplete_row_is_saved_as_draft_and_activation_lists_what_to_fix() {
        String company = fixtures.company(5);
        Map<String, Object> body = new HashMap<>();
        body.put("userId", "Not Valid!");
        body.put("email", "nope");
        body.put("status", "ACTIVE");

        var created = fixtures.createUser(company, body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.text("userId")).isEqualTo("Not Valid!");
        assertThat(created.text("validationResult")).contains("User ID is invalid").contains("First name is missing")
                .contains("Last name is missing").contains("Email is invalid");
    }

    @Test
    void a_taken_user_id_or_email_is_refused_case_insensitively() {
        String company = fixtures.company(5);
        Map<String, Object> taken = Fixtures.validUser("ACTIVE");
        fixtures.createUser(company, taken);

        Map<String, Object> sameHandle = new HashMap<>(Fixtures.validUser("ACTIVE"));
        sameHandle.put("userId", taken.get("userId"));
        Map<String, Object> sameEmail = new HashMap<>(Fixtures.validUser("ACTIVE"));
        sameEmail.put("email", taken.get("email").toString().toUpperCase());

        assertThat(fixtures.createUser(company, sameHandle).text("validationResult")).isEqualTo("User ID already taken");
        assertThat(fixtures.createUser(company, sameEmail).text("validationResult"))
                .isEqualTo("Email already in use by another account");
    }
}
