package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The userId rule (docs/rules.md §4): 3–64 of a-z 0-9 . _ - @ +, so email-shaped names fit. The
 * same at every entry point that checks it: the API, the CSV import (SCIM in ScimIntegrationTests).
 */
@IntegrationTest
class UserIdRuleIntegrationTests {

    @LocalServerPort
    int port;

    Api operator;
    String company;

    @BeforeEach
    void company() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        company = new Fixtures(operator).company(5);
    }

    @Test
    void the_api_activates_a_user_whose_user_id_is_an_email() {
        String userId = Fixtures.unique("ada").toLowerCase() + "+ops@example.com";

        var created = operator.post(users(), Fixtures.with(Fixtures.validUser("ACTIVE"), "userId", userId));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        assertThat(created.text("userId")).isEqualTo(userId);
    }

    @Test
    void the_api_still_refuses_characters_outside_the_rule() {
        var created = operator.post(users(), Fixtures.with(Fixtures.validUser("ACTIVE"), "userId", "ada#ops@example.com"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.text("validationResult")).contains("'@' and '+'");
    }

    @Test
    void the_csv_import_activates_a_user_whose_user_id_is_an_email() {
        String userId = Fixtures.unique("grace").toLowerCase() + "@example.com";
        CsvHttp csv = CsvHttp.signIn(port, Operator.EMAIL, Operator.PASSWORD);

        var imported = csv.post(users() + "/import", "text/csv",
                "userId,firstName,lastName,email,status\n" + userId + ",Grace,Hopper," + userId + ",ACTIVE\n");

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("activated").asInt()).isEqualTo(1);
        var listed = operator.get(users() + "?q=" + URLEncoder.encode(userId, StandardCharsets.UTF_8));
        assertThat(listed.json().get("items").get(0).get("userId").asString()).isEqualTo(userId);
        assertThat(listed.json().get("items").get(0).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void an_email_shaped_user_id_signs_in_as_that_user_id_even_when_the_email_differs() {
        String userId = Fixtures.unique("ops").toLowerCase() + "@corp.example";
        String password = "Quiet-Harbor-Orbit-7319";
        var created = operator.post(users(), Fixtures.with(Fixtures.userWithPassword("ACTIVE", password), "userId", userId));
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");

        var token = Api.at(port).basic(userId.toUpperCase(), password).post("/api/v1/tokens", null);

        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        assertThat(Api.at(port).bearer(token.text("token")).get("/api/v1/me").body()).contains(userId);
    }

    private String users() {
        return "/api/v1/companies/" + company + "/users";
    }
}
