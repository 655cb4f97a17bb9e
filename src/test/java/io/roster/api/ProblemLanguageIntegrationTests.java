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
 * docs/rules.md §14: a problem's detail and title are in the caller's Accept-Language, its
 * {@code code} the same in every language, over real HTTP.
 */
@IntegrationTest
class ProblemLanguageIntegrationTests {

    @LocalServerPort
    int port;

    Api english;
    Api french;
    Fixtures fixtures;

    @BeforeEach
    void signIn() {
        Api api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        english = api.withHeader("Accept-Language", "en-GB,en;q=0.9");
        french = api.withHeader("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5");
        fixtures = new Fixtures(api);
    }

    @Test
    void an_unknown_user_is_not_found_in_french_with_the_same_code_as_in_english() {
        String company = fixtures.company(0);

        var inFrench = french.get("/api/v1/companies/" + company + "/users/nobody-here");
        var inEnglish = english.get("/api/v1/companies/" + company + "/users/nobody-here");

        assertThat(inFrench.status()).isEqualTo(404);
        assertThat(inFrench.text("detail")).isEqualTo("Aucun utilisateur nobody-here dans cette entreprise");
        assertThat(inFrench.text("title")).isEqualTo("Introuvable");
        assertThat(inEnglish.text("detail")).isEqualTo("No user nobody-here in this company");
        assertThat(inEnglish.text("title")).isEqualTo("Not found");
        assertThat(inFrench.text("code")).isEqualTo("NO_USER").isEqualTo(inEnglish.text("code"));
        assertThat(inFrench.text("type")).isEqualTo(inEnglish.text("type"));
    }

    @Test
    void a_refused_activation_says_why_in_french_and_keeps_the_validation_code() {
        String company = fixtures.company(0);
        var draft = fixtures.createUser(company, Fixtures.validUser("DRAFT"));

        var refused = french.post("/api/v1/companies/" + company + "/users/" + draft.text("id") + "/activate", Map.of());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail"))
                .isEqualTo("L'utilisateur ne peut pas être activé : Aucune licence disponible : 0 sur 0 utilisées");
        assertThat(refused.text("title")).isEqualTo("Conflit");
        assertThat(refused.text("code")).isEqualTo("NO_LICENSE");
    }

    @Test
    void a_malformed_body_and_an_unknown_field_are_worded_in_french() {
        String company = fixtures.company(0);
        String users = "/api/v1/companies/" + company + "/users";

        var malformed = french.raw("POST", users, "application/json", "{\"userId\": ");
        var unknown = french.post(users, Fixtures.with(Fixtures.validUser("DRAFT"), "nickname", "Jo"));
        var englishUnknown = english.post(users, Fixtures.with(Fixtures.validUser("DRAFT"), "nickname", "Jo"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("detail")).isEqualTo("Le corps de la requête manque ou n'est pas du JSON valide");
        assertThat(malformed.text("code")).isEqualTo("MALFORMED_JSON");
        assertThat(unknown.text("detail")).isEqualTo("Champ inconnu « nickname »");
        assertThat(unknown.text("code")).isEqualTo("UNKNOWN_FIELD");
        assertThat(englishUnknown.text("detail")).isEqualTo("Unknown field 'nickname'");
        assertThat(englishUnknown.text("code")).isEqualTo("UNKNOWN_FIELD");
    }

    @Test
    void a_problem_without_a_sentence_of_its_own_reads_as_its_kind_in_french() {
        var unknownAddress = french.get("/api/v1/no-such-resource");
        var wrongMethod = french.raw("DELETE", "/api/v1/companies", "application/json", "");

        assertThat(unknownAddress.status()).isEqualTo(404);
        assertThat(unknownAddress.text("code")).isEqualTo("HTTP_404");
        assertThat(unknownAddress.text("detail")).isEqualTo("Il n'y a rien à cette adresse");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("code")).isEqualTo("HTTP_405");
        assertThat(wrongMethod.text("detail")).isEqualTo("Cette adresse n'accepte pas cette méthode");
        assertThat(wrongMethod.text("title")).isEqualTo("Méthode non permise");
    }
}
