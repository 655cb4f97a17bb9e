package io.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.FailedSignIns;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's sign-in lockout on their profile, in the console and in the partner space: locked
 * until when, in English and French, and "Unlock sign-in" for whoever manages users (audited).
 */
@IntegrationTest
class SignInLockPageIntegrationTests {

    private static final String PASSWORD = "Quiet-Harbor-Orbit-7319";
    private static final int LOCK_AFTER = 25;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api operator;
    Fixtures fixtures;
    final List<String> accounts = new ArrayList<>();

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
    }

    @AfterEach
    void forgetFailedSignIns() {
        FailedSignIns.forget(jdbc, accounts);
    }

    @Test
    void an_administrator_sees_until_when_a_person_is_locked_out_in_english_and_french_and_unlocks_them() {
        String company = fixtures.company(5);
        String[] admin = person(company, "ADMINISTRATOR");
        String[] locked = person(company, "MEMBER");
        String profile = "/companies/" + company + "/users/" + locked[0];
        Browser browser = new Browser(port);
        assertThat(browser.signIn(admin[1], PASSWORD).location()).endsWith("/start");
        String unlocked = browser.get(profile).html();
        lockOut(locked[1]);
        String until = operator.get("/api/v1/companies/" + company + "/users/" + locked[0] + "/sign-in-lock").text("lockedUntil");

        String english = browser.get(profile).html();
        String french = browser.get(profile + "?lang=fr").html();
        browser.get(profile + "?lang=en");
        var cleared = browser.post(profile + "/sign-in-lock/clear", Map.of());
        String after = browser.get(profile).html();

        String shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(ZonedDateTime.parse(until).withZoneSameInstant(ZoneOffset.UTC));
        assertThat(unlocked).doesNotContain("id=\"sign-in-lock\"");
        assertThat(english).contains("Locked until " + shown + " UTC, after 25 failed attempts")
                .contains("id=\"sign-in-lock-clear\"").contains(">Unlock sign-in<");
        assertThat(french).contains("Bloquée jusqu&#39;au " + shown + " UTC, après 25 tentatives échouées")
                .contains(">Débloquer la connexion<");
        assertThat(cleared.status()).isEqualTo(302);
        assertThat(cleared.location()).endsWith(profile);
        assertThat(after).contains("Sign-in unlocked: the person can sign in again.").doesNotContain("id=\"sign-in-lock\"");
        assertThat(Api.at(port).basic(locked[1], PASSWORD).post("/api/v1/tokens", null).status()).isEqualTo(201);
        var audit = operator.get("/api/v1/companies/" + company + "/audit?action=user.sign_in_lock_cleared").json().get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("targetId").asString()).isEqualTo(locked[0]);
        assertThat(audit.get(0).get("actorAccountId").asString()).isEqualTo(admin[0]);
        assertThat(audit.get(0).get("before").get("failures").asInt()).isEqualTo(LOCK_AFTER);
        assertThat(Instant.parse(audit.get(0).get("before").get("lockedUntil").asString()))
                .isEqualTo(ZonedDateTime.parse(until).toInstant());
    }

    @Test
    void an_auditor_sees_the_lock_but_has_no_button_and_cannot_clear_it() {
        String company = fixtures.company(5);
        String auditor = person(company, "AUDITOR")[1];
        String[] locked = person(company, "MEMBER");
        String profile = "/companies/" + company + "/users/" + locked[0];
        lockOut(locked[1]);
        Browser browser = new Browser(port);
        browser.signIn(auditor, PASSWORD);

        String page = browser.get(profile).html();
        var refused = browser.post(profile + "/sign-in-lock/clear", Map.of());

        assertThat(page).contains("id=\"sign-in-lock\"").doesNotContain("id=\"sign-in-lock-clear\"");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(Api.at(port).basic(locked[1], PASSWORD).post("/api/v1/tokens", null).status()).isEqualTo(429);
    }

    @Test
    void a_partner_user_manager_sees_the_lock_in_the_partner_space_and_unlocks_it() {
        String partner = fixtures.partner();
        String company = fixtures.companyOf(partner, 5);
        String manager = Fixtures.unique("pmanager").toLowerCase();
        var member = operator.post("/api/v1/partners/" + partner + "/members", Map.of("userId", manager,
                "firstName", "Pat", "lastName", "Ner", "email", manager + "@partner.example", "password", PASSWORD,
                "emailVerified", true, "role", "PARTNER_USER_MANAGER"));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        String[] locked = person(company, "MEMBER");
        String profile = "/partners/" + partner + "/companies/" + company + "/users/" + locked[0];
        lockOut(locked[1]);
        Browser browser = new Browser(port);
        browser.signIn(manager, PASSWORD);

        String page = browser.get(profile).html();
        var cleared = browser.post(profile + "/sign-in-lock/clear", Map.of());
        String after = browser.get(profile).html();

        assertThat(page).contains("id=\"sign-in-lock\"").contains("after 25 failed attempts").contains(">Unlock sign-in<");
        assertThat(cleared.location()).endsWith(profile);
        assertThat(after).contains("Sign-in unlocked").doesNotContain("id=\"sign-in-lock\"");
        assertThat(Api.at(port).basic(locked[1], PASSWORD).post("/api/v1/tokens", null).status()).isEqualTo(201);
    }

    /** An ACTIVE internal user with a password and this role: its account id and userId. */
    private String[] person(String company, String role) {
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(role));
        var created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        accounts.add(created.text("id"));
        return new String[] {created.text("id"), (String) body.get("userId")};
    }

    private void lockOut(String login) {
        for (int i = 1; i <= LOCK_AFTER; i++) {
            assertThat(Api.at(port).basic(login, "wrong-password-" + i).post("/api/v1/tokens", null).status()).isEqualTo(401);
        }
    }
}
