package io.roster.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** docs/rules.md §11: people are told in-app and by mail of what concerns them, as their preferences say. */
@IntegrationTest
class NotificationsIntegrationTests {

    private static final String PASSWORD = "a person's password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api operator;
    String company;
    String personId;
    String email;
    Api person;

    @BeforeEach
    void aPersonWhoCanSignIn() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        Fixtures fixtures = new Fixtures(operator);
        company = fixtures.company(5);
        Map<String, Object> body = Fixtures.userWithPassword("ACTIVE", PASSWORD);
        email = body.get("email").toString();
        personId = fixtures.createUser(company, body).text("id");
        person = Api.at(port).signIn(email, PASSWORD);
        person.post("/api/v1/me/notifications/read-all", null);
        // start from an empty mailbox: creating the person already told them of their MEMBER role
        jdbc.sql("DELETE FROM mail_outbox WHERE recipient = ?").param(email).update();
    }

    @Test
    void a_granted_role_is_told_in_app_and_by_mail_and_can_be_marked_read() {
        grant("AUDITOR");

        JsonNode items = person.get("/api/v1/me/notifications?unread=true").json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("message").asString()).startsWith("You were given the role Auditor in ");
        assertThat(unread()).isEqualTo(1);
        assertThat(mails("ROLE_GRANTED")).isEqualTo(1);

        assertThat(person.post("/api/v1/me/notifications/" + items.get(0).get("id").asString() + "/read", null).status())
                .isEqualTo(204);
        assertThat(unread()).isZero();
    }

    @Test
    void preferences_decide_between_in_app_and_mail() {
        var off = person.put("/api/v1/me/preferences", Map.of("notifications", Map.of("email", false)));
        assertThat(off.json().get("notifications").get("email").asBoolean()).isFalse();
        grant("AUDITOR");
        assertThat(unread()).isEqualTo(1);
        assertThat(mails("ROLE_GRANTED")).isZero();

        person.put("/api/v1/me/preferences", Map.of("notifications", Map.of("inApp", false, "email", true)));
        operator.delete(users() + "/" + personId + "/roles/AUDITOR", Map.of());
        assertThat(unread()).isEqualTo(1);
        assertThat(mails("ROLE_REMOVED")).isEqualTo(1);
    }

    @Test
    void security_mails_are_sent_whatever_the_preferences() {
        person.put("/api/v1/me/preferences", Map.of("notifications", Map.of("inApp", false, "email", false)));
        operator.patch(users() + "/" + personId, Map.of("email", "changed." + email), Map.of());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'EMAIL_CHANGED_NOTICE' AND recipient = ?")
                .param(email).query(Long.class).single()).isEqualTo(1);
        assertThat(unread()).isZero();
    }

    @Test
    void nobody_reads_or_marks_another_persons_notifications() {
        grant("AUDITOR");
        String id = person.get("/api/v1/me/notifications").json().get("items").get(0).get("id").asString();

        assertThat(operator.post("/api/v1/me/notifications/" + id + "/read", null).status()).isEqualTo(404);
        assertThat(operator.get("/api/v1/me/notifications").json().get("items").findValuesAsString("id")).doesNotContain(id);
        assertThat(unread()).isEqualTo(1);
    }

    @Test
    void the_console_bell_counts_and_the_list_speaks_the_pages_language() {
        grant("AUDITOR");
        Browser browser = new Browser(port);
        browser.signIn(email, PASSWORD);

        Browser.Page page = browser.get("/notifications");
        assertThat(page.html()).contains("1 unread notification").contains("You were given the role Auditor");
        // a built-in role is named in the reader's language, not as the company's English default
        assertThat(browser.get("/notifications?lang=fr").html()).contains("Vous avez reçu le rôle Auditeur");
    }

    @Test
    void a_mail_names_the_role_in_the_recipients_language() {
        person.put("/api/v1/me/preferences", Map.of("locale", "fr", "notifications", Map.of("inApp", true, "email", true)));
        grant("USER_MANAGER");

        String body = jdbc.sql("SELECT body_text FROM mail_outbox WHERE kind = 'ROLE_GRANTED' AND recipient = ?")
                .param(email).query(String.class).single();
        assertThat(body).contains("Gestionnaire des utilisateurs").doesNotContain("User manager");
    }

    @Test
    void invalid_preferences_are_refused_with_the_field_named() {
        var refused = person.put("/api/v1/me/preferences", Map.of("locale", "de"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("locale");
    }

    private void grant(String role) {
        assertThat(operator.post(users() + "/" + personId + "/roles", Map.of("roleId", role)).status()).isEqualTo(201);
    }

    private long unread() {
        return person.get("/api/v1/me/notifications/unread-count").json().get("count").asLong();
    }

    private long mails(String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND recipient = ?").params(kind, email)
                .query(Long.class).single();
    }

    private String users() {
        return "/api/v1/companies/" + company + "/users";
    }

}
