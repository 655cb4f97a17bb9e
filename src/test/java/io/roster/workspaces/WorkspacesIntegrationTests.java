package io.roster.workspaces;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** docs/rules.md §5, §6, §8, §14: workspaces, rights, and the outside people rights bring in. */
@IntegrationTest
class WorkspacesIntegrationTests {

    static final String PASSWORD = "workspaces-test-password";

    @LocalServerPort
    int port;

    @Autowired
    RoleAssignments roleAssignments;

    Api operator;
    Fixtures fixtures;
    String companyA;
    String companyB;

    @BeforeEach
    void twoCompanies() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        companyA = fixtures.company(20);
        companyB = fixtures.company(20);
    }

    @Test
    void a_member_creates_a_workspace_that_the_company_owns_and_the_creator_holds_admin() {
        Person creator = person(companyA, "MEMBER");

        var created = creator.api.post(workspaces(companyA), Map.of("name", "  Launch plan  "));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("name")).isEqualTo("Launch plan");
        assertThat(created.text("companyId")).isEqualTo(companyA);
        assertThat(created.text("createdBy")).isEqualTo(creator.id);
        assertThat(created.header("Location")).endsWith(workspaces(companyA) + "/" + id);
        assertThat(created.header("ETag")).isNotBlank();
        var members = creator.api.get(workspace(companyA, id) + "/members").json().get("items");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).get("accountId").asString()).isEqualTo(creator.id);
        assertThat(members.get(0).get("right").asString()).isEqualTo("ADMIN");
        assertThat(members.get(0).get("external").asBoolean()).isFalse();
        assertThat(members.get(0).get("userId").asString()).isEqualTo(creator.userId);
        assertThat(creator.api.get(workspace(companyA, id)).text("name")).isEqualTo("Launch plan");
    }

    @Test
    void an_administrator_and_an_auditor_see_every_workspace_but_a_plain_member_only_its_own() {
        Person first = person(companyA, "MEMBER");
        Person second = person(companyA, "MEMBER");
        String ofFirst = create(first, "First team");
        String ofSecond = create(second, "Second team");

        for (Person overseer : List.of(person(companyA, "ADMINISTRATOR"), person(companyA, "AUDITOR"))) {
            assertThat(names(overseer.api.get(workspaces(companyA)))).containsExactly("First team", "Second team");
            assertThat(overseer.api.get(workspace(companyA, ofSecond)).status()).isEqualTo(200);
            assertThat(overseer.api.get(workspace(companyA, ofSecond) + "/members").status()).isEqualTo(200);
        }
        assertThat(names(first.api.get(workspaces(companyA)))).containsExactly("First team");
        assertThat(first.api.get(workspace(companyA, ofFirst)).status()).isEqualTo(200);
        assertThat(first.api.get(workspace(companyA, ofSecond)).status()).isEqualTo(404);
        assertThat(first.api.get(workspace(companyA, ofSecond) + "/members").status()).isEqualTo(404);
        assertThat(names(person(companyA, "MEMBER").api.get(workspaces(companyA)))).isEmpty();
    }

    @Test
    void a_workspace_admin_adds_changes_and_removes_rights_and_a_writer_or_an_auditor_cannot() {
        Person admin = person(companyA, "MEMBER");
        Person colleague = person(companyA, "MEMBER");
        Person auditor = person(companyA, "AUDITOR");
        String id = create(admin, "Roadmap");
        String member = workspace(companyA, id) + "/members/" + colleague.id;

        var added = admin.api.put(member, Map.of("right", "READ"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.text("right")).isEqualTo("READ");
        assertThat(added.text("email")).isEqualTo(colleague.email);
        assertThat(added.json().get("external").asBoolean()).isFalse();
        assertThat(names(colleague.api.get(workspaces(companyA)))).containsExactly("Roadmap");

        var changed = admin.api.put(member, Map.of("right", "WRITE"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(admin.api.get(member).text("right")).isEqualTo("WRITE");
        assertThat(admin.api.put(member, Map.of("right", "WRITE")).status()).isEqualTo(200);

        var byWriter = colleague.api.put(workspace(companyA, id) + "/members/" + auditor.id, Map.of("right", "READ"));
        assertThat(byWriter.status()).isEqualTo(403);
        assertThat(byWriter.text("detail")).contains("ADMIN right on this workspace").contains("workspaces.manage");
        assertThat(auditor.api.get(workspace(companyA, id) + "/members").json().get("items")).hasSize(2);
        assertThat(auditor.api.delete(member, Map.of()).status()).isEqualTo(403);

        var page = admin.api.get(workspace(companyA, id) + "/members?limit=1");
        assertThat(page.json().get("items")).hasSize(1);
        var rest = admin.api.get(workspace(companyA, id) + "/members?limit=1&cursor=" + page.text("nextCursor"));
        assertThat(rest.json().get("items")).hasSize(1);
        assertThat(rest.json().get("nextCursor").isNull()).isTrue();

        assertThat(admin.api.delete(member, Map.of()).status()).isEqualTo(204);
        assertThat(admin.api.get(member).status()).isEqualTo(404);
        assertThat(admin.api.delete(member, Map.of()).status()).isEqualTo(404);
        assertThat(names(colleague.api.get(workspaces(companyA)))).isEmpty();
    }

    @Test
    void workspaces_manage_manages_the_members_of_a_workspace_it_does_not_belong_to() {
        Person creator = person(companyA, "MEMBER");
        Person administrator = person(companyA, "ADMINISTRATOR");
        Person colleague = person(companyA, "MEMBER");
        String id = create(creator, "Shared drive");

        var added = administrator.api.put(workspace(companyA, id) + "/members/" + colleague.id, Map.of("right", "ADMIN"));

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(colleague.api.put(workspace(companyA, id) + "/members/" + creator.id, Map.of("right", "READ"))
                .status()).isEqualTo(200);
    }

    @Test
    void the_last_admin_can_neither_be_removed_nor_downgraded() {
        Person admin = person(companyA, "MEMBER");
        Person colleague = person(companyA, "MEMBER");
        String id = create(admin, "Budget");
        String self = workspace(companyA, id) + "/members/" + admin.id;

        var removal = admin.api.delete(self, Map.of());
        var downgrade = admin.api.put(self, Map.of("right", "WRITE"));

        for (var refused : List.of(removal, downgrade)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.text("type")).endsWith("/last-workspace-admin");
            assertThat(refused.text("detail")).contains("last ADMIN").contains("Budget");
        }
        assertThat(admin.api.get(self).text("right")).isEqualTo("ADMIN");

        admin.api.put(workspace(companyA, id) + "/members/" + colleague.id, Map.of("right", "ADMIN"));
        assertThat(admin.api.put(self, Map.of("right", "READ")).status()).isEqualTo(200);
        assertThat(colleague.api.delete(self, Map.of()).status()).isEqualTo(204);
        assertThat(colleague.api.delete(workspace(companyA, id) + "/members/" + colleague.id, Map.of()).status())
                .isEqualTo(409);
    }

    @Test
    void a_workspace_of_company_b_is_not_found_for_the_people_of_a() {
        String ofB = create(person(companyB, "MEMBER"), "B secrets");
        Person administratorOfA = person(companyA, "ADMINISTRATOR");

        for (var answer : List.of(administratorOfA.api.get(workspace(companyA, ofB)),
                administratorOfA.api.get(workspace(companyA, ofB) + "/members"),
                administratorOfA.api.put(workspace(companyA, ofB) + "/members/" + administratorOfA.id, Map.of("right", "READ")),
                administratorOfA.api.get(workspace(companyB, ofB)),
                administratorOfA.api.get(workspaces(companyB)))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
        }
        assertThat(names(administratorOfA.api.get(workspaces(companyA)))).isEmpty();
    }

    @Test
    void an_outsider_with_a_right_is_an_external_row_that_a_cannot_edit_and_that_vanishes_with_the_right() {
        Person adminOfA = person(companyA, "ADMINISTRATOR");
        Person ofB = person(companyB, "MEMBER");
        String id = create(adminOfA, "Partner project");
        String member = workspace(companyA, id) + "/members/" + ofB.id;
        String row = users(companyA) + "/" + ofB.id;
        linkByRole(companyA, ofB.id);
        assertThat(adminOfA.api.put(member, Map.of("right", "READ")).json().get("external").asBoolean()).isTrue();
        assertThat(adminOfA.api.delete(row + "/roles/MEMBER", Map.of()).status()).isEqualTo(204);

        var external = adminOfA.api.get(users(companyA) + "?external=true");
        assertThat(ids(external)).containsExactly(ofB.id);
        assertThat(external.json().get("items").get(0).get("external").asBoolean()).isTrue();
        for (var refused : List.of(adminOfA.api.patch(row, Map.of("firstName", "Renamed"), Map.of()),
                adminOfA.api.post(row + "/deactivate", null), adminOfA.api.delete(row, Map.of()))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.text("detail")).contains("external user").contains("does not own the account");
        }
        assertThat(operator.get(users(companyB) + "/" + ofB.id).json().get("external").asBoolean()).isFalse();

        assertThat(adminOfA.api.delete(member, Map.of()).status()).isEqualTo(204);

        assertThat(ids(adminOfA.api.get(users(companyA) + "?external=true"))).isEmpty();
        assertThat(ids(adminOfA.api.get(users(companyA)))).doesNotContain(ofB.id);
        assertThat(adminOfA.api.get(row).status()).isEqualTo(404);
        assertThat(adminOfA.api.put(member, Map.of("right", "READ")).status()).isEqualTo(404);
    }

    @Test
    void an_account_whose_only_link_is_a_workspace_right_signs_in_and_sees_only_its_workspaces() {
        Person adminOfA = person(companyA, "ADMINISTRATOR");
        String shared = create(adminOfA, "Shared with outsiders");
        create(adminOfA, "Internal only");
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD, "emailVerified", true);
        String outsiderId = fixtures.createUser(companyB, body).text("id");
        String login = (String) body.get("userId");
        var noLink = Api.at(port).basic(login, PASSWORD).post("/api/v1/tokens", null);
        assertThat(noLink.status()).isEqualTo(403);
        assertThat(noLink.text("type")).endsWith("/no-role");

        linkByRole(companyA, outsiderId);
        adminOfA.api.put(workspace(companyA, shared) + "/members/" + outsiderId, Map.of("right", "WRITE"));
        adminOfA.api.delete(users(companyA) + "/" + outsiderId + "/roles/MEMBER", Map.of());

        var token = Api.at(port).basic(login, PASSWORD).post("/api/v1/tokens", null);
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        Api outsider = Api.at(port).bearer(token.text("token"));
        assertThat(names(outsider.get(workspaces(companyA)))).containsExactly("Shared with outsiders");
        assertThat(outsider.get(workspace(companyA, shared) + "/members").status()).isEqualTo(200);
        assertThat(outsider.get(users(companyA)).status()).isEqualTo(403);
        var creation = outsider.post(workspaces(companyA), Map.of("name", "Mine"));
        assertThat(creation.status()).isEqualTo(403);
        assertThat(creation.text("detail")).contains("Only people holding a role in the company");
        var me = outsider.get("/api/v1/me").json().get("companies");
        assertThat(me.findValuesAsString("companyId")).contains(companyA, companyB);

        adminOfA.api.delete(workspace(companyA, shared) + "/members/" + outsiderId, Map.of());
        assertThat(Api.at(port).basic(login, PASSWORD).post("/api/v1/tokens", null).status()).isEqualTo(403);
    }

    @Test
    void rights_go_only_to_people_already_in_the_users_table_and_must_be_one_of_the_three() {
        Person admin = person(companyA, "MEMBER");
        String id = create(admin, "Ops");
        String strangerOfB = person(companyB, "MEMBER").id;
        String draftOfA = fixtures.createUser(companyA, Fixtures.validUser("DRAFT")).text("id");
        String inactiveOfA = person(companyA, "MEMBER").id;
        operator.post(users(companyA) + "/" + inactiveOfA + "/deactivate", null);

        var stranger = admin.api.put(workspace(companyA, id) + "/members/" + strangerOfB, Map.of("right", "READ"));
        var draft = admin.api.put(workspace(companyA, id) + "/members/" + draftOfA, Map.of("right", "READ"));
        var wrongRight = admin.api.put(workspace(companyA, id) + "/members/" + inactiveOfA, Map.of("right", "OWNER"));
        var noRight = admin.api.put(workspace(companyA, id) + "/members/" + inactiveOfA, Map.of());

        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(404);
        assertThat(stranger.text("detail")).contains("Users table");
        assertThat(draft.status()).as(draft.toString()).isEqualTo(409);
        assertThat(draft.text("detail")).contains("draft");
        for (var invalid : List.of(wrongRight, noRight)) {
            assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
            assertThat(fieldsOf(invalid)).containsExactly("right");
        }
        assertThat(admin.api.put(workspace(companyA, id) + "/members/" + inactiveOfA, Map.of("right", "READ")).status())
                .isEqualTo(201);
    }

    @Test
    void a_workspace_name_is_required_and_at_most_200_characters() {
        Person member = person(companyA, "MEMBER");

        var blank = member.api.post(workspaces(companyA), Map.of("name", "   "));
        var tooLong = member.api.post(workspaces(companyA), Map.of("name", "x".repeat(201)));
        var unknownField = member.api.post(workspaces(companyA), Map.of("name", "Ok", "owner", "me"));

        for (var invalid : List.of(blank, tooLong, unknownField)) {
            assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
            assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(fieldsOf(blank)).containsExactly("name");
        assertThat(fieldsOf(tooLong)).containsExactly("name");
        assertThat(fieldsOf(unknownField)).containsExactly("owner");
        assertThat(member.api.post(workspaces(companyA), Map.of("name", "x".repeat(200))).status()).isEqualTo(201);
    }

    @Test
    void the_workspaces_of_a_company_are_listed_by_name_a_page_at_a_time() {
        Person administrator = person(companyA, "ADMINISTRATOR");
        for (String name : List.of("Echo", "Alpha", "Delta", "Bravo", "Charlie")) {
            create(administrator, name);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = administrator.api.get(workspaces(companyA) + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            seen.addAll(names(page));
            cursor = page.text("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Echo");
        assertThat(pages).isEqualTo(3);
        assertThat(administrator.api.get(workspaces(companyA) + "?limit=0").status()).isEqualTo(400);
    }

    /**
     * The guard checks before the operation's transaction, so the operation locks the workspace row
     * itself: two ADMINs removing each other at the same moment leave it one ADMIN, never none.
     */
    @Test
    void two_admins_removing_each_other_at_once_leave_the_workspace_an_admin() throws Exception {
        Person first = person(companyA, "MEMBER");
        Person second = person(companyA, "MEMBER");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String id = create(first, "Race " + round);
                String members = workspace(companyA, id) + "/members/";
                assertThat(first.api.put(members + second.id, Map.of("right", "ADMIN")).status()).isEqualTo(201);
                CountDownLatch start = new CountDownLatch(1);
                Future<Api.Response> byFirst = pool.submit(() -> {
                    start.await();
                    return first.api.delete(members + second.id, Map.of());
                });
                Future<Api.Response> bySecond = pool.submit(() -> {
                    start.await();
                    return second.api.delete(members + first.id, Map.of());
                });
                start.countDown();
                List<Integer> statuses = List.of(byFirst.get(30, TimeUnit.SECONDS).status(),
                        bySecond.get(30, TimeUnit.SECONDS).status());

                // one removal wins; the other is refused (409 last ADMIN, or 403/404 once its author lost the right)
                assertThat(statuses).as("round " + round).containsOnlyOnce(204);
                var left = operator.get(workspace(companyA, id) + "/members");
                assertThat(left.json().get("items").findValuesAsString("right")).as("round " + round)
                        .containsExactly("ADMIN");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------

    record Person(String id, String userId, String email, Api api) {
    }

    /** An ACTIVE user of {@code company} with these roles, signed in. */
    private Person person(String company, String... roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD,
                "emailVerified", true, "roles", List.of(roles));
        var created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        String userId = (String) body.get("userId");
        return new Person(created.text("id"), userId, (String) body.get("email"), Api.at(port).signIn(userId, PASSWORD));
    }

    /**
     * Links an outside account to a company with a MEMBER role, as an accepted invitation will
     * (invitations are another feature): the API only hands rights and roles to people already
     * in the company's Users table.
     */
    private void linkByRole(String company, String accountId) {
        String operatorId = operator.get("/api/v1/me").json().get("account").get("id").asString();
        Caller caller = new Caller(operatorId, null, true, null, null, null, null);
        CompanyId id = new CompanyId(company);
        roleAssignments.grant(id, accountId, "MEMBER", new CompanyAccess(caller, id, EnumSet.allOf(Permission.class), null));
    }

    private String create(Person creator, String name) {
        var created = creator.api.post(workspaces(companyOf(creator)), Map.of("name", name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private String companyOf(Person person) {
        return person.api.get("/api/v1/me").json().get("account").get("homeCompanyId").asString();
    }

    private static List<String> names(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("items").findValuesAsString("name");
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> fieldsOf(Api.Response problem) {
        JsonNode errors = problem.json().get("errors");
        return errors == null ? List.of() : errors.findValuesAsString("field");
    }

    private static String workspaces(String company) {
        return "/api/v1/companies/" + company + "/workspaces";
    }

    private static String workspace(String company, String id) {
        return workspaces(company) + "/" + id;
    }

    private static String users(String company) {
        return "/api/v1/companies/" + company + "/users";
    }
}
