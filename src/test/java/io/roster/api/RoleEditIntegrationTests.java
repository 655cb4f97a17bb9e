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

/** docs/rules.md §6, §14: a custom role is renamed and its permissions replaced with PUT; built-in roles stay fixed. */
@IntegrationTest
class RoleEditIntegrationTests {

    static final String PASSWORD = "role-edit-test-password";

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    String company;

    @BeforeEach
    void aCompany() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        company = fixtures.company(10);
    }

    @Test
    void an_administrator_renames_a_custom_role_and_its_holders_get_the_new_permissions_at_once() {
        Api admin = person("ADMINISTRATOR").api();
        String roleId = created(admin.post(roles(), Map.of("name", "Helpdesk", "permissions", List.of("users.read"))));
        Person holder = person("MEMBER");
        assertThat(operator.post(users() + "/" + holder.id() + "/roles", Map.of("roleId", roleId)).status()).isEqualTo(201);
        assertThat(permissionsIn(holder.api())).containsExactly("users.read");

        var updated = admin.put(roles() + "/" + roleId,
                Map.of("name", "  Support desk ", "permissions", List.of("users.read", "audit.read")));

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("id")).isEqualTo(roleId);
        assertThat(updated.text("name")).isEqualTo("Support desk");
        assertThat(updated.json().get("builtIn").asBoolean()).isFalse();
        assertThat(strings(updated.json().get("permissions"))).containsExactly("audit.read", "users.read");
        var read = admin.get(roles() + "/" + roleId);
        assertThat(read.text("name")).isEqualTo("Support desk");
        assertThat(permissionsIn(holder.api())).containsExactly("audit.read", "users.read");

        var narrowed = admin.put(roles() + "/" + roleId, Map.of("name", "Support desk", "permissions", List.of()));
        assertThat(narrowed.status()).isEqualTo(200);
        assertThat(permissionsIn(holder.api())).isEmpty();
    }

    @Test
    void built_in_roles_cannot_be_changed() {
        Api admin = person("ADMINISTRATOR").api();

        var refused = admin.put(roles() + "/AUDITOR", Map.of("name", "Watcher", "permissions", List.of("users.read")));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("/built-in-role");
        assertThat(admin.get(roles() + "/AUDITOR").text("name")).isEqualTo("Auditor");
    }

    @Test
    void only_roles_manage_edits_a_role_and_another_company_sees_none_of_it() {
        String roleId = created(operator.post(roles(), Map.of("name", "Readers", "permissions", List.of("users.read"))));
        Map<String, Object> change = Map.of("name", "Everything", "permissions", List.of("users.read", "billing.manage"));

        for (String role : List.of("MEMBER", "USER_MANAGER", "BILLING_MANAGER", "AUDITOR")) {
            var refused = person(role).api().put(roles() + "/" + roleId, change);
            assertThat(refused.status()).as(role + ": " + refused).isEqualTo(403);
        }
        String other = fixtures.company(5);
        Api adminOfOther = personOf(other, "ADMINISTRATOR").api();
        assertThat(adminOfOther.put(roles() + "/" + roleId, change).status()).isEqualTo(404);
        assertThat(adminOfOther.put("/api/v1/companies/" + other + "/roles/" + roleId, change).status()).isEqualTo(404);
        assertThat(Api.at(port).put(roles() + "/" + roleId, change).status()).isEqualTo(401);
        assertThat(operator.get(roles() + "/" + roleId).text("name")).isEqualTo("Readers");
    }

    @Test
    void an_unknown_role_answers_404_and_bad_input_names_its_fields() {
        Api admin = person("ADMINISTRATOR").api();
        String roleId = created(admin.post(roles(), Map.of("name", "Auditors bis", "permissions", List.of())));
        created(admin.post(roles(), Map.of("name", "Taken", "permissions", List.of())));

        assertThat(admin.put(roles() + "/no-such-role", Map.of("name", "X", "permissions", List.of())).status())
                .isEqualTo(404);
        var invalid = admin.put(roles() + "/" + roleId, Map.of("name", " ", "permissions", List.of("users.fly")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("name", "permissions");
        var missing = admin.put(roles() + "/" + roleId, Map.of("name", "Ok"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("permissions");
        assertThat(admin.put(roles() + "/" + roleId, Map.of("name", "Taken", "permissions", List.of())).status())
                .isEqualTo(409);
        assertThat(admin.put(roles() + "/" + roleId, Map.of("name", "administrator", "permissions", List.of())).status())
                .isEqualTo(409);
        assertThat(admin.get(roles() + "/" + roleId).text("name")).isEqualTo("Auditors bis");
    }

    @Test
    void someone_holding_roles_manage_alone_cannot_widen_their_own_role() {
        String roleId = created(operator.post(roles(), Map.of("name", "Role keepers", "permissions", List.of("roles.manage"))));
        Person keeper = person("MEMBER");
        assertThat(operator.post(users() + "/" + keeper.id() + "/roles", Map.of("roleId", roleId)).status()).isEqualTo(201);

        var widened = keeper.api().put(roles() + "/" + roleId,
                Map.of("name", "Role keepers", "permissions", List.of("roles.manage", "billing.manage")));
        assertThat(widened.status()).as(widened.toString()).isEqualTo(403);
        assertThat(permissionsIn(keeper.api())).containsExactly("roles.manage");

        String adminsRole = created(operator.post(roles(), Map.of("name", "Payers", "permissions", List.of("billing.manage"))));
        assertThat(keeper.api().put(roles() + "/" + adminsRole, Map.of("name", "Payers", "permissions", List.of()))
                .status()).isEqualTo(403);

        var renamed = keeper.api().put(roles() + "/" + roleId, Map.of("name", "Keepers", "permissions", List.of("roles.manage")));
        assertThat(renamed.status()).isEqualTo(200);
    }

    record Person(String id, Api api) {
    }

    private Person person(String role) {
        return personOf(company, role);
    }

    private Person personOf(String companyId, String role) {
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(role));
        var created = fixtures.createUser(companyId, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        return new Person(created.text("id"), Api.at(port).signIn((String) body.get("userId"), PASSWORD));
    }

    private List<String> permissionsIn(Api person) {
        for (JsonNode standing : person.get("/api/v1/me").json().get("companies")) {
            if (standing.get("companyId").asString().equals(company)) {
                return strings(standing.get("permissions"));
            }
        }
        throw new AssertionError("no standing in " + company);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> fields(Api.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields.stream().distinct().toList();
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }

    private String roles() {
        return "/api/v1/companies/" + company + "/roles";
    }

    private String users() {
        return "/api/v1/companies/" + company + "/users";
    }
}
