package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** SCIM provisioning, first slice: company SCIM tokens, the SCIM chain, discovery and reading a user. */
@IntegrationTest
class ScimIntegrationTests {

    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    String companyA;
    String companyB;

    @BeforeEach
    void companies() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        companyA = fixtures.company(5);
        companyB = fixtures.company(5);
    }

    @Test
    void an_administrator_creates_a_token_shown_once_lists_it_without_its_value_and_both_are_audited() {
        var created = operator.post(tokens(companyA), null);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("token")).startsWith("rsc_").hasSizeGreaterThanOrEqualTo(40);
        var listed = operator.get(tokens(companyA));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(id).doesNotContain(created.text("token"));
        assertThat(listed.json().get("items").get(0).get("lastUsedAt").isNull()).isTrue();
        assertThat(operator.get(tokens(companyB)).body()).doesNotContain(id);

        var revoked = operator.delete(tokens(companyA) + "/" + id, Map.of());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        List<String> actions = auditActions(companyA, id);
        assertThat(actions).containsExactlyInAnyOrder("scim_token.created", "scim_token.revoked");
    }

    @Test
    void another_companys_token_cannot_be_revoked_through_this_company() {
        String idInB = operator.post(tokens(companyB), null).text("id");

        var refused = operator.delete(tokens(companyA) + "/" + idInB, Map.of());

        assertThat(refused.status()).isEqualTo(404);
        assertThat(operator.get(tokens(companyB)).json().get("items").get(0).get("revokedAt").isNull()).isTrue();
    }

    @Test
    void without_a_valid_scim_token_scim_answers_401_in_the_scim_error_format() {
        String apiToken = "rst_" + "x".repeat(43);
        var revokedToken = operator.post(tokens(companyA), null);
        operator.delete(tokens(companyA) + "/" + revokedToken.text("id"), Map.of());

        for (Api client : List.of(Api.at(port), Api.at(port).bearer("rsc_unknown"), Api.at(port).bearer(apiToken),
                Api.at(port).bearer(revokedToken.text("token")), operator)) {
            var refused = client.get("/scim/v2/ServiceProviderConfig");

            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/scim+json");
            assertThat(refused.json().get("schemas").get(0).asString()).isEqualTo(ERROR_SCHEMA);
            assertThat(refused.text("status")).isEqualTo("401");
            assertThat(refused.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void discovery_describes_users_with_etags_and_says_what_is_not_supported() {
        Api scim = scim(companyA);

        var config = scim.get("/scim/v2/ServiceProviderConfig");
        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        // this client asks for application/json, which SCIM allows (RFC 7644 §3.1)
        assertThat(config.header("Content-Type")).startsWith("application/json");
        assertThat(config.json().get("etag").get("supported").asBoolean()).isTrue();
        assertThat(config.json().get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(config.json().get("authenticationSchemes").get(0).get("type").asString()).isEqualTo("oauthbearertoken");

        var types = scim.get("/scim/v2/ResourceTypes");
        assertThat(types.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(types.json().get("Resources").get(0).get("endpoint").asString()).isEqualTo("/Users");

        var schemas = scim.get("/scim/v2/Schemas");
        assertThat(schemas.body()).contains("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:roster:2.0:User");
        assertThat(scim.get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").status()).isEqualTo(200);
        var unknown = scim.get("/scim/v2/Schemas/urn:nothing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("schemas").get(0).asString()).isEqualTo(ERROR_SCHEMA);
    }

    @Test
    void a_directory_reads_its_companys_users_with_an_etag_and_never_another_companys() {
        Map<String, Object> body = Fixtures.validUser("ACTIVE");
        String inA = fixtures.createUser(companyA, body).text("id");
        String inB = fixtures.createUser(companyB, Fixtures.validUser("ACTIVE")).text("id");
        Api scim = scim(companyA);

        var user = scim.get("/scim/v2/Users/" + inA);

        assertThat(user.status()).as(user.toString()).isEqualTo(200);
        JsonNode json = user.json();
        assertThat(json.get("userName").asString()).isEqualTo(body.get("userId"));
        assertThat(json.get("name").get("givenName").asString()).isEqualTo("Jeanne");
        assertThat(json.get("emails").get(0).get("value").asString()).isEqualTo(body.get("email"));
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("urn:ietf:params:scim:schemas:extension:roster:2.0:User").get("status").asString())
                .isEqualTo("ACTIVE");
        assertThat(user.header("ETag")).isEqualTo(json.get("meta").get("version").asString()).startsWith("W/\"");

        var other = scim.get("/scim/v2/Users/" + inB);
        assertThat(other.status()).as(other.toString()).isEqualTo(404);
        assertThat(other.json().get("schemas").get(0).asString()).isEqualTo(ERROR_SCHEMA);
        assertThat(other.text("status")).isEqualTo("404");
    }

    @Test
    void using_a_token_records_its_last_use() {
        var created = operator.post(tokens(companyA), null);
        Api.at(port).bearer(created.text("token")).get("/scim/v2/ResourceTypes");

        JsonNode listed = operator.get(tokens(companyA)).json().get("items").get(0);

        assertThat(listed.get("id").asString()).isEqualTo(created.text("id"));
        assertThat(listed.get("lastUsedAt").isNull()).isFalse();
    }

    private Api scim(String company) {
        var created = operator.post(tokens(company), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Api.at(port).bearer(created.text("token"));
    }

    private static String tokens(String company) {
        return "/api/v1/companies/" + company + "/scim-tokens";
    }

    private List<String> auditActions(String company, String targetId) {
        List<String> actions = new ArrayList<>();
        operator.get("/api/v1/companies/" + company + "/audit?limit=200").json().get("items").forEach(entry -> {
            if (targetId.equals(entry.get("targetId").asString())) {
                actions.add(entry.get("action").asString());
            }
        });
        return actions;
    }
}
