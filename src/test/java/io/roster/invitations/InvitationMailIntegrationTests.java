package io.roster.invitations;

import static io.roster.support.DeliveredMail.subject;
import static io.roster.support.DeliveredMail.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Invitation flows through a real SMTP server (GreenMail) and real HTTP: the mail is read from the
 * SMTP server, its link opened and used as a person would.
 */
@IntegrationTest
class InvitationMailIntegrationTests {

    static final TestSmtp smtp = TestSmtp.start();

    private static final Pattern LINK = Pattern.compile("(http://\\S+/invitations/[A-Za-z0-9_-]+)");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        smtp.register(registry);
        registry.add("roster.mail.retry-delays", () -> "PT1S,PT1S,PT2S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;
    String company;

    @BeforeEach
    void setUp() {
        smtp.ensureRunning();
        api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(api);
        company = fixtures.company(10);
    }

    @AfterEach
    void forgetMails() throws Exception {
        smtp.forget();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void an_activated_user_gets_a_link_sets_a_password_and_signs_in() {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", java.util.List.of("MEMBER"));
        String email = body.get("email").toString();
        api.post(users(), body);

        String link = linkIn(awaitMailTo(email, "your Roster account is ready"));
        Browser browser = new Browser(port);
        Browser.Page page = browser.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains(email);

        Browser.Page done = browser.post(link, Map.of("password", "a brand new password", "confirmation", "a brand new password"));
        assertThat(done.html()).contains("Your password is set");
        assertThat(Api.at(port).basic(email, "a brand new password").post("/api/v1/tokens", null).status()).isEqualTo(201);
        assertThat(browser.get(link).html()).contains("This link was already used");
    }

    @Test
    void the_operator_lists_the_outbox_by_state() {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", java.util.List.of("MEMBER"));
        String email = body.get("email").toString();
        api.post(users(), body);
        awaitMailTo(email, "your Roster account is ready");

        String mine = "/api/v1/mail?recipient=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(15)).until(() -> !api.get(mine + "&status=SENT").json().get("items").isEmpty());
        assertThat(api.get(mine + "&status=SENT").json().get("items")).allSatisfy(mail ->
                assertThat(mail.get("status").asString()).isEqualTo("SENT"));
        assertThat(api.get(mine + "&status=dead").json().get("items")).isEmpty();
        assertThat(api.get(mine + "&status=PENDING").json().get("items")).isEmpty();

        Api.Response wrong = api.get("/api/v1/mail?status=LOST");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void a_refused_password_says_why_and_keeps_the_link_usable() {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", java.util.List.of("MEMBER"));
        api.post(users(), body);
        String link = linkIn(awaitMailTo(body.get("email").toString(), "ready"));
        Browser browser = new Browser(port);
        browser.get(link);

        assertThat(browser.post(link, Map.of("password", "short", "confirmation", "short")).html())
                .contains("Password is too short");
        assertThat(browser.post(link, Map.of("password", "qwerty123456", "confirmation", "qwerty123456")).html())
                .contains("Password is too common");
        assertThat(browser.post(link, Map.of("password", "a good long one", "confirmation", "another one")).html())
                .contains("The two passwords differ");
        assertThat(browser.get(link).status()).isEqualTo(200);
    }

    @Test
    void resending_kills_the_old_link() {
        Map<String, Object> body = Fixtures.validUser("ACTIVE");
        String email = body.get("email").toString();
        String id = api.post(users(), body).text("id");
        String first = linkIn(awaitMailTo(email, "ready"));

        assertThat(api.post(users() + "/" + id + "/invite", null).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).length == 2);
        String second = linkIn(mailsTo(email)[1]);

        assertThat(second).isNotEqualTo(first);
        assertThat(new Browser(port).get(first).html()).contains("A newer link was sent to you");
        assertThat(new Browser(port).get(second).status()).isEqualTo(200);
        assertThat(api.get(users() + "/" + id + "/invitation").text("state")).isEqualTo("VALID");
    }

    @Test
    void a_revoked_or_expired_link_explains_the_way_forward() {
        Map<String, Object> body = Fixtures.validUser("ACTIVE");
        String email = body.get("email").toString();
        String id = api.post(users(), body).text("id");
        String link = linkIn(awaitMailTo(email, "ready"));

        assertThat(api.delete(users() + "/" + id + "/invitation", Map.of()).status()).isEqualTo(204);
        assertThat(new Browser(port).get(link).html()).contains("This invitation was withdrawn");

        api.post(users() + "/" + id + "/invite", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> mailsTo(email).length == 2);
        String fresh = linkIn(mailsTo(email)[1]);
        jdbc.sql("UPDATE invitations SET expires_at = created_at WHERE account_id = ? AND status = 'PENDING'").param(id).update();
        assertThat(new Browser(port).get(fresh).html()).contains("This link has expired");
        assertThat(new Browser(port).get("/invitations/not-a-real-token").html()).contains("This link is not valid");
    }

    @Test
    void no_invitation_when_the_admin_set_a_password_and_validated_the_email() throws Exception {
        Map<String, Object> body = Fixtures.userWithPassword("ACTIVE", "a password set by the admin");
        api.post(users(), body);
        Map<String, Object> other = Fixtures.validUser("ACTIVE");
        api.post(users(), other);

        awaitMailTo(other.get("email").toString(), "ready");
        // the person is told of the role they got, but gets no setup invitation
        assertThat(Arrays.stream(mailsTo(body.get("email").toString())).map(m -> subject(m)))
                .noneMatch(subject -> subject.contains("your Roster account is ready"));
    }

    @Test
    void a_mail_written_while_smtp_is_down_arrives_once_it_is_back() {
        smtp.stop();
        Map<String, Object> body = Fixtures.validUser("ACTIVE");
        String email = body.get("email").toString();
        assertThat(api.post(users(), body).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND attempts >= 1 AND last_error IS NOT NULL AND status = 'PENDING'")
                .param(email).query(Long.class).single() == 1);

        smtp.ensureRunning();
        MimeMessage mail = awaitMailTo(email, "ready");
        assertThat(linkIn(mail)).contains("/invitations/");
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(jdbc.sql(
                "SELECT status FROM mail_outbox WHERE recipient = ?").param(email).query(String.class).single()));
    }

    @Test
    void once_delivered_a_mail_keeps_its_link_with_the_token_masked() {
        Map<String, Object> body = Fixtures.validUser("ACTIVE");
        String email = body.get("email").toString();
        api.post(users(), body);
        String link = linkIn(awaitMailTo(email, "ready"));
        String token = link.substring(link.lastIndexOf('/') + 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.sql(
                "SELECT status FROM mail_outbox WHERE recipient = ? AND kind = 'ACCOUNT_SETUP'").param(email).query(String.class).single()));
        Map<String, Object> kept = jdbc.sql("SELECT body_text, body_html FROM mail_outbox WHERE recipient = ? AND kind = 'ACCOUNT_SETUP'")
                .param(email).query().singleRow();
        assertThat(kept.values()).allSatisfy(part -> assertThat(part.toString())
                .doesNotContain(token).contains("/invitations/\u2022\u2022\u2022\u2022"));
        assertThat(new Browser(port).get(link).status()).as("the mailed link still works").isEqualTo(200);
    }

