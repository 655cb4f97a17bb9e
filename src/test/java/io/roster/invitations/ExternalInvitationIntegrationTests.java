package io.roster.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Outside people invited to a workspace (docs/rules.md §9): they accept as a new self-managed account or as
 * their existing account after signing in, then show in the company's Users table as External until
 * their last right goes. Links are read from the outbox, as the default run's mail preview shows them.
 */
@IntegrationTest
class ExternalInvitationIntegrationTests {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/invitations/[A-Za-z0-9_-]+)");
    private static final String PASSWORD = "an admin password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api operator;
    Fixtures fixtures;
    String company;
    Api admin;
    String workspace;

    @BeforeEach
    void aCompanyWithAWorkspace() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        company = fixtures.company(10);
        Map<String, Object> administrator = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD),
                "roles", List.of("ADMINISTRATOR"));
        fixtures.createUser(company, administrator);
        admin = Api.at(port).signIn(administrator.get("email").toString(), PASSWORD);
        workspace = admin.post(companyPath() + "/workspaces", Map.of("name", Fixtures.unique("Projects"))).text("id");
    }

    @Test
    void a_new_person_creates_an_account_from_the_link_shows_as_external_and_vanishes_with_the_right() {
        String email = Fixtures.unique("guest") + "@outside.example";
        assertThat(invite(email, "READ").status()).isEqualTo(201);

        Browser browser = new Browser(port);
        Browser.Page page = browser.get(linkMailedTo(email));
        assertThat(page.html()).contains(email).contains("with the right Read");
        String handle = Fixtures.unique("guest").toLowerCase();
        Browser.Page done = browser.post(linkMailedTo(email), Map.of("firstName", "Gaston", "lastName", "Lagaffe",
                "userId", handle, "password", "a guest password", "confirmation", "a guest password"));
        assertThat(done.html()).contains("Your account is created");

        JsonNode external = onlyExternalRow();
        assertThat(external.get("userId").asString()).isEqualTo(handle);
        assertThat(external.get("external").asBoolean()).isTrue();
        String accountId = external.get("id").asString();
        assertThat(admin.patch(users() + "/" + accountId, Map.of("firstName", "X"), Map.of()).status()).isEqualTo(403);
        assertThat(admin.post(users() + "/" + accountId + "/deactivate", null).status()).isEqualTo(403);
        assertThat(admin.delete(users() + "/" + accountId, Map.of()).text("detail")).contains("external user");
        assertThat(Api.at(port).basic(email, "a guest password").post("/api/v1/tokens", null).status()).isEqualTo(201);

        assertThat(admin.delete(companyPath() + "/workspaces/" + workspace + "/members/" + accountId, Map.of()).status())
                .isEqualTo(204);
        assertThat(admin.get(users() + "?external=true").json().get("items")).isEmpty();
        assertThat(admin.get(users() + "/" + accountId).status()).isEqualTo(404);
    }

    @Test
    void an_existing_account_accepts_after_signing_in() {
        String other = fixtures.company(5);
        Map<String, Object> outsider = Fixtures.userWithPassword("ACTIVE", "an outsider password");
        fixtures.createUser(other, outsider);
        String email = outsider.get("email").toString();
        invite(email.toUpperCase(), "WRITE");

        Browser browser = new Browser(port);
        String link = linkMailedTo(email.toUpperCase());
        assertThat(browser.get(link).html()).contains("Sign in to accept");
        Browser.Page toLogin = browser.get(link + "/accept");
        assertThat(toLogin.status()).isEqualTo(302);
        Browser.Page back = browser.signIn(email, "an outsider password");
        assertThat(back.location()).contains(link + "/accept");
        assertThat(browser.get(back.location()).html()).contains("Accept the invitation");
        assertThat(browser.post(link + "/accept", Map.of()).html()).contains("You joined the workspace");

        JsonNode external = onlyExternalRow();
        assertThat(external.get("email").asString()).isEqualTo(email);
        var member = admin.get(companyPath() + "/workspaces/" + workspace + "/members/" + external.get("id").asString());
        assertThat(member.text("right")).isEqualTo("WRITE");
    }

    @Test
    void someone_signed_in_with_another_account_is_told_to_switch() {
        String email = Fixtures.unique("someone") + "@outside.example";
        String other = fixtures.company(5);
        Map<String, Object> invited = Fixtures.with(Fixtures.userWithPassword("ACTIVE", "invited person password"),
                "email", email);
        fixtures.createUser(other, invited);
        Map<String, Object> intruder = Fixtures.userWithPassword("ACTIVE", "intruder password here");
        fixtures.createUser(other, intruder);
        invite(email, "READ");

        Browser browser = new Browser(port);
        browser.signIn(intruder.get("email").toString(), "intruder password here");
        String link = linkMailedTo(email);
        Browser.Page confirm = browser.get(link + "/accept");
        assertThat(confirm.status()).as(confirm.html()).isEqualTo(200);
        assertThat(browser.post(link + "/accept", Map.of()).html()).contains("This invitation was sent to another address");
        assertThat(admin.get(users() + "?external=true").json().get("items")).isEmpty();
    }

    @Test
    void resending_replaces_the_link_and_revoking_withdraws_it() {
        String email = Fixtures.unique("later") + "@outside.example";
        String id = invite(email, "READ").text("id");
        String first = linkMailedTo(email);

        var resent = admin.post(invitations() + "/" + id + "/resend", null);
        assertThat(resent.status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> mailsTo(email).size() == 2);
        String second = linkIn(mailsTo(email).get(1));
        assertThat(new Browser(port).get(first).html()).contains("A newer link was sent to you");
        assertThat(admin.get(invitations() + "/" + id).text("state")).isEqualTo("REPLACED");

        assertThat(admin.delete(invitations() + "/" + resent.text("id"), Map.of()).status()).isEqualTo(204);
        assertThat(new Browser(port).get(second).html()).contains("This invitation was withdrawn");
        assertThat(admin.get(invitations()).json().get("items")).hasSize(2);

        List<String> recorded = new java.util.ArrayList<>();
        admin.get(companyPath() + "/audit?action=workspace.invitation*").json().get("items").forEach(entry -> {
            assertThat(entry.get("targetId").asString()).isEqualTo(workspace);
            JsonNode after = entry.get("after");
            JsonNode fields = after == null || after.isNull() ? entry.get("before") : after;
            assertThat(fields.get("email").asString()).isEqualTo(email);
            recorded.add(entry.get("action").asString());
        });
        assertThat(recorded).containsExactlyInAnyOrder("workspace.invitation_sent", "workspace.invitation_resent",
                "workspace.invitation_revoked");
    }

    @Test
    void only_a_workspace_admin_or_a_manager_invites_and_input_is_checked() {
        Map<String, Object> member = Fixtures.with(Fixtures.userWithPassword("ACTIVE", "a member password"),
                "roles", List.of("MEMBER"));
        fixtures.createUser(company, member);
        Api plain = Api.at(port).signIn(member.get("email").toString(), "a member password");

        assertThat(plain.post(invitations(), Map.of("email", "x@outside.example", "right", "READ")).status()).isEqualTo(404);
        var invalid = admin.post(invitations(), Map.of("email", "not an email", "right", "OWNER"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "right");
    }

    private Api.Response invite(String email, String right) {
        return admin.post(invitations(), Map.of("email", email, "right", right));
    }

    private JsonNode onlyExternalRow() {
        JsonNode items = admin.get(users() + "?external=true").json().get("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private String linkMailedTo(String email) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !mailsTo(email).isEmpty());
        return linkIn(mailsTo(email).getLast());
    }

    private List<String> mailsTo(String email) {
        return jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ? ORDER BY created_at, id")
                .param(email).query(String.class).list();
    }

    /** The link's path: the browser talks to 127.0.0.1 and keeps its cookies for that host. */
    private static String linkIn(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("a link in " + text).isTrue();
        return java.net.URI.create(matcher.group(1)).getRawPath();
    }

    private String companyPath() {
        return "/api/v1/companies/" + company;
    }

    private String users() {
        return companyPath() + "/users";
    }

    private String invitations() {
        return companyPath() + "/workspaces/" + workspace + "/invitations";
    }
}
