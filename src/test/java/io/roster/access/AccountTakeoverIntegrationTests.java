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
 * The account-takeover path closed (docs/rules.md §6): a user manager could change an administrator's email
 * to an address of theirs, have a password reset mailed there and sign in as the administrator.
 * Nobody may act on a person holding a permission they lack, and an email change waits for the
 * new address to confirm it while the old one may cancel.
 */
@IntegrationTest
class AccountTakeoverIntegrationTests {

    static final String PASSWORD = "takeover-test-password-5521";

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    Mailbox mailbox;
    String company;

    @BeforeEach
    void aCompany() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        mailbox = new Mailbox(operator);
        company = fixtures.company(20);
    }

    record Person(String id, String userId, String email, Api api) {
    }

    Person person(String role) {
        var created = fixtures.createUser(company,
                Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Person(created.text("id"), created.text("userId"), created.text("email"),
                Api.at(port).signIn(created.text("userId"), PASSWORD));
    }

    String users() {
        return "/api/v1/companies/" + company + "/users";
    }

    // ---- nobody acts on someone holding a permission they lack ----------------------------------

    @Test
    void a_user_manager_cannot_edit_deactivate_reinvite_or_delete_an_administrator() {
        Person manager = person("USER_MANAGER");
        Person admin = person("ADMINISTRATOR");
        String mine = "attacker-" + Fixtures.unique("x").toLowerCase() + "@evil.example";

        var edit = manager.api().patch(users() + "/" + admin.id(), Map.of("email", mine), Map.of());
        var deactivate = manager.api().post(users() + "/" + admin.id() + "/deactivate", null);
        var invite = manager.api().post(users() + "/" + admin.id() + "/invite", null);
        var delete = manager.api().delete(users() + "/" + admin.id(), Map.of());

        for (var refused : List.of(edit, deactivate, invite, delete)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.text("detail")).contains("roles.manage");
        }
        var row = operator.get(users() + "/" + admin.id());
        assertThat(row.text("email")).isEqualTo(admin.email());
        assertThat(row.text("status")).isEqualTo("ACTIVE");
        assertThat(row.json().has("pendingEmail")).isFalse();
        assertThat(mailbox.count(mine, "EMAIL_CHANGE_VERIFY")).isZero();
    }

    @Test
    void a_user_manager_still_manages_people_holding_no_more_than_they_do() {
        Person manager = person("USER_MANAGER");
        Person member = person("MEMBER");
        Person peer = person("USER_MANAGER");

        assertThat(manager.api().patch(users() + "/" + member.id(), Map.of("firstName", "Renamed"), Map.of()).status())
                .isEqualTo(200);
        assertThat(manager.api().patch(users() + "/" + peer.id(), Map.of("firstName", "Peer"), Map.of()).status())
                .isEqualTo(200);
        assertThat(manager.api().post(users() + "/" + member.id() + "/deactivate", null).status()).isEqualTo(200);
    }

    @Test
    void a_partner_user_manager_cannot_edit_an_administrator_of_an_attached_company() {
        String partner = fixtures.partner();
        company = fixtures.companyOf(partner, 10);
        Person admin = person("ADMINISTRATOR");
        Person member = person("MEMBER");
        String userId = Fixtures.unique("staff").toLowerCase();
        assertThat(operator.post("/api/v1/partners/" + partner + "/members", Map.of("userId", userId,
                "firstName", "Paula", "lastName", "Partner", "email", userId + "@partner.example", "password", PASSWORD,
                "emailVerified", true, "role", "PARTNER_USER_MANAGER")).status()).isEqualTo(201);
        Api staff = Api.at(port).signIn(userId, PASSWORD);

        var refused = staff.patch(users() + "/" + admin.id(), Map.of("email", userId + "@partner.example"), Map.of());
        var allowed = staff.patch(users() + "/" + member.id(), Map.of("lastName", "Changed"), Map.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
    }

    @Test
    void the_console_refuses_a_user_manager_acting_on_an_administrator_too() {
        Person manager = person("USER_MANAGER");
        Person admin = person("ADMINISTRATOR");
        Browser browser = new Browser(port);
        browser.signIn(manager.userId(), PASSWORD);
        browser.get("/companies/" + company + "/users");

        var page = browser.post("/companies/" + company + "/users/" + admin.id() + "/edit/email",
                Map.of("value", "mine@evil.example"));
        browser.post("/companies/" + company + "/users/" + admin.id() + "/deactivate", Map.of());

        assertThat(page.status()).isIn(200, 302, 403);
        var row = operator.get(users() + "/" + admin.id());
        assertThat(row.text("email")).isEqualTo(admin.email());
        assertThat(row.json().has("pendingEmail")).isFalse();
        assertThat(row.text("status")).isEqualTo("ACTIVE");
    }

    // ---- an email change waits for the new address ---------------------------------------------

    @Test
    void a_changed_email_stays_pending_and_reset_and_sign_in_use_only_the_confirmed_address() {
        Person admin = person("ADMINISTRATOR");
        Person member = person("MEMBER");
        String newEmail = Fixtures.unique("new").toLowerCase() + "@example.com";

        var patched = admin.api().patch(users() + "/" + member.id(), Map.of("email", newEmail), Map.of());

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.text("email")).isEqualTo(member.email());
        assertThat(patched.text("pendingEmail")).isEqualTo(newEmail);
        // the new address cannot sign in nor receive a reset link yet
        forgotPassword(newEmail);
        forgotPassword(member.email());
        assertThat(mailbox.link(member.email(), "PASSWORD_RESET")).contains("/invitations/");
        assertThat(mailbox.count(newEmail, "PASSWORD_RESET")).isZero();
        assertThat(Api.at(port).basic(newEmail, PASSWORD).post("/api/v1/tokens", null).status()).isEqualTo(401);
        assertThat(Api.at(port).basic(member.email(), PASSWORD).post("/api/v1/tokens", null).status()).isEqualTo(201);
        // the old address is told, with a way to cancel
        assertThat(mailbox.link(member.email(), "EMAIL_CHANGED_NOTICE")).contains("/invitations/");

        String confirm = mailbox.link(newEmail, "EMAIL_CHANGE_VERIFY");
        Browser browser = new Browser(port);
        browser.get(confirm);
        assertThat(browser.post(confirm, Map.of()).html()).contains("Your email is confirmed");

        var row = operator.get(users() + "/" + member.id());
        assertThat(row.text("email")).isEqualTo(newEmail);
        assertThat(row.json().has("pendingEmail")).isFalse();
        assertThat(Api.at(port).basic(newEmail, PASSWORD).post("/api/v1/tokens", null).status()).isEqualTo(201);
    }

    @Test
    void the_old_address_cancels_a_pending_change_and_the_confirmation_link_dies() {
        Person admin = person("ADMINISTRATOR");
        Person member = person("MEMBER");
        String newEmail = Fixtures.unique("new").toLowerCase() + "@example.com";
        admin.api().patch(users() + "/" + member.id(), Map.of("email", newEmail), Map.of());
        String confirm = mailbox.link(newEmail, "EMAIL_CHANGE_VERIFY");
        String cancel = mailbox.link(member.email(), "EMAIL_CHANGED_NOTICE");

        Browser owner = new Browser(port);
        assertThat(owner.get(cancel).html()).contains(newEmail);
        assertThat(owner.post(cancel, Map.of()).html()).contains("The change is cancelled");

        assertThat(operator.get(users() + "/" + member.id()).json().has("pendingEmail")).isFalse();
        Browser other = new Browser(port);
        assertThat(other.get(confirm).html()).doesNotContain("Confirm my email");
        assertThat(operator.get(users() + "/" + member.id()).text("email")).isEqualTo(member.email());
    }

    @Test
    void the_old_address_undoes_a_confirmed_change_and_every_session_and_token_ends() {
        Person admin = person("ADMINISTRATOR");
        Person member = person("MEMBER");
        String newEmail = Fixtures.unique("new").toLowerCase() + "@example.com";
        admin.api().patch(users() + "/" + member.id(), Map.of("email", newEmail), Map.of());
        String confirm = mailbox.link(newEmail, "EMAIL_CHANGE_VERIFY");
        String cancel = mailbox.link(member.email(), "EMAIL_CHANGED_NOTICE");
        Browser newOwner = new Browser(port);
        newOwner.get(confirm);
        newOwner.post(confirm, Map.of());
        Api tokenOfNewAddress = Api.at(port).signIn(newEmail, PASSWORD);

        Browser owner = new Browser(port);
        owner.get(cancel);
        assertThat(owner.post(cancel, Map.of()).html()).contains("The change is cancelled");

        var row = operator.get(users() + "/" + member.id());
        assertThat(row.text("email")).isEqualTo(member.email());
        assertThat(row.json().get("emailVerified").asBoolean()).isTrue();
        assertThat(tokenOfNewAddress.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(member.api().get("/api/v1/me").status()).isEqualTo(401);
        var trail = admin.api().get("/api/v1/companies/" + company + "/audit?action=user.email_change_cancelled").json()
                .get("items");
        assertThat(trail).hasSize(1);
        assertThat(trail.get(0).get("after").get("reverted").asBoolean()).isTrue();
    }

    @Test
    void a_draft_takes_a_new_email_at_once_since_no_account_exists_yet() {
        String id = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");
        String newEmail = Fixtures.unique("draft").toLowerCase() + "@example.com";

        var patched = operator.patch(users() + "/" + id, Map.of("email", newEmail), Map.of());

        assertThat(patched.text("email")).isEqualTo(newEmail);
        assertThat(patched.json().has("pendingEmail")).isFalse();
    }

    private void forgotPassword(String email) {
        Browser browser = new Browser(port);
        browser.get("/forgot-password");
        assertThat(browser.post("/forgot-password", Map.of("email", email)).status()).isEqualTo(200);
    }
}
