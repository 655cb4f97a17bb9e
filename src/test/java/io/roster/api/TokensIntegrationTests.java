package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** docs/rules.md §14 tokens and §3/§13: who may get a bearer token, and when a token stops working. */
@IntegrationTest
class TokensIntegrationTests {

    private static final String PASSWORD = "Quiet-Harbor-Orbit-7319";
    private static final String TOKENS = "/api/v1/tokens";

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    String company;

    @BeforeEach
    void signIn() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        company = fixtures.company(5);
    }

    @Test
    void basic_with_the_email_the_user_id_or_the_email_in_upper_case_gets_a_token() {
        Map<String, Object> user = activeUser();
        String email = (String) user.get("email");
        String handle = (String) user.get("userId");

        for (String login : List.of(email, handle, email.toUpperCase(Locale.ROOT), handle.toUpperCase(Locale.ROOT))) {
            var issued = issue(login, PASSWORD);

            assertThat(issued.status()).as(login + " -> " + issued).isEqualTo(201);
            assertThat(issued.header("Content-Type")).startsWith("application/json");
            assertThat(issued.text("id")).isNotBlank();
            assertThat(issued.text("token")).hasSizeGreaterThanOrEqualTo(40);
            assertThat(issued.text("expiresAt")).endsWith("Z");
            Instant expiresAt = Instant.parse(issued.text("expiresAt"));
            assertThat(expiresAt).isAfter(Instant.now().plus(Duration.ofHours(11)))
                    .isBefore(Instant.now().plus(Duration.ofHours(12)).plusSeconds(60));
        }
    }

    @Test
    void each_token_is_new_and_works_as_a_bearer() {
        Map<String, Object> user = activeUser();
        var first = issue((String) user.get("email"), PASSWORD);
        var second = issue((String) user.get("userId"), PASSWORD);

        assertThat(first.text("token")).isNotEqualTo(second.text("token"));
        assertThat(first.text("id")).isNotEqualTo(second.text("id"));
        var revokedWithFirst = Api.at(port).bearer(first.text("token")).delete(TOKENS + "/" + second.text("id"), Map.of());
        assertThat(revokedWithFirst.status()).as(revokedWithFirst.toString()).isEqualTo(204);
    }

    @Test
    void a_wrong_password_and_an_unknown_login_get_the_same_401() {
        Map<String, Object> user = activeUser();

        var wrongPassword = issue((String) user.get("email"), PASSWORD + "x");
        var wrongPasswordByUserId = issue((String) user.get("userId"), "not-the-password-at-all");
        var unknownEmail = issue(Fixtures.unique("nobody") + "@example.com", PASSWORD);
        var unknownUserId = issue(Fixtures.unique("nobody"), PASSWORD);
        var emptyPassword = issue((String) user.get("email"), "");

        for (var refused : List.of(wrongPassword, wrongPasswordByUserId, unknownEmail, unknownUserId, emptyPassword)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body()).isEqualTo(wrongPassword.body());
        }
        assertThat(wrongPassword.text("detail")).isNotBlank().doesNotContainIgnoringCase("exist");
        assertThat(wrongPassword.text("token")).isNull();
    }

    @Test
    void a_token_request_without_basic_credentials_is_a_401() {
        var none = Api.at(port).post(TOKENS, null);
        var notBase64 = Api.at(port).withHeader("Authorization", "Basic %%%not-base64%%%").post(TOKENS, null);
        var noColon = Api.at(port).withHeader("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(Operator.EMAIL.getBytes(StandardCharsets.UTF_8))).post(TOKENS, null);
        var otherScheme = Api.at(port).withHeader("Authorization", "Digest username=\"x\"").post(TOKENS, null);

        for (var refused : List.of(none, notBase64, noColon, otherScheme)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text("token")).isNull();
        }
    }

    @Test
    void a_revoked_token_gets_401_at_once() {
        var issued = issue(Operator.EMAIL, Operator.PASSWORD);
        Api holder = Api.at(port).bearer(issued.text("token"));
        assertThat(holder.get("/api/v1/companies/" + company).status()).isEqualTo(200);

        var revoked = holder.delete(TOKENS + "/" + issued.text("id"), Map.of());

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        var after = holder.get("/api/v1/companies/" + company);
        assertThat(after.status()).as(after.toString()).isEqualTo(401);
        assertThat(after.header("Content-Type")).startsWith("application/problem+json");
        assertThat(operator.get("/api/v1/companies/" + company).status()).isEqualTo(200);
    }

    @Test
    void revoking_needs_a_token_and_only_the_owner_or_the_operator_may_revoke() {
        Map<String, Object> alice = activeUser();
        Map<String, Object> bob = activeUser();
        var aliceToken = issue((String) alice.get("email"), PASSWORD);
        var bobToken = issue((String) bob.get("email"), PASSWORD);
        var aliceSpare = issue((String) alice.get("email"), PASSWORD);
        Api asAlice = Api.at(port).bearer(aliceToken.text("token"));

        var anonymous = Api.at(port).delete(TOKENS + "/" + bobToken.text("id"), Map.of());
        var byAlice = asAlice.delete(TOKENS + "/" + bobToken.text("id"), Map.of());
        var unknown = asAlice.delete(TOKENS + "/no-such-token", Map.of());

        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(byAlice.status()).as(byAlice.toString()).isEqualTo(404);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        // Bob's token still works: he can revoke it himself
        var byBob = Api.at(port).bearer(bobToken.text("token")).delete(TOKENS + "/" + bobToken.text("id"), Map.of());
        assertThat(byBob.status()).as(byBob.toString()).isEqualTo(204);
        assertThat(operator.delete(TOKENS + "/" + aliceSpare.text("id"), Map.of()).status()).isEqualTo(204);
    }

    @Test
    void a_deactivated_users_token_stops_working_on_the_very_next_request() {
        Map<String, Object> user = activeUser();
        String id = idOf(user);
        Api holder = Api.at(port).bearer(issue((String) user.get("email"), PASSWORD).text("token"));
        String spare = issue((String) user.get("email"), PASSWORD).text("id");
        String other = issue((String) user.get("email"), PASSWORD).text("id");
        assertThat(holder.delete(TOKENS + "/" + spare, Map.of()).status()).isEqualTo(204);

        assertThat(operator.post(users() + "/" + id + "/deactivate", null).text("status")).isEqualTo("INACTIVE");
        var next = holder.delete(TOKENS + "/" + other, Map.of());

        assertThat(next.status()).as(next.toString()).isEqualTo(401);
        assertThat(next.header("Content-Type")).startsWith("application/problem+json");
        assertThat(holder.get("/api/v1/companies/" + company).status()).isEqualTo(401);
    }

    @Test
    void a_token_cut_off_by_deactivation_stays_revoked_after_reactivation() {
        Map<String, Object> user = activeUser();
        String id = idOf(user);
        Api holder = Api.at(port).bearer(issue((String) user.get("email"), PASSWORD).text("token"));
        String other = issue((String) user.get("email"), PASSWORD).text("id");
        operator.post(users() + "/" + id + "/deactivate", null);

        var reactivated = operator.post(users() + "/" + id + "/activate", null);
        var oldToken = holder.delete(TOKENS + "/" + other, Map.of());

        assertThat(reactivated.text("status")).isEqualTo("ACTIVE");
        assertThat(oldToken.status()).as("deactivation revokes tokens; got " + oldToken).isEqualTo(401);
        assertThat(issue((String) user.get("email"), PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void an_inactive_user_cannot_sign_in_and_is_told_why_only_with_the_right_password() {
        Map<String, Object> user = activeUser();
        operator.post(users() + "/" + idOf(user) + "/deactivate", null);

        var rightPassword = issue((String) user.get("email"), PASSWORD);
        var wrongPassword = issue((String) user.get("email"), PASSWORD + "x");
        var unknown = issue(Fixtures.unique("nobody") + "@example.com", PASSWORD);

        assertThat(rightPassword.status()).as(rightPassword.toString()).isEqualTo(403);
        assertThat(rightPassword.text("detail")).containsIgnoringCase("deactivated");
        assertThat(rightPassword.text("token")).isNull();
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknown.body());
    }

    @Test
    void a_draft_user_cannot_sign_in_even_with_its_password() {
        Map<String, Object> draft = Fixtures.userWithPassword("DRAFT", PASSWORD);
        var created = fixtures.createUser(company, draft);
        assertThat(created.text("status")).isEqualTo("DRAFT");

        var byEmail = issue((String) draft.get("email"), PASSWORD);
        var byUserId = issue((String) draft.get("userId"), PASSWORD);

        assertThat(byEmail.status()).as(byEmail.toString()).isEqualTo(401);
        assertThat(byEmail.text("token")).isNull();
        assertThat(byUserId.status()).as(byUserId.toString()).isEqualTo(401);
        assertThat(byUserId.text("token")).isNull();
    }

    @Test
    void a_draft_refused_for_lack_of_a_license_cannot_sign_in() {
        String full = fixtures.company(1);
        fixtures.createUser(full, Fixtures.validUser("ACTIVE"));
        Map<String, Object> user = Fixtures.userWithPassword("ACTIVE", PASSWORD);
        var created = fixtures.createUser(full, user);
        assertThat(created.text("status")).isEqualTo("DRAFT");

        var refused = issue((String) user.get("email"), PASSWORD);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.text("token")).isNull();
    }

    private Map<String, Object> activeUser() {
        Map<String, Object> user = Fixtures.userWithPassword("ACTIVE", PASSWORD);
        var created = fixtures.createUser(company, user);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        return Fixtures.with(user, "id", created.text("id"));
    }

    private static String idOf(Map<String, Object> user) {
        return (String) user.get("id");
    }

    private Api.Response issue(String login, String password) {
        return Api.at(port).basic(login, password).post(TOKENS, null);
    }

    private String users() {
        return "/api/v1/companies/" + company + "/users";
    }
}
