package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Permission;
import io.roster.access.RoleAssignments;
import io.roster.shared.CompanyId;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Users table reads who is linked to a company from the users module's links, which the access
 * and workspaces modules write with each grant: granting and removing roles and workspace rights
 * must show at once in the external rows and in the role filter.
 */
@IntegrationTest
class CompanyLinksIntegrationTests {

    static final String PASSWORD = "company-links-test-password";

    @LocalServerPort
    int port;

    @Autowired
    RoleAssignments roleAssignments;

    Api operator;
    Fixtures fixtures;
    String companyA;
    String companyB;
    Api adminOfA;

    @BeforeEach
    void twoCompanies() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        companyA = fixtures.company(20);
        companyB = fixtures.company(20);
        adminOfA = signIn(createUser(companyA, "ADMINISTRATOR"));
    }

    @Test
    void an_outside_account_is_an_external_row_while_it_holds_a_role_or_a_workspace_right() {
        Map<String, Object> outsider = createUser(companyB, "MEMBER");
        String outsiderId = (String) outsider.get("id");
        String workspace = adminOfA.post(workspaces(companyA), Map.of("name", "Shared")).text("id");
        String member = workspaces(companyA) + "/" + workspace + "/members/" + outsiderId;
        assertThat(ids(adminOfA.get(users(companyA) + "?external=true"))).isEmpty();

        grantAsOperator(companyA, outsiderId, "MEMBER");

        assertThat(ids(adminOfA.get(users(companyA) + "?external=true"))).containsExactly(outsiderId);
        assertThat(ids(adminOfA.get(users(companyA) + "?role=MEMBER"))).containsExactly(outsiderId);
        // a search tests the external rows too: "user-1234" of "user-12345678"
        String prefix = ((String) outsider.get("userId")).substring(0, 9);
        assertThat(ids(adminOfA.get(users(companyA) + "?q=" + prefix))).containsExactly(outsiderId);
        assertThat(adminOfA.get(users(companyA) + "/" + outsiderId).status()).isEqualTo(200);

        assertThat(adminOfA.put(member, Map.of("right", "READ")).status()).isEqualTo(201);
        assertThat(adminOfA.delete(users(companyA) + "/" + outsiderId + "/roles/MEMBER", Map.of()).status()).isEqualTo(204);

        // the workspace right alone keeps it linked, but it holds no role any more
        assertThat(ids(adminOfA.get(users(companyA) + "?external=true"))).containsExactly(outsiderId);
        assertThat(ids(adminOfA.get(users(companyA) + "?role=MEMBER"))).isEmpty();
        // its own company's table counts it as internal, never as external
        assertThat(ids(operator.get(users(companyB) + "?external=true"))).isEmpty();
        assertThat(ids(operator.get(users(companyB) + "?external=false"))).contains(outsiderId);

        assertThat(adminOfA.delete(member, Map.of()).status()).isEqualTo(204);

        assertThat(ids(adminOfA.get(users(companyA) + "?external=true"))).isEmpty();
        assertThat(ids(adminOfA.get(users(companyA)))).doesNotContain(outsiderId);
        assertThat(adminOfA.get(users(companyA) + "/" + outsiderId).status()).isEqualTo(404);
    }

    @Test
    void the_role_filter_follows_grants_and_revocations_of_internal_and_outside_people() {
        String internal = (String) createUser(companyA, "MEMBER").get("id");
        String outsider = (String) createUser(companyB, "MEMBER").get("id");
        String byRole = users(companyA) + "?role=AUDITOR";
        assertThat(ids(adminOfA.get(byRole))).isEmpty();

        var granted = adminOfA.post(users(companyA) + "/" + internal + "/roles", Map.of("roleId", "AUDITOR"));
        assertThat(granted.status()).as(granted.toString()).isIn(200, 201);
        roleAssignments.grantAll(new CompanyId(companyA), Map.of(outsider, Set.of("AUDITOR", "BILLING_MANAGER")),
                operatorAccess(companyA));

        assertThat(ids(adminOfA.get(byRole))).containsExactlyInAnyOrder(internal, outsider);
        assertThat(ids(adminOfA.get(byRole + "&external=true"))).containsExactly(outsider);
        assertThat(ids(adminOfA.get(byRole + "&external=false"))).containsExactly(internal);
        assertThat(ids(adminOfA.get(users(companyA) + "?role=BILLING_MANAGER"))).containsExactly(outsider);

        assertThat(adminOfA.delete(users(companyA) + "/" + internal + "/roles/AUDITOR", Map.of()).status()).isEqualTo(204);
        assertThat(adminOfA.delete(users(companyA) + "/" + outsider + "/roles/AUDITOR", Map.of()).status()).isEqualTo(204);

        assertThat(ids(adminOfA.get(byRole))).isEmpty();
        // still linked by its other role
        assertThat(ids(adminOfA.get(users(companyA) + "?external=true"))).containsExactly(outsider);
        assertThat(adminOfA.delete(users(companyA) + "/" + outsider + "/roles/BILLING_MANAGER", Map.of()).status())
                .isEqualTo(204);
        assertThat(ids(adminOfA.get(users(companyA) + "?external=true"))).isEmpty();
        // the internal user stays in its own company's table without any role
        assertThat(ids(adminOfA.get(users(companyA) + "?external=false"))).contains(internal);
    }

    @Test
    void a_workspace_lists_its_members_by_user_id_a_page_at_a_time_with_their_profiles() {
        String workspace = adminOfA.post(workspaces(companyA), Map.of("name", "Paged")).text("id");
        String members = workspaces(companyA) + "/" + workspace + "/members";
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(createUser(companyA, "MEMBER"));
        }
        Map<String, Object> outsider = createUser(companyB, "MEMBER");
        grantAsOperator(companyA, (String) outsider.get("id"), "MEMBER");
        people.add(outsider);
        for (Map<String, Object> person : people) {
            assertThat(adminOfA.put(members + "/" + person.get("id"), Map.of("right", "READ")).status()).isEqualTo(201);
        }

        List<String> userIds = new ArrayList<>();
        List<String> externals = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = adminOfA.get(members + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(item -> {
                userIds.add(item.get("userId").asString());
                assertThat(item.get("email").asString()).endsWith("@example.com");
                if (item.get("external").asBoolean()) {
                    externals.add(item.get("accountId").asString());
                }
            });
            cursor = page.text("nextCursor");
            pages++;
        } while (cursor != null);

        // the creator (an ADMIN) and the five people, in userId order
        assertThat(userIds).hasSize(6).isSorted();
        assertThat(userIds).containsAll(people.stream().map(person -> (String) person.get("userId")).toList());
        assertThat(externals).containsExactly((String) outsider.get("id"));
        assertThat(pages).isEqualTo(3);
    }

    // ---------------------------------------------------------------------------------------------

    /** An ACTIVE user of {@code company} with a password and these roles: its creation body plus its id. */
    private Map<String, Object> createUser(String company, String... roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD,
                "emailVerified", true, "roles", List.of(roles));
        var created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        return Fixtures.with(body, "id", created.text("id"));
    }

    private Api signIn(Map<String, Object> user) {
        return Api.at(port).signIn((String) user.get("userId"), PASSWORD);
    }

    /**
     * Links an outside account to a company by a role, as an accepted invitation would: the API
     * only hands roles to people already in the company's Users table.
     */
    private void grantAsOperator(String company, String accountId, String roleId) {
        roleAssignments.grant(new CompanyId(company), accountId, roleId, operatorAccess(company));
    }

    private CompanyAccess operatorAccess(String company) {
        String operatorId = operator.get("/api/v1/me").json().get("account").get("id").asString();
        Caller caller = new Caller(operatorId, null, true, null, null, null, null);
        CompanyId id = new CompanyId(company);
        return new CompanyAccess(caller, id, EnumSet.allOf(Permission.class), null);
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static String workspaces(String company) {
        return "/api/v1/companies/" + company + "/workspaces";
    }

    private static String users(String company) {
        return "/api/v1/companies/" + company + "/users";
    }
}
