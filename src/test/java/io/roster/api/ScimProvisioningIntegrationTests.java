package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Mailbox;
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
 * What a company decides for provisioned people (their role, the invitation mail), and the reads
 * a directory relies on: paging, {@code attributes}/{@code excludedAttributes}, retries that must
 * not pile up drafts, SCIM errors for unknown paths, absolute discovery locations.
 */
@IntegrationTest
class ScimProvisioningIntegrationTests {

    private static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String ROSTER = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";

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
        company = fixtures.company(10);
        var token = operator.post("/api/v1/companies/" + company + "/scim-tokens", null);
        scim = Api.at(port).bearer(token.text("token"));
    }

    @Test
    void provisioned_people_get_member_and_an_invitation_unless_the_company_chose_another_role_and_no_mail() {
        Mailbox mailbox = new Mailbox(operator);
        String first = Fixtures.unique("invited").toLowerCase() + "@example.com";
        String firstId = create(first, true).text("id");
        assertThat(roles(firstId)).contains("MEMBER");
        assertThat(mailbox.link(first, "ACCOUNT_SETUP")).contains("/invitations/");

        var defaults = operator.get("/api/v1/companies/" + company + "/scim-settings");
        assertThat(defaults.text("defaultRoleId")).isEqualTo("MEMBER");
        assertThat(defaults.json().get("inviteProvisioned").asBoolean()).isTrue();
        String role = operator.post("/api/v1/companies/" + company + "/roles",
                Map.of("name", Fixtures.unique("Provisioned"), "permissions", List.of("users.read"))).text("id");
        var changed = operator.put("/api/v1/companies/" + company + "/scim-settings",
                Map.of("defaultRoleId", role, "inviteProvisioned", false));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        var unknownRole = operator.put("/api/v1/companies/" + company + "/scim-settings", Map.of("defaultRoleId", "NOPE"));
        assertThat(unknownRole.status()).isEqualTo(400);

        String second = Fixtures.unique("quiet").toLowerCase() + "@example.com";
        var created = create(second, true);
        assertThat(created.json().get("active").asBoolean()).isTrue();
        assertThat(roles(created.text("id"))).contains(role).doesNotContain("MEMBER");
        assertThat(mailbox.count(second, "ACCOUNT_SETUP")).isZero();
        assertThat(mailbox.count(first, "ACCOUNT_SETUP")).isEqualTo(1);

        var inUse = scim.delete("/scim/v2/Groups/" + role, Map.of());
        assertThat(inUse.status()).as(inUse.toString()).isEqualTo(409);
        assertThat(inUse.text("scimType")).isEqualTo("mutability");
        assertThat(actions(company)).contains("scim_settings.changed");
    }

    @Test
    void a_repeated_post_of_a_draft_is_409_uniqueness_and_leaves_one_row_with_its_audited_external_id() {
        String seatless = fixtures.company(0);
        Api full = Api.at(port).bearer(operator.post("/api/v1/companies/" + seatless + "/scim-tokens", null).text("token"));
        String userName = Fixtures.unique("retry").toLowerCase() + "@example.com";
        String body = body(userName, true).replace("\"active\"", "\"externalId\": \"ext-" + userName + "\", \"active\"");

        var first = full.raw("POST", "/scim/v2/Users", "application/scim+json", body);
        var again = full.raw("POST", "/scim/v2/Users", "application/scim+json", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get(ROSTER).get("status").asString()).isEqualTo("DRAFT");
        assertThat(first.text("externalId")).isEqualTo("ext-" + userName);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.text("scimType")).isEqualTo("uniqueness");
        assertThat(full.get("/scim/v2/Users").json().get("totalResults").asInt()).isEqualTo(1);
        String id = first.text("id");
        List<String> byId = new ArrayList<>();
        operator.get("/api/v1/companies/" + seatless + "/audit?limit=200").json().get("items").forEach(entry -> {
            if (id.equals(entry.get("targetId").asString())) {
                byId.add(entry.get("action").asString());
            }
        });
        assertThat(byId).contains("user.created", "user.external_id_changed");
    }

    @Test
    void lists_page_in_a_stable_order_and_attributes_choose_what_is_returned() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String userName = Fixtures.unique("pager" + i).toLowerCase() + "@example.com";
            create(userName, false);
            names.add(userName);
        }
        var firstPage = scim.get("/scim/v2/Users?startIndex=1&count=2");
        var secondPage = scim.get("/scim/v2/Users?startIndex=3&count=2");
        var last = scim.get("/scim/v2/Users?startIndex=5&count=2");
        assertThat(firstPage.json().get("totalResults").asInt()).isEqualTo(5);
        assertThat(firstPage.json().get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(last.json().get("itemsPerPage").asInt()).isEqualTo(1);
        List<String> seen = new ArrayList<>();
        for (var page : List.of(firstPage, secondPage, last)) {
            page.json().get("Resources").forEach(user -> seen.add(user.get("userName").asString()));
        }
        assertThat(seen).containsExactlyElementsOf(names.stream().sorted().toList());

        JsonNode only = scim.get("/scim/v2/Users?count=1&attributes=userName,name.givenName").json().get("Resources").get(0);
        assertThat(only.has("userName")).isTrue();
        assertThat(only.get("name").has("givenName")).isTrue();
        assertThat(only.get("name").has("familyName")).isFalse();
        assertThat(only.has("emails")).isFalse();
        assertThat(only.has("id")).isTrue();
        assertThat(only.has("meta")).isTrue();
        assertThat(only.has("schemas")).isTrue();

        String id = only.get("id").asString();
        JsonNode without = scim.get("/scim/v2/Users/" + id + "?excludedAttributes=emails," + ROSTER + ",name.familyName")
                .json();
        assertThat(without.has("emails")).isFalse();
        assertThat(without.has(ROSTER)).isFalse();
        assertThat(without.get("name").has("givenName")).isTrue();
        assertThat(without.get("name").has("familyName")).isFalse();
        assertThat(without.has("id")).isTrue();

        var byUserName = scim.get("/scim/v2/Users?filter=" + encode("userName eq \"" + names.get(2).toUpperCase() + "\"")
                + "&attributes=userName");
        assertThat(byUserName.json().get("totalResults").asInt()).isEqualTo(1);
        assertThat(byUserName.json().get("Resources").get(0).get("userName").asString()).isEqualTo(names.get(2));
        var byEmailOrName = scim.get("/scim/v2/Users?filter=" + encode("emails.value eq \"" + names.get(0)
                + "\" or userName eq \"" + names.get(1) + "\""));
        assertThat(byEmailOrName.json().get("totalResults").asInt()).isEqualTo(2);
        var both = scim.get("/scim/v2/Users?filter=" + encode("userName eq \"" + names.get(0)
                + "\" and emails[type eq \"work\"].value eq \"" + names.get(1) + "\""));
        assertThat(both.json().get("totalResults").asInt()).isZero();
    }

    @Test
    void unknown_paths_answer_scim_errors_and_discovery_gives_absolute_locations_and_groups() {
        var unknown = scim.get("/scim/v2/Nothing/here");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/scim+json");
        assertThat(unknown.json().get("schemas").get(0).asString()).isEqualTo(ERROR_SCHEMA);
        assertThat(unknown.text("status")).isEqualTo("404");

        var config = scim.get("/scim/v2/ServiceProviderConfig").json();
        assertThat(config.get("meta").get("location").asString()).startsWith("http://")
                .endsWith(":" + port + "/scim/v2/ServiceProviderConfig");
        var types = scim.get("/scim/v2/ResourceTypes").json();
        assertThat(types.get("totalResults").asInt()).isEqualTo(2);
        assertThat(types.toString()).contains("/Groups", "urn:ietf:params:scim:schemas:core:2.0:Group");
        types.get("Resources").forEach(type -> assertThat(type.get("meta").get("location").asString()).startsWith("http://"));
        assertThat(scim.get("/scim/v2/ResourceTypes/Group").status()).isEqualTo(200);
        assertThat(scim.get("/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group").status()).isEqualTo(200);
    }

    private Api.Response create(String userName, boolean active) {
        var created = scim.raw("POST", "/scim/v2/Users", "application/scim+json", body(userName, active));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    @Test
    void a_patch_saves_the_fields_and_the_external_id_together_or_neither() {
        String userName = Fixtures.unique("together").toLowerCase() + "@example.com";
        var created = scim.raw("POST", "/scim/v2/Users", "application/scim+json",
                body(userName, true).replace("\"active\"", "\"externalId\": \"ext-1\", \"active\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        String path = "/scim/v2/Users/" + id;

        // the edit fails validation: the externalId of the same PATCH is not kept either
        var invalidEdit = scim.raw("PATCH", path, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "externalId", "value": "ext-2"},
                                {"op": "replace", "path": "name.givenName", "value": "%s"}]}
                """.formatted("x".repeat(300)));
        assertThat(invalidEdit.status()).as(invalidEdit.toString()).isEqualTo(400);
        assertThat(invalidEdit.json().get("schemas").get(0).asString()).isEqualTo(ERROR_SCHEMA);
        assertThat(scim.get(path).text("externalId")).isEqualTo("ext-1");

        // the externalId is refused: the valid field edit of the same PATCH is not saved either
        var invalidExternalId = scim.raw("PATCH", path, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "name.givenName", "value": "Changed"},
                                {"op": "replace", "path": "externalId", "value": "%s"}]}
                """.formatted("e".repeat(256)));
        assertThat(invalidExternalId.status()).as(invalidExternalId.toString()).isEqualTo(400);
        var unchanged = scim.get(path);
        assertThat(unchanged.json().get("name").get("givenName").asString()).isEqualTo("Test");
        assertThat(unchanged.text("externalId")).isEqualTo("ext-1");
        assertThat(unchanged.header("ETag")).isEqualTo(created.header("ETag"));

        // both valid: both saved, the externalId change audited
        var both = scim.raw("PATCH", path, "application/scim+json", """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "name.givenName", "value": "Changed"},
                                {"op": "replace", "path": "externalId", "value": "ext-3"}]}
                """);
        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        assertThat(both.json().get("name").get("givenName").asString()).isEqualTo("Changed");
        assertThat(both.text("externalId")).isEqualTo("ext-3");
        long externalIdChanges = actions(company).stream().filter("user.external_id_changed"::equals).count();
        assertThat(externalIdChanges).as("set at creation, then changed once").isEqualTo(2);
    }

    private static String body(String userName, boolean active) {
        return """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s",
                 "name": {"givenName": "Test", "familyName": "Person"},
                 "emails": [{"primary": true, "value": "%s", "type": "work"}], "active": %s}
                """.formatted(userName, userName, active);
    }

    private String roles(String accountId) {
        return operator.get("/api/v1/companies/" + company + "/users/" + accountId + "/roles").body();
    }

    private List<String> actions(String inCompany) {
        List<String> actions = new ArrayList<>();
        operator.get("/api/v1/companies/" + inCompany + "/audit?limit=200").json().get("items")
                .forEach(entry -> actions.add(entry.get("action").asString()));
        return actions;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
