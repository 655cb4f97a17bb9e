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

    @Test
    void the_frequent_refusals_of_the_api_have_their_own_code_and_french_words() {
        String company = fixtures.company(0);
        String c = "/api/v1/companies/" + company;

        expect(french.delete(c + "/roles/MEMBER", Map.of()), 409, "BUILT_IN_ROLE_UNDELETABLE",
                "« Membre » est un rôle prédéfini : il ne peut pas être supprimé");
        expect(french.post(c + "/roles", Map.of("name", "Administrator", "permissions", java.util.List.of())), 409,
                "ROLE_NAME_BUILT_IN", "« Administrator » est le nom d'un rôle prédéfini : choisissez un autre nom");
        expect(french.get(c + "/webhooks/nowhere"), 404, "NO_WEBHOOK", "Aucun point de terminaison de webhook nowhere");
        expect(french.get("/api/v1/oidc-clients/nobody-app"), 404, "NO_OIDC_CLIENT",
                "Aucun client OpenID Connect nobody-app");
        expect(french.delete(c + "/scim-tokens/gone", Map.of()), 404, "NO_SCIM_TOKEN",
                "Aucun jeton SCIM gone dans cette entreprise");
        expect(french.delete("/api/v1/tokens/gone", Map.of()), 404, "NO_TOKEN",
                "Aucun jeton d'API gone : il n'existe pas, ou ce n'est pas le vôtre");
        expect(Api.at(port).withHeader("Accept-Language", "fr").post("/api/v1/tokens", null), 401, "BASIC_AUTH_MISSING",
                "Envoyez votre e-mail ou identifiant et votre mot de passe en authentification HTTP Basic");
        String slug = english.get(c).text("slug");
        expect(french.post("/api/v1/companies", Map.of("name", "Doublon", "slug", slug, "licensesPurchased", 1)), 409,
                "SLUG_USED", "L'identifiant court « " + slug + " » est déjà utilisé par une autre entreprise");

        // English keeps the module's sentence, and the same code
        var inEnglish = english.delete(c + "/roles/MEMBER", Map.of());
        assertThat(inEnglish.text("detail")).isEqualTo("'Member' is a built-in role: it cannot be deleted");
        assertThat(inEnglish.text("code")).isEqualTo("BUILT_IN_ROLE_UNDELETABLE");
    }

    /**
     * A sentence naming a built-in role names it as the console does, in the reader's language,
     * never by its id: a user manager granting the administrator's role, a role the user does not
     * hold, a built-in role someone tries to change.
     */
    @Test
    void a_refusal_names_a_built_in_role_in_the_readers_language_not_by_its_id() {
        String company = fixtures.company(5);
        String c = "/api/v1/companies/" + company;
        String password = "Quiet-Harbor-Orbit-7319";
        var manager = fixtures.createUser(company, Fixtures.with(Fixtures.userWithPassword("ACTIVE", password),
                "roles", List.of("USER_MANAGER")));
        String target = fixtures.createUser(company, Fixtures.userWithPassword("ACTIVE", password)).text("id");
        Api userManager = Api.at(port).signIn(manager.text("userId"), password);
        String roles = c + "/users/" + target + "/roles";

        var inFrench = userManager.withHeader("Accept-Language", "fr").post(roles, Map.of("roleId", "ADMINISTRATOR"));
        var inEnglish = userManager.withHeader("Accept-Language", "en").post(roles, Map.of("roleId", "ADMINISTRATOR"));

        expect(inFrench, 403, "ROLE_TOO_STRONG",
                "Vous ne pouvez pas donner le rôle « Administrateur » : il porte des permissions que vous n'avez pas");
        assertThat(inEnglish.text("code")).isEqualTo("ROLE_TOO_STRONG");
        assertThat(inEnglish.text("detail"))
                .isEqualTo("You cannot grant the role 'Administrator': it carries permissions you do not have");
        expect(french.delete(roles + "/AUDITOR", Map.of()), 404, "ROLE_NOT_HELD",
                "L'utilisateur n'a pas le rôle « Auditeur » dans cette entreprise");
        assertThat(english.delete(roles + "/AUDITOR", Map.of()).text("detail"))
                .isEqualTo("The user does not hold the role 'Auditor' in this company");
        expect(french.put(c + "/roles/BILLING_MANAGER", Map.of("name", "Facturation", "permissions", List.of())), 409,
                "BUILT_IN_ROLE_FIXED", "« Gestionnaire de la facturation » est un rôle prédéfini : son nom et ses"
                        + " permissions sont fixes ; créez plutôt un rôle personnalisé");
        expect(french.delete(roles + "/NO_SUCH_ROLE", Map.of()), 404, "ROLE_NOT_HELD",
                "L'utilisateur n'a pas le rôle « NO_SUCH_ROLE » dans cette entreprise");
    }

    private static void expect(Api.Response response, int status, String code, String frenchDetail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("code")).as(response.toString()).isEqualTo(code);
        assertThat(response.text("detail")).isEqualTo(frenchDetail);
    }
}
