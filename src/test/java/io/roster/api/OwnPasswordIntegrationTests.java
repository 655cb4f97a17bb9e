package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** docs/rules.md §13, §17: a person changes their own password with PUT /api/v1/me/password, proving the current one. */
@IntegrationTest
class OwnPasswordIntegrationTests {

    static final String OLD = "the old password of a person";
    static final String NEW = "a brand new password, long enough";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    String userId;
    String email;
    Api person;

    @BeforeEach
    void aPersonWhoCanSignIn() {
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        Fixtures fixtures = new Fixtures(operator);
        Map<String, Object> body = Fixtures.userWithPassword("ACTIVE", OLD);
        userId = (String) body.get("userId");
        email = (String) body.get("email");
        fixtures.createUser(fixtures.company(3), body);
        person = Api.at(port).signIn(userId, OLD);
    }

    @Test
    void the_new_password_signs_in_the_old_one_no_longer_does_and_a_security_mail_goes() {
        var changed = person.put("/api/v1/me/password", Map.of("currentPassword", OLD, "newPassword", NEW));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(Api.at(port).basic(userId, OLD).post("/api/v1/tokens", null).status()).isEqualTo(401);
        assertThat(Api.at(port).basic(userId, NEW).post("/api/v1/tokens", null).status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'PASSWORD_CHANGED' AND recipient = ?")
                .param(email).query(Long.class).single()).isEqualTo(1);
        assertThat(person.get("/api/v1/me/notifications").json().get("items").findValuesAsString("message"))
                .contains("Your password was set or changed.");
    }

    @Test
    void a_wrong_current_password_is_refused_and_counted_like_a_failed_sign_in() {
        var refused = person.put("/api/v1/me/password", Map.of("currentPassword", "not my password at all", "newPassword", NEW));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("type")).endsWith("/wrong-password");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        String accountId = person.get("/api/v1/me").json().get("account").get("id").asString();
        assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?").param("account:" + accountId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(Api.at(port).basic(userId, NEW).post("/api/v1/tokens", null).status()).isEqualTo(401);
        assertThat(Api.at(port).basic(userId, OLD).post("/api/v1/tokens", null).status()).isEqualTo(201);
    }

    @Test
    void the_new_password_follows_the_password_policy() {
        for (String weak : new String[] {"short", "password1234"}) {
            var refused = person.put("/api/v1/me/password", Map.of("currentPassword", OLD, "newPassword", weak));
            assertThat(refused.status()).as(weak + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        }
        var missing = person.put("/api/v1/me/password", Map.of("currentPassword", OLD));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(Api.at(port).basic(userId, OLD).post("/api/v1/tokens", null).status()).isEqualTo(201);
    }

    @Test
    void nobody_changes_a_password_without_signing_in() {
        var anonymous = Api.at(port).put("/api/v1/me/password", Map.of("currentPassword", OLD, "newPassword", NEW));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(Api.at(port).basic(userId, OLD).post("/api/v1/tokens", null).status()).isEqualTo(201);
    }
}
