package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Validation results over HTTP (docs/rules.md §2): the words in the caller's Accept-Language, the
 * codes beside them the same in every language, every problem at once, and the license figures
 * refreshed when the company's licenses change.
 */
@IntegrationTest
class ValidationCodesIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Api french;
    Fixtures fixtures;

    @BeforeEach
    void signIn() {
        api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        french = api.withHeader("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5");
        fixtures = new Fixtures(api);
    }

    @Test
    void the_result_reads_in_the_callers_language_with_a_stable_code() {
        String company = fixtures.company(0);
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "email", "not-an-email");

        var created = french.post("/api/v1/companies/" + company + "/users", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.text("validationResult"))
                .isEqualTo("E-mail invalide ; Aucune licence disponible : 0 sur 0 utilisées");
        assertThat(created.text("validationCode")).isEqualTo("EMAIL_INVALID");
        var problems = created.json().get("validationProblems");
        assertThat(problems.get(0).get("code").asString()).isEqualTo("EMAIL_INVALID");
        assertThat(problems.get(1).get("code").asString()).isEqualTo("NO_LICENSE");
        assertThat(problems.get(1).get("params").get("used").asString()).isEqualTo("0");
        assertThat(problems.get(1).get("params").get("purchased").asString()).isEqualTo("0");

        var english = api.withHeader("Accept-Language", "en").get("/api/v1/companies/" + company + "/users/" + created.text("id"));
        assertThat(english.text("validationResult")).isEqualTo("Email is invalid; No license available: 0 of 0 in use");
        assertThat(english.text("validationCode")).isEqualTo("EMAIL_INVALID");
    }

    @Test
    void a_refused_activation_answers_the_words_and_the_code() {
        String company = fixtures.company(0);
        var draft = fixtures.createUser(company, Fixtures.validUser("DRAFT"));

        var refused = french.post("/api/v1/companies/" + company + "/users/" + draft.text("id") + "/activate", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("NO_LICENSE");
        assertThat(refused.text("validationResult")).isEqualTo("Aucune licence disponible : 0 sur 0 utilisées");
    }

    @Test
    void a_refused_password_is_a_coded_field_error_in_the_callers_words() {
        String company = fixtures.company(1);
        var created = french.post("/api/v1/companies/" + company + "/users",
                Fixtures.userWithPassword("ACTIVE", "short"));

        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.text("validationCode")).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(created.text("validationResult")).isEqualTo("Mot de passe trop court : utilisez au moins 12 caractères");
    }

    @Test
    void drafts_refused_for_want_of_a_license_are_told_when_licenses_are_added() {
        String company = fixtures.company(1);
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        var waiting = fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        var incomplete = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("ACTIVE"), "firstName", ""));
        assertThat(waiting.text("validationCode")).isEqualTo("NO_LICENSE");
        assertThat(incomplete.text("validationResult")).isEqualTo("First name is missing; No license available: 1 of 1 in use");

        var raised = api.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 5));
        assertThat(raised.status()).isEqualTo(200);

        var after = french.get("/api/v1/companies/" + company + "/users/" + waiting.text("id"));
        assertThat(after.text("validationCode")).isEqualTo("LICENSE_AVAILABLE");
        assertThat(after.text("validationResult")).isEqualTo(
                "Des licences ont été ajoutées (1 sur 5 utilisées désormais) : activez de nouveau l'utilisateur");
        assertThat(after.text("status")).isEqualTo("DRAFT");
        var other = api.get("/api/v1/companies/" + company + "/users/" + incomplete.text("id"));
        assertThat(other.text("validationResult"))
                .isEqualTo("First name is missing; Licenses were added (1 of 5 in use now): activate the user again");

        var activated = api.post("/api/v1/companies/" + company + "/users/" + waiting.text("id") + "/activate", Map.of());
        assertThat(activated.text("validationResult")).isEqualTo("OK");
    }
}
