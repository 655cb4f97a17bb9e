package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * SCIM Groups are the company's roles, over real HTTP with the bodies Entra ID and Okta document:
 * members grant and revoke the role through the one role-grant path (audited as SCIM), a new
 * Group is a custom role with no permission, built-in roles keep their name and cannot be deleted.
 */
@IntegrationTest
class ScimGroupsIntegrationTests {

    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    String company;
    Api scim;

    @BeforeEach
    void start() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        company = fixtures.company(5);
        scim = scim(company);
    }

    @Test
    void entra_creates_a_group_finds_it_adds_and_removes_a_member_renames_and_deletes_it() {
        String ada = createUser(scim, "ada");
        String name = Fixtures.unique("Sales");
        // the bodies Microsoft documents for Entra's group provisioning
        var created = scim.raw("POST", "/scim/v2/Groups", "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group",
                             "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
                 "displayName": "%s",
                 "meta": {"resourceType": "Group"}}
                """.formatted(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.json().get("members").isEmpty()).isTrue();
        assertThat(created.header("Location")).endsWith("/scim/v2/Groups/" + id);
        assertThat(created.json().get("meta").get("location").asString()).startsWith("http://").endsWith("/scim/v2/Groups/" + id);
        JsonNode role = operator.get("/api/v1/companies/" + company + "/roles/" + id).json();
        assertThat(role.get("builtIn").asBoolean()).isFalse();
        assertThat(role.get("permissions").isEmpty()).as("a new Group is a role with no permission").isTrue();

        var found = scim.get("/scim/v2/Groups?excludedAttributes=members&filter="
                + encode("displayName eq \"" + name.toUpperCase() + "\""));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("totalResults").asInt()).isEqualTo(1);
        JsonNode listed = found.json().get("Resources").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(id);
        assertThat(listed.has("members")).isFalse();
        assertThat(listed.has("meta")).isTrue();

        var added = scim.raw("PATCH", "/scim/v2/Groups/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"name": "addMember", "op": "Add", "path": "members",
                                 "value": [{"$ref": null, "value": "%s"}]}]}
                """.formatted(ada));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(rolesOf(ada)).contains(id);
        assertThat(scim.get("/scim/v2/Groups/" + id).json().get("members").get(0).get("value").asString()).isEqualTo(ada);

        var removed = scim.raw("PATCH", "/scim/v2/Groups/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"name": "removeMember", "op": "Remove", "path": "members",
                                 "value": [{"$ref": null, "value": "%s"}]}]}
                """.formatted(ada));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(rolesOf(ada)).doesNotContain(id).contains("MEMBER");

        String renamed = name + " EMEA";
        var rename = scim.raw("PATCH", "/scim/v2/Groups/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Replace", "path": "displayName", "value": "%s"}]}
                """.formatted(renamed));
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
        assertThat(operator.get("/api/v1/companies/" + company + "/roles/" + id).text("name")).isEqualTo(renamed);

        var deleted = scim.delete("/scim/v2/Groups/" + id, Map.of());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(scim.get("/scim/v2/Groups/" + id).status()).isEqualTo(404);
        assertThat(operator.get("/api/v1/companies/" + company + "/roles/" + id).status()).isEqualTo(404);

        List<String> byScim = scimActions(id);
        assertThat(byScim).contains("role.created", "role.updated", "role.deleted");
        List<String> onAda = scimActions(ada);
        assertThat(onAda).contains("role.granted", "role.revoked");
    }

    @Test
    void okta_adds_members_removes_one_by_value_filter_renames_by_a_pathless_replace_and_replaces_all() {
        String grace = createUser(scim, "grace");
        String alan = createUser(scim, "alan");
        // the bodies Okta documents for its group push
        var created = scim.raw("POST", "/scim/v2/Groups", "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "%s", "members": []}
                """.formatted(Fixtures.unique("Test SCIMv2")));
        String id = created.text("id");
        var added = scim.raw("PATCH", "/scim/v2/Groups/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "path": "members",
                                 "value": [{"value": "%s", "display": "grace@okta.local"},
                                           {"value": "%s", "display": "alan@okta.local"}]}]}
                """.formatted(grace, alan));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("members").size()).isEqualTo(2);

        var removed = scim.raw("PATCH", "/scim/v2/Groups/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "remove", "path": "members[value eq \\"%s\\"]"}]}
                """.formatted(grace));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(rolesOf(grace)).doesNotContain(id);
        assertThat(rolesOf(alan)).contains(id);

        String renamed = Fixtures.unique("Renamed SCIMv2");
        var rename = scim.raw("PATCH", "/scim/v2/Groups/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"id": "%s", "displayName": "%s"}}]}
                """.formatted(id, renamed));
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
        assertThat(rename.text("displayName")).isEqualTo(renamed);

        var replaced = scim.raw("PATCH", "/scim/v2/Groups/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "members", "value": [{"value": "%s"}]}]}
                """.formatted(grace));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(rolesOf(grace)).contains(id);
        assertThat(rolesOf(alan)).doesNotContain(id);

        var put = scim.raw("PUT", "/scim/v2/Groups/" + id, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "%s",
                 "members": [{"value": "%s"}]}
                """.formatted(renamed, alan));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(rolesOf(alan)).contains(id);
        assertThat(rolesOf(grace)).doesNotContain(id);
    }

    @Test
    void a_built_in_group_grants_its_role_keeps_its_name_and_cannot_be_deleted() {
        String ada = createUser(scim, "auditor");
        var list = scim.get("/scim/v2/Groups?count=100");
        assertThat(list.json().get("totalResults").asInt()).isGreaterThanOrEqualTo(5);
        var auditors = scim.get("/scim/v2/Groups?filter=" + encode("displayName eq \"Auditor\""));
        assertThat(auditors.json().get("Resources").get(0).get("id").asString()).isEqualTo("AUDITOR");

        var granted = scim.raw("PATCH", "/scim/v2/Groups/AUDITOR", "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "Add", "path": "members", "value": [{"value": "%s"}]}]}
                """.formatted(ada));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
        assertThat(rolesOf(ada)).contains("AUDITOR", "MEMBER");

        var deleted = scim.delete("/scim/v2/Groups/AUDITOR", Map.of());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(400);
        assertThat(deleted.json().get("schemas").get(0).asString()).isEqualTo(ERROR_SCHEMA);
        assertThat(deleted.text("scimType")).isEqualTo("mutability");
        assertThat(deleted.text("detail")).contains("built-in");
        var renamed = scim.raw("PATCH", "/scim/v2/Groups/AUDITOR", "application/scim+json", """
                {"Operations": [{"op": "Replace", "path": "displayName", "value": "Watchers"}]}
                """);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(400);
        assertThat(renamed.text("scimType")).isEqualTo("mutability");
        assertThat(rolesOf(ada)).contains("AUDITOR");
    }

    @Test
    void a_taken_name_an_unknown_member_and_another_companys_group_or_user_are_refused() {
        String other = fixtures.company(5);
        Api otherScim = scim(other);
        String otherUser = createUser(otherScim, "elsewhere");
        String otherGroup = otherScim.raw("POST", "/scim/v2/Groups", "application/scim+json",
                "{\"displayName\": \"" + Fixtures.unique("Theirs") + "\"}").text("id");
        String name = Fixtures.unique("Ours");
        String ours = scim.raw("POST", "/scim/v2/Groups", "application/scim+json", "{\"displayName\": \"" + name + "\"}")
                .text("id");

        var twice = scim.raw("POST", "/scim/v2/Groups", "application/scim+json", "{\"displayName\": \"" + name + "\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("scimType")).isEqualTo("uniqueness");
        assertThat(scim.get("/scim/v2/Groups/" + otherGroup).status()).isEqualTo(404);
        assertThat(scim.delete("/scim/v2/Groups/" + otherGroup, Map.of()).status()).isEqualTo(404);
        var foreignMember = scim.raw("PATCH", "/scim/v2/Groups/" + ours, "application/scim+json", """
                {"Operations": [{"op": "add", "path": "members", "value": [{"value": "%s"}]}]}
                """.formatted(otherUser));
        assertThat(foreignMember.status()).as(foreignMember.toString()).isEqualTo(400);
        assertThat(foreignMember.text("scimType")).isEqualTo("invalidValue");
        assertThat(operator.get("/api/v1/companies/" + other + "/users/" + otherUser + "/roles").body()).doesNotContain(ours);
        var badPath = scim.raw("PATCH", "/scim/v2/Groups/" + ours, "application/scim+json", """
                {"Operations": [{"op": "replace", "path": "owner", "value": "x"}]}
                """);
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.text("scimType")).isEqualTo("invalidPath");
        assertThat(otherScim.get("/scim/v2/Groups?filter=" + encode("displayName eq \"" + name + "\""))
                .json().get("totalResults").asInt()).isZero();
    }

    @Test
    void a_group_has_a_weak_etag_that_changes_with_its_members_and_name_and_a_stale_if_match_is_412() {
        String ada = createUser(scim, "ada");
        var created = scim.raw("POST", "/scim/v2/Groups", "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "%s"}
                """.formatted(Fixtures.unique("Support")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        String first = created.json().get("meta").get("version").asString();
        assertThat(first).startsWith("W/\"");
        assertThat(created.header("ETag")).isEqualTo(first);
        var read = scim.get("/scim/v2/Groups/" + id + "?excludedAttributes=members");
        assertThat(read.header("ETag")).as("reading without members gives the same version").isEqualTo(first);
        assertThat(read.json().get("meta").get("version").asString()).isEqualTo(first);

        String addAda = """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "path": "members", "value": [{"value": "%s"}]}]}
                """.formatted(ada);
        var added = scim.patch("/scim/v2/Groups/" + id, addAda, Map.of("If-Match", first));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        String second = added.json().get("meta").get("version").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(added.header("ETag")).isEqualTo(second);
        assertThat(scim.get("/scim/v2/Groups/" + id).header("ETag")).isEqualTo(second);

        String rename = """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "displayName", "value": "%s"}]}
                """.formatted(Fixtures.unique("Helpdesk"));
        var stale = scim.patch("/scim/v2/Groups/" + id, rename, Map.of("If-Match", first));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.json().get("schemas").get(0).asString()).isEqualTo(ERROR_SCHEMA);
        assertThat(stale.text("status")).isEqualTo("412");
        assertThat(scim.get("/scim/v2/Groups/" + id).json().get("displayName").asString())
                .as("a stale change changes nothing").isEqualTo(created.text("displayName"));

        var renamed = scim.patch("/scim/v2/Groups/" + id, rename, Map.of("If-Match", second));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        String third = renamed.json().get("meta").get("version").asString();
        assertThat(third).isNotEqualTo(second).isNotEqualTo(first);
        assertThat(rolesOf(ada)).contains(id);

        assertThat(scim.delete("/scim/v2/Groups/" + id, Map.of("If-Match", second)).status()).isEqualTo(412);
        assertThat(scim.get("/scim/v2/Groups/" + id).status()).isEqualTo(200);
        assertThat(scim.delete("/scim/v2/Groups/" + id, Map.of("If-Match", third)).status()).isEqualTo(204);
        assertThat(scim.get("/scim/v2/Groups/" + id).status()).isEqualTo(404);
    }

    private String createUser(Api client, String prefix) {
        String userName = Fixtures.unique(prefix).toLowerCase() + "@example.com";
        var created = client.raw("POST", "/scim/v2/Users", "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s",
                 "name": {"givenName": "Test", "familyName": "Person"},
                 "emails": [{"primary": true, "value": "%s", "type": "work"}], "active": true}
                """.formatted(userName, userName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private String rolesOf(String accountId) {
        var roles = operator.get("/api/v1/companies/" + company + "/users/" + accountId + "/roles");
        assertThat(roles.status()).as(roles.toString()).isEqualTo(200);
        return roles.body();
    }

    private List<String> scimActions(String targetId) {
        List<String> actions = new ArrayList<>();
        operator.get("/api/v1/companies/" + company + "/audit?limit=200").json().get("items").forEach(entry -> {
            if (targetId.equals(entry.get("targetId").asString()) && entry.get("actorKind").asString().equals("SCIM")) {
                actions.add(entry.get("action").asString());
            }
        });
        return actions;
    }

    private Api scim(String forCompany) {
        var created = operator.post("/api/v1/companies/" + forCompany + "/scim-tokens", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Api.at(port).bearer(created.text("token"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
