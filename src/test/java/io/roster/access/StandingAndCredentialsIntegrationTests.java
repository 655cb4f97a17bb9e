package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Mailbox;
import io.roster.support.Operator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/rules.md §13 over real HTTP: a new password ends every other session and token; standing is checked
 * on every use of a token; a role never carries more than its creator holds; a person let into a
 * workspace sees that workspace and not the company; refused changes are audited, within bounds.
 */
@IntegrationTest
class StandingAndCredentialsIntegrationTests {

    static final String PASSWORD = "standing-test-password-7730";
    static final String NEW_PASSWORD = "a-brand-new-password-7731";

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    String company;

    @BeforeEach
    void aCompany() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        company = fixtures.company(20);
    }

    record Person(String id, String userId, String email) {
    }

    Person person(String role) {
        var created = fixtures.createUser(company,
                Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Person(created.text("id"), created.text("userId"), created.text("email"));
    }

    Api token(Person person, String password) {
        return Api.at(port).signIn(person.userId(), password);
    }

    String base() {
        return "/api/v1/companies/" + company;
    }

    // ---- a new password ends everything else ---------------------------------------------------

    @Test
    void changing_the_password_over_the_api_ends_the_other_tokens_and_sessions_but_keeps_the_calling_token() {
        Person member = person("MEMBER");
        Api calling = token(member, PASSWORD);
        Api other = token(member, PASSWORD);
        Browser console = new Browser(port);
        console.signIn(member.userId(), PASSWORD);
        assertThat(console.get("/profile").status()).isEqualTo(200);

        var changed = calling.put("/api/v1/me/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(changed.status()).as(changed.toString()).isIn(200, 204);
        assertThat(calling.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(console.get("/profile").status()).as("the console session ended").isEqualTo(302);
    }

    @Test
    void changing_the_password_in_the_console_keeps_that_session_and_ends_the_rest() {
        Person member = person("MEMBER");
        Api tokenBefore = token(member, PASSWORD);
        Browser elsewhere = new Browser(port);
        elsewhere.signIn(member.userId(), PASSWORD);
        Browser here = new Browser(port);
        here.signIn(member.userId(), PASSWORD);
        here.get("/profile");

        here.post("/profile/password", Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD,
                "confirmation", NEW_PASSWORD));

        assertThat(here.get("/profile").status()).isEqualTo(200);
        assertThat(elsewhere.get("/profile").status()).isEqualTo(302);
        assertThat(tokenBefore.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(token(member, NEW_PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void a_password_reset_through_the_mailed_link_ends_every_session_and_token() {
        Person member = person("MEMBER");
        Api tokenBefore = token(member, PASSWORD);
        Browser console = new Browser(port);
        console.signIn(member.userId(), PASSWORD);
        forgotPassword(member.email());
        String link = new Mailbox(operator).link(member.email(), "PASSWORD_RESET");

        Browser resetting = new Browser(port);
        resetting.get(link);
        assertThat(resetting.post(link, Map.of("password", NEW_PASSWORD, "confirmation", NEW_PASSWORD)).html())
                .contains("Your password is set");

        assertThat(tokenBefore.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(console.get("/profile").status()).isEqualTo(302);
    }

    // ---- standing on every use -------------------------------------------------------------------

    @Test
    void a_token_stops_working_the_moment_its_account_loses_its_last_role_and_cannot_buy_standing_back() {
        Person member = person("MEMBER");
        Api api = token(member, PASSWORD);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(operator.delete(base() + "/users/" + member.id() + "/roles/MEMBER", Map.of()).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api.post(base() + "/workspaces", Map.of("name", "Back door")).status()).isEqualTo(401);
    }

    @Test
    void creating_a_workspace_needs_a_role_in_the_company_not_only_a_home_or_a_right() {
        Person member = person("MEMBER");
        String workspace = operator.post(base() + "/workspaces", Map.of("name", "Shared")).text("id");
        operator.put(base() + "/workspaces/" + workspace + "/members/" + member.id(), Map.of("right", "READ"));
        operator.delete(base() + "/users/" + member.id() + "/roles/MEMBER", Map.of());
        Api api = token(member, PASSWORD);

        var refused = api.post(base() + "/workspaces", Map.of("name", "Mine"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(api.get(base() + "/workspaces/" + workspace).status()).isEqualTo(200);
    }

    @Test
    void a_person_whose_only_access_is_a_workspace_right_cannot_list_the_company_roles() {
        String other = fixtures.company(5);
        var outsider = fixtures.createUser(other,
                Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of("MEMBER")));
        String workspace = operator.post(base() + "/workspaces", Map.of("name", "Guests")).text("id");
        // brought in by a role, then left with the workspace right alone
        String path = base() + "/users/" + outsider.text("id") + "/roles";
        assertThat(operator.post(path, Map.of("roleId", "MEMBER")).status()).isIn(200, 201, 204);
        var let = operator.put(base() + "/workspaces/" + workspace + "/members/" + outsider.text("id"), Map.of("right", "WRITE"));
        assertThat(let.status()).as(let.toString()).isIn(200, 201);
        assertThat(operator.delete(path + "/MEMBER", Map.of()).status()).isEqualTo(204);
        Api api = Api.at(port).signIn(outsider.text("userId"), PASSWORD);

        assertThat(api.get(base() + "/roles").status()).isEqualTo(403);
        assertThat(api.get(base() + "/roles/MEMBER").status()).isEqualTo(403);
        var seen = api.get(base()).json();
        assertThat(seen.get("name").asString()).isNotBlank();
        assertThat(seen.has("licensesUsed")).as("licenses are the company's business").isFalse();
        assertThat(api.get(base() + "/workspaces/" + workspace).status()).isEqualTo(200);
    }

    // ---- roles never exceed their creator --------------------------------------------------------

    @Test
    void roles_manage_alone_cannot_mint_a_role_with_permissions_it_lacks() {
        String keeper = operator.post(base() + "/roles", Map.of("name", "Role keeper", "permissions",
                List.of("roles.manage"))).text("id");
        Person person = person(keeper);
        Api api = token(person, PASSWORD);

        var all = api.post(base() + "/roles", Map.of("name", "Everything", "permissions", List.of("users.read",
                "users.manage", "roles.manage", "workspaces.read", "workspaces.manage", "billing.manage", "audit.read")));
        var within = api.post(base() + "/roles", Map.of("name", "Another keeper", "permissions", List.of("roles.manage")));

        assertThat(all.status()).as(all.toString()).isEqualTo(403);
        assertThat(within.status()).as(within.toString()).isEqualTo(201);
        assertThat(api.put(base() + "/roles/" + within.text("id"), Map.of("name", "Grown", "permissions",
                List.of("roles.manage", "billing.manage"))).status()).isEqualTo(403);
    }

    // ---- refused attempts are audited --------------------------------------------------------------

    @Test
    void a_refused_change_is_audited_as_access_denied_and_a_flood_is_bounded() {
        Person manager = person("USER_MANAGER");
        Person admin = person("ADMINISTRATOR");
        Api api = token(manager, PASSWORD);

        for (int i = 0; i < 30; i++) {
            assertThat(api.post(base() + "/users/" + admin.id() + "/deactivate", null).status()).isEqualTo(403);
        }
        assertThat(api.put(base() + "/licenses", Map.of("licensesPurchased", 99)).status()).isEqualTo(403);

        var denied = operator.get(base() + "/audit?action=access.denied&limit=200").json().get("items");
        assertThat(denied.size()).isBetween(1, 20);
        var first = denied.get(denied.size() - 1);
        assertThat(first.get("actorAccountId").asString()).isEqualTo(manager.id());
        assertThat(first.get("targetId").asString()).isEqualTo(admin.id());
        assertThat(first.get("after").get("operation").asString())
                .isEqualTo("POST /api/v1/companies/" + company + "/users/" + admin.id() + "/deactivate");
        assertThat(first.get("after").get("reason").asString()).isEqualTo("outranked");
        assertThat(operator.get(base() + "/users/" + admin.id()).text("status")).isEqualTo("ACTIVE");
    }

    @Test
    void reading_without_permission_is_refused_but_not_audited_as_a_change() {
        Person member = person("MEMBER");
        Api api = token(member, PASSWORD);

        assertThat(api.get(base() + "/users").status()).isEqualTo(403);

        assertThat(operator.get(base() + "/audit?action=access.denied").json().get("items")).isEmpty();
    }

    private void forgotPassword(String email) {
        Browser browser = new Browser(port);
        browser.get("/forgot-password");
        assertThat(browser.post("/forgot-password", Map.of("email", email)).status()).isEqualTo(200);
    }
}