    @Test
    void with_smtp_the_operator_sees_link_tokens_masked_even_before_delivery() {
        smtp.stop();
        Map<String, Object> body = Fixtures.validUser("ACTIVE");
        String email = body.get("email").toString();
        api.post(users(), body);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND attempts >= 1 AND status = 'PENDING'")
                .param(email).query(Long.class).single() == 1);
        String stored = jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ?").param(email).query(String.class).single();
        Matcher waiting = LINK.matcher(stored);
        assertThat(waiting.find()).as("the waiting mail still holds its link").isTrue();
        String token = waiting.group(1).substring(waiting.group(1).lastIndexOf('/') + 1);

        String shown = java.util.stream.StreamSupport.stream(api.get("/api/v1/mail?recipient="
                        + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8)).json().get("items").spliterator(), false)
                .filter(mail -> mail.get("kind").asString().equals("ACCOUNT_SETUP")).findFirst().orElseThrow()
                .get("bodyText").asString();
        assertThat(shown).doesNotContain(token).contains("/invitations/\u2022\u2022\u2022\u2022");
        Browser console = new Browser(port);
        console.signIn(Operator.EMAIL, Operator.PASSWORD);
        Browser.Page preview = console.get("/admin/mail?recipient=" + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.html()).contains(email).doesNotContain(token);
        smtp.ensureRunning();
    }

    @Test
    void forgot_password_mails_a_link_that_replaces_the_password() {
        Map<String, Object> body = Fixtures.userWithPassword("ACTIVE", "the old password here");
        String email = body.get("email").toString();
        api.post(users(), body);

        Browser browser = new Browser(port);
        browser.get("/forgot-password");
        assertThat(browser.post("/forgot-password", Map.of("email", email)).html()).contains("a link is on its way");
        assertThat(new Browser(port).post("/forgot-password", Map.of("email", "nobody@nowhere.example")).status())
                .isEqualTo(403); // no CSRF token: forms are protected even when anonymous

        String link = linkIn(awaitMailTo(email, "Reset your Roster password"));
        browser.get(link);
        browser.post(link, Map.of("password", "the new password here", "confirmation", "the new password here"));

        assertThat(Api.at(port).basic(email, "the old password here").post("/api/v1/tokens", null).status()).isEqualTo(401);
        assertThat(Api.at(port).basic(email, "the new password here").post("/api/v1/tokens", null).status()).isEqualTo(201);
        awaitMailTo(email, "password was changed");
    }

    @Test
    void a_changed_email_is_confirmed_before_sign_in_uses_it_and_the_old_address_is_told() {
        Map<String, Object> body = Fixtures.userWithPassword("ACTIVE", "a password to keep");
        String oldEmail = body.get("email").toString();
        String id = api.post(users(), body).text("id");
        String newEmail = "new." + oldEmail;

        assertThat(api.patch(users() + "/" + id, Map.of("email", newEmail), Map.of()).status()).isEqualTo(200);

        assertThat(linkIn(awaitMailTo(oldEmail, "account's email was asked"))).contains("/invitations/");
        String link = linkIn(awaitMailTo(newEmail, "Confirm your new email address"));
        assertThat(Api.at(port).basic(newEmail, "a password to keep").post("/api/v1/tokens", null).status()).isEqualTo(401);

        Browser browser = new Browser(port);
        browser.get(link);
        assertThat(browser.post(link, Map.of()).html()).contains("Your email is confirmed");
        assertThat(Api.at(port).basic(newEmail, "a password to keep").post("/api/v1/tokens", null).status()).isEqualTo(201);
    }

    @Test
    void a_french_user_gets_the_invitation_in_french() {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "locale", "fr");
        api.post(users(), body);

        MimeMessage mail = awaitMailTo(body.get("email").toString(), "votre compte Roster est prêt");
        assertThat(textOf(mail)).contains("Choisissez votre mot de passe");
    }

    @Test
    void an_outside_person_invited_to_a_workspace_joins_is_external_and_vanishes_with_the_right() {
        Map<String, Object> admin = Fixtures.with(Fixtures.userWithPassword("ACTIVE", "an admin password here"),
                "roles", java.util.List.of("ADMINISTRATOR"));
        api.post(users(), admin);
        Api administrator = Api.at(port).signIn(admin.get("email").toString(), "an admin password here");
        String workspace = administrator.post("/api/v1/companies/" + company + "/workspaces",
                Map.of("name", Fixtures.unique("Shared"))).text("id");
        String guest = Fixtures.unique("guest") + "@outside.example";
        administrator.post("/api/v1/companies/" + company + "/workspaces/" + workspace + "/invitations",
                Map.of("email", guest, "right", "WRITE"));

        String link = java.net.URI.create(linkIn(awaitMailTo(guest, "invites you to the workspace"))).getRawPath();
        Browser browser = new Browser(port);
        assertThat(browser.get(link).html()).contains("with the right Write");
        String handle = Fixtures.unique("guest").toLowerCase();
        assertThat(browser.post(link, Map.of("firstName", "Guest", "lastName", "Person", "userId", handle,
                "password", "a guest password here", "confirmation", "a guest password here")).html())
                .contains("Your account is created");

        var external = administrator.get(users() + "?external=true").json().get("items");
        assertThat(external).hasSize(1);
        assertThat(external.get(0).get("userId").asString()).isEqualTo(handle);
        String accountId = external.get(0).get("id").asString();
        administrator.delete("/api/v1/companies/" + company + "/workspaces/" + workspace + "/members/" + accountId, Map.of());
        assertThat(administrator.get(users() + "?external=true").json().get("items")).isEmpty();
    }

    private String users() {
        return "/api/v1/companies/" + company + "/users";
    }

    private MimeMessage[] mailsTo(String email) {
        return Arrays.stream(smtp.received())
                .filter(m -> GreenMailUtil.getAddressList(safeRecipients(m)).contains(email))
                .toArray(MimeMessage[]::new);
    }

    private MimeMessage awaitMailTo(String email, String subjectPart) {
        await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(mailsTo(email))
                .anyMatch(m -> subject(m).contains(subjectPart)));
        return Arrays.stream(mailsTo(email)).filter(m -> subject(m).contains(subjectPart)).findFirst().orElseThrow();
    }

    private static jakarta.mail.Address[] safeRecipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String linkIn(MimeMessage mail) {
        Matcher matcher = LINK.matcher(textOf(mail));
        assertThat(matcher.find()).as("a link in the mail").isTrue();
        return matcher.group(1);
    }


}
