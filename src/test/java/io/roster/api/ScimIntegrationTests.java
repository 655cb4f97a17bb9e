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
    void discovery_describes_users_and_groups_with_etags_and_says_what_is_not_supported() {
        Api scim = scim(companyA);

        var config = scim.get("/scim/v2/ServiceProviderConfig");
        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        // this client asks for application/json, which SCIM allows (RFC 7644 §3.1)
        assertThat(config.header("Content-Type")).startsWith("application/json");
        assertThat(config.json().get("etag").get("supported").asBoolean()).isTrue();
        assertThat(config.json().get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(config.json().get("authenticationSchemes").get(0).get("type").asString()).isEqualTo("oauthbearertoken");

        var types = scim.get("/scim/v2/ResourceTypes");
        assertThat(types.json().get("totalResults").asInt()).isEqualTo(2);
        assertThat(types.json().get("Resources").get(0).get("endpoint").asString()).isEqualTo("/Users");
        assertThat(types.json().get("Resources").get(1).get("endpoint").asString()).isEqualTo("/Groups");

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

    @Test
    void entra_creates_an_email_shaped_user_who_is_active_a_member_and_audited_as_scim() {
        Api scim = scim(companyA);
        String tokenId = lastTokenId;
        String upn = Fixtures.unique("Ada.Lovelace").replace('_', '.') + "@Contoso.com";
        String suffix = "-" + Fixtures.unique("x").toLowerCase();
        // the body Microsoft documents for Entra's provisioning of a new user
        String body = """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId": "0a21f0f2-8d2a-4f8e-bf98-7b8b4a7f3c2e%s",
                 "userName": "%s",
                 "active": true,
                 "emails": [{"primary": true, "type": "work", "value": "%s"}],
                 "meta": {"resourceType": "User"},
                 "name": {"formatted": "Ada Lovelace", "familyName": "Lovelace", "givenName": "Ada"},
                 "roles": []}
                """.formatted(suffix, upn, upn);

        var created = scim.raw("POST", "/scim/v2/Users", "application/scim+json", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode user = created.json();
        assertThat(user.get("userName").asString()).isEqualTo(upn.toLowerCase());
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(created.header("Location")).endsWith("/scim/v2/Users/" + user.get("id").asString());
        String id = user.get("id").asString();
        var roles = operator.get("/api/v1/companies/" + companyA + "/users/" + id + "/roles");
        assertThat(roles.body()).contains("MEMBER");
        var creation = operator.get("/api/v1/companies/" + companyA + "/audit?limit=200").json().get("items");
        boolean byScim = false;
        for (JsonNode entry : creation) {
            if (id.equals(entry.get("targetId").asString()) && entry.get("action").asString().equals("user.created")) {
                assertThat(entry.get("actorKind").asString()).isEqualTo("SCIM");
                assertThat(entry.get("actorUserId").asString()).isEqualTo("scim:" + tokenId);
                byScim = true;
            }
        }
        assertThat(byScim).as("a user.created entry by the SCIM token").isTrue();
        assertThat(user.get("externalId").asString()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7b8b4a7f3c2e" + suffix);
        var byExternalId = scim.get("/scim/v2/Users?filter="
                + encode("externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7b8b4a7f3c2e" + suffix + "\""));
        assertThat(byExternalId.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(byExternalId.json().get("Resources").get(0).get("id").asString()).isEqualTo(id);
        var otherCase = scim.get("/scim/v2/Users?filter="
                + encode("externalId eq \"0A21F0F2-8D2A-4F8E-BF98-7B8B4A7F3C2E" + suffix.toUpperCase() + "\""));
        assertThat(otherCase.json().get("totalResults").asInt()).isZero();
    }

    @Test
    void a_taken_user_name_or_email_is_409_uniqueness_and_saves_nothing() {
        Map<String, Object> existing = Fixtures.validUser("ACTIVE");
        fixtures.createUser(companyB, existing);
        Api scim = scim(companyA);

        for (String body : List.of(userBody((String) existing.get("userId"), "other@example.com", true),
                userBody(Fixtures.unique("fresh").toLowerCase(), (String) existing.get("email"), true))) {
            var refused = scim.raw("POST", "/scim/v2/Users", "application/scim+json", body);

            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.text("scimType")).isEqualTo("uniqueness");
            assertThat(refused.json().get("schemas").get(0).asString()).isEqualTo(ERROR_SCHEMA);
        }
        assertThat(scim.get("/scim/v2/Users").json().get("totalResults").asInt()).isZero();
    }

    @Test
    void without_a_free_license_the_user_is_saved_as_a_draft_and_answered_inactive_with_the_reason() {
        String full = fixtures.company(0);
        Api scim = scim(full);

        var created = scim.raw("POST", "/scim/v2/Users", "application/scim+json",
                userBody(Fixtures.unique("seatless").toLowerCase(), Fixtures.unique("seatless").toLowerCase() + "@example.com", true));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("active").asBoolean()).isFalse();
        JsonNode roster = created.json().get("urn:ietf:params:scim:schemas:extension:roster:2.0:User");
        assertThat(roster.get("status").asString()).isEqualTo("DRAFT");
        assertThat(roster.get("validationResult").asString()).containsIgnoringCase("license");
    }

    @Test
    void okta_finds_a_user_by_filter_disables_them_which_frees_the_license_then_deletes_them() {
        Api scim = scim(companyA);
        String userName = Fixtures.unique("grace").toLowerCase() + "@example.com";
        String id = scim.raw("POST", "/scim/v2/Users", "application/scim+json", userBody(userName, userName, true))
                .json().get("id").asString();
        assertThat(operator.get("/api/v1/companies/" + companyA).json().get("licensesUsed").asInt()).isEqualTo(1);

        var found = scim.get("/scim/v2/Users?filter=" + encode("userName eq \"" + userName.toUpperCase() + "\"")
                + "&startIndex=1&count=100");
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.json().get("Resources").get(0).get("id").asString()).isEqualTo(id);
        var byEmail = scim.get("/scim/v2/Users?filter=" + encode("emails[type eq \"work\"].value eq \"" + userName
                + "\" or userName eq \"nobody-here\""));
        assertThat(byEmail.json().get("totalResults").asInt()).isEqualTo(1);
        var bad = scim.get("/scim/v2/Users?filter=" + encode("title sw \"x\""));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("scimType")).isEqualTo("invalidFilter");

        String etag = scim.get("/scim/v2/Users/" + id).header("ETag");
        // the body Okta documents to deactivate a user by PUT, "active" as Entra may send it: a string
        String disable = userBody(userName, userName, true).replace("\"active\": true", "\"active\": \"False\"");
        var stale = scim.withHeader("If-Match", "W/\"999\"").raw("PUT", "/scim/v2/Users/" + id, "application/scim+json", disable);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        var disabled = scim.withHeader("If-Match", etag).raw("PUT", "/scim/v2/Users/" + id,
                "application/scim+json", disable);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("active").asBoolean()).isFalse();
        assertThat(disabled.header("ETag")).isNotEqualTo(etag);
        assertThat(operator.get("/api/v1/companies/" + companyA).json().get("licensesUsed").asInt()).isZero();

        var deleted = scim.delete("/scim/v2/Users/" + id, Map.of());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(scim.get("/scim/v2/Users/" + id).status()).isEqualTo(404);
        List<String> bySCIM = new ArrayList<>();
        operator.get("/api/v1/companies/" + companyA + "/audit?limit=200").json().get("items").forEach(entry -> {
            if (id.equals(entry.get("targetId").asString()) && entry.get("actorKind").asString().equals("SCIM")) {
                bySCIM.add(entry.get("action").asString());
            }
        });
        assertThat(bySCIM).contains("user.created", "user.activated", "user.deactivated", "user.deleted");
    }

    @Test
    void entra_and_okta_patches_rename_change_the_email_and_disable_which_frees_the_license() {
        Api scim = scim(companyA);
        String userName = Fixtures.unique("patched").toLowerCase() + "@example.com";
        String id = scim.raw("POST", "/scim/v2/Users", "application/scim+json", userBody(userName, userName, true))
                .json().get("id").asString();
        String newEmail = Fixtures.unique("moved").toLowerCase() + "@example.com";

        // Entra: op names capitalised, a filtered path, a path-less replace with dotted keys
        var entra = scim.raw("PATCH", "/scim/v2/Users/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                   {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "%s"},
                   {"op": "Add", "value": {"name.givenName": "Augusta", "displayName": "Augusta Hopper"}}]}
                """.formatted(newEmail));
        assertThat(entra.status()).as(entra.toString()).isEqualTo(200);
        assertThat(entra.json().get("name").get("givenName").asString()).isEqualTo("Augusta");
        assertThat(entra.json().get("active").asBoolean()).isTrue();

        // Entra's disable: "active" as the string "False"
        var disabled = scim.raw("PATCH", "/scim/v2/Users/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}
                """);
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("active").asBoolean()).isFalse();
        assertThat(operator.get("/api/v1/companies/" + companyA).json().get("licensesUsed").asInt()).isZero();

        // Okta's re-enable: a path-less replace with a boolean
        var enabled = scim.raw("PATCH", "/scim/v2/Users/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": true}}]}
                """);
        assertThat(enabled.json().get("active").asBoolean()).isTrue();
        assertThat(operator.get("/api/v1/companies/" + companyA).json().get("licensesUsed").asInt()).isEqualTo(1);

        var unknown = scim.raw("PATCH", "/scim/v2/Users/" + id, "application/scim+json", """
                {"Operations": [{"op": "replace", "path": "password", "value": "x"}]}
                """);
        assertThat(unknown.status()).isEqualTo(400);
        var broken = scim.raw("PATCH", "/scim/v2/Users/" + id, "application/scim+json", "{\"Operations\": [");
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        assertThat(broken.text("scimType")).isEqualTo("invalidSyntax");
    }

    @Test
    void deleting_an_active_user_deactivates_then_deletes_both_audited_and_frees_the_license() {
        Api scim = scim(companyA);
        String userName = Fixtures.unique("leaver").toLowerCase();
        String id = scim.raw("POST", "/scim/v2/Users", "application/scim+json",
                userBody(userName, userName + "@example.com", true)).json().get("id").asString();
        assertThat(operator.get("/api/v1/companies/" + companyA).json().get("licensesUsed").asInt()).isEqualTo(1);

        var deleted = scim.delete("/scim/v2/Users/" + id, Map.of());

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(operator.get("/api/v1/companies/" + companyA).json().get("licensesUsed").asInt()).isZero();
        assertThat(auditActions(companyA, id)).containsSubsequence("user.deleted", "user.deactivated");
    }

    @Test
    void a_directory_cannot_change_or_delete_another_companys_user() {
        String inB = fixtures.createUser(companyB, Fixtures.validUser("ACTIVE")).text("id");
        Api scim = scim(companyA);

        var put = scim.raw("PUT", "/scim/v2/Users/" + inB, "application/scim+json", userBody("someone", "s@example.com", false));
        var delete = scim.delete("/scim/v2/Users/" + inB, Map.of());

        assertThat(put.status()).as(put.toString()).isEqualTo(404);
        assertThat(delete.status()).as(delete.toString()).isEqualTo(404);
        assertThat(operator.get("/api/v1/companies/" + companyB + "/users/" + inB).text("status")).isEqualTo("ACTIVE");
    }

    private static String userBody(String userName, String email, boolean active) {
        return """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName": "%s",
                 "name": {"givenName": "Grace", "familyName": "Hopper"},
                 "emails": [{"primary": true, "value": "%s", "type": "work"}],
                 "displayName": "Grace Hopper",
                 "active": %s}
                """.formatted(userName, email, active);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String lastTokenId;

    private Api scim(String company) {
        var created = operator.post(tokens(company), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        lastTokenId = created.text("id");
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
