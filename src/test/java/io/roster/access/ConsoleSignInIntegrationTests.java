package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docs/rules.md §13 and the console: signing in with a form, the database session, signing out, headers, CSRF. */
@IntegrationTest
class ConsoleSignInIntegrationTests {

    private static final String PASSWORD = "Quiet-Harbor-Orbit-7319";
    private static final String WRONG_CREDENTIALS = "Wrong email, user ID or password.";
    private static final String NO_ROLE_EN = "Your account has no role in any company yet. Ask an administrator to give you one.";
    private static final String NO_ROLE_FR =
            "Votre compte n'a encore de rôle dans aucune société. Demandez à un administrateur de vous en donner un.";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api operator;
    Fixtures fixtures;
    String company;
    final List<String> throttleKeys = new ArrayList<>();

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        company = fixtures.company(5);
    }

    /** The throttle table is shared by every context of a PostgreSQL pass: leave no failures behind. */
    @AfterEach
    void forgetFailedSignIns() {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key LIKE 'address:%'").update();
        throttleKeys.forEach(key -> jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key = ?").param(key).update());
    }

    // ---- language -------------------------------------------------------------------------------

    @Test
    void the_sign_in_page_is_in_english_by_default() {
        var page = browser().get("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<html lang=\"en\">", "<h1>Sign in</h1>", ">Email or user ID<", ">Password<")
                .doesNotContain("Connexion", "Mot de passe");
        assertThat(page.body()).doesNotContain("id=\"sign-in-error\"");
    }

    @Test
    void the_sign_in_page_is_in_french_for_a_browser_that_prefers_french() {
        var page = browser().always("Accept-Language", "fr").get("/login");
        var regional = browser().always("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").get("/login");

        for (var french : List.of(page, regional)) {
            assertThat(french.status()).isEqualTo(200);
            assertThat(french.body()).contains("<html lang=\"fr\">", "<h1>Connexion</h1>", ">E-mail ou identifiant<",
                    ">Mot de passe<", ">Se connecter<").doesNotContain("<h1>Sign in</h1>");
        }
    }

    @Test
    void lang_fr_switches_to_french_and_a_cookie_remembers_the_choice() {
        Browser browser = browser().always("Accept-Language", "en");

        var switched = browser.get("/login?lang=fr");
        var later = browser.get("/login");
        var back = browser.get("/login?lang=en");
        var afterBack = browser.get("/login");

        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.body()).contains("<html lang=\"fr\">", "<h1>Connexion</h1>");
        assertThat(switched.all("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("roster-lang=fr"));
        assertThat(later.body()).as("remembered over Accept-Language: en").contains("<h1>Connexion</h1>");
        assertThat(back.body()).contains("<html lang=\"en\">", "<h1>Sign in</h1>");
        assertThat(afterBack.body()).contains("<h1>Sign in</h1>");
    }

    // ---- signing in -----------------------------------------------------------------------------

    @Test
    void a_user_with_a_role_signs_in_lands_on_home_and_sees_their_user_id() {
        var user = userWithRole();
        Browser browser = browser();

        var signedIn = browser.signIn(user.userId(), PASSWORD);
        var home = browser.get("/");

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        assertThat(signedIn.redirect()).isEqualTo("/start");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains("<h1>Signed in as " + user.userId() + "</h1>");
    }

    @Test
    void the_email_signs_in_too() {
        var user = userWithRole();
        Browser browser = browser();

        var signedIn = browser.signIn(user.email().toUpperCase(java.util.Locale.ROOT), PASSWORD);

        assertThat(signedIn.redirect()).isEqualTo("/start");
        assertThat(browser.get("/").body()).contains("<h1>Signed in as " + user.userId() + "</h1>");
    }

    @Test
    void signing_in_gives_a_new_session_id_and_the_one_from_before_is_worthless() {
        var user = userWithRole();
        Browser browser = browser();
        var form = browser.get("/login");
        String before = browser.sessionCookie();

        var signedIn = browser.post("/login", Map.of("login", user.userId(), "password", PASSWORD, "_csrf", form.csrf()));
        String after = browser.sessionCookie();

        assertThat(before).as("the sign-in form's session (it holds the CSRF token)").isNotNull();
        assertThat(signedIn.redirect()).isEqualTo("/start");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(sessionId(after)).isNotEqualTo(sessionId(before));
        var replayed = Browser.withSessionCookie(port, "/", before);
        assertThat(replayed.status()).isEqualTo(302);
        assertThat(replayed.redirect()).isEqualTo("/login");
        assertThat(Browser.withSessionCookie(port, "/", after).status()).isEqualTo(200);
    }

    @Test
    void the_console_session_is_a_database_row_named_after_the_account() {
        var user = userWithRole();
        Browser browser = browser();

        browser.signIn(user.userId(), PASSWORD);

        List<String> sessions = jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = ?")
                .param(user.accountId()).query(String.class).list();
        assertThat(sessions).extracting(String::trim).containsExactly(sessionId(browser.sessionCookie()));
    }

    @Test
    void a_wrong_password_and_an_unknown_login_get_the_same_refusal() {
        var user = userWithRole();
        String unknown = Fixtures.unique("nobody") + "@example.com";
        throttleKeys.add("account:login:" + unknown);
        Browser wrongPassword = browser();
        Browser unknownLogin = browser();

        var refusedPassword = wrongPassword.signIn(user.userId(), PASSWORD + "x");
        var refusedLogin = unknownLogin.signIn(unknown, PASSWORD);

        assertThat(refusedPassword.status()).isEqualTo(302);
        assertThat(refusedPassword.redirect()).isEqualTo("/login?error=unauthorized");
        assertThat(refusedLogin.status()).isEqualTo(302);
        assertThat(refusedLogin.redirect()).isEqualTo("/login?error=unauthorized");
        var page = wrongPassword.get(refusedPassword.redirect());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.elementText("sign-in-error")).isEqualTo(WRONG_CREDENTIALS);
        assertThat(unknownLogin.get(refusedLogin.redirect()).elementText("sign-in-error")).isEqualTo(WRONG_CREDENTIALS);
        assertThat(wrongPassword.get("/").redirect()).isEqualTo("/login");
        assertThat(sessionsOf(user.accountId())).isZero();
    }

    @Test
    void a_console_sign_in_is_recorded_with_the_console_channel() {
        var user = userWithRole();

        browser().signIn(user.userId(), PASSWORD);

        List<String> outcomes = jdbc.sql("SELECT outcome FROM sign_in_events WHERE account_id = ? AND channel = 'CONSOLE'")
                .param(user.accountId()).query(String.class).list();
        assertThat(outcomes).containsExactly("SUCCEEDED");
    }

    @Test
    void a_wrong_console_password_is_counted_and_recorded_once() {
        var user = userWithRole();

        var refused = browser().signIn(user.userId(), PASSWORD + "x");

        assertThat(refused.redirect()).isEqualTo("/login?error=unauthorized");
        List<String> outcomes = jdbc.sql("SELECT outcome FROM sign_in_events WHERE account_id = ? AND channel = 'CONSOLE'")
                .param(user.accountId()).query(String.class).list();
        assertThat(outcomes).containsExactly("WRONG_CREDENTIALS");
        var lock = operator.get(users() + user.accountId() + "/sign-in-lock");
        assertThat(lock.json().get("failures").asInt()).isEqualTo(1);
    }

    @Test
    void the_wrong_credentials_message_is_in_french_too() {
        Browser browser = browser().always("Accept-Language", "fr");
        String unknown = Fixtures.unique("personne");
        throttleKeys.add("account:login:" + unknown);

        var refused = browser.signIn(unknown, PASSWORD);

        assertThat(refused.redirect()).isEqualTo("/login?error=unauthorized");
        assertThat(browser.get(refused.redirect()).elementText("sign-in-error"))
                .isEqualTo("E-mail, identifiant ou mot de passe incorrect.");
    }

    @Test
    void an_account_without_any_role_is_told_why() {
        var user = noRoleUser();
        assertThat(operator.get(users() + user.accountId() + "/roles").json().get("items").size()).isZero();
        Browser english = browser();

        var refused = english.signIn(user.userId(), PASSWORD);

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.redirect()).isEqualTo("/login?error=no-role");
        assertThat(english.get(refused.redirect()).elementText("sign-in-error")).isEqualTo(NO_ROLE_EN);
        assertThat(english.get("/").redirect()).isEqualTo("/login");
        assertThat(sessionsOf(user.accountId())).isZero();
    }

    @Test
    void an_account_without_any_role_is_told_why_in_french() {
        var user = noRoleUser();
        Browser french = browser().always("Accept-Language", "fr");

        var refused = french.signIn(user.email(), PASSWORD);

        assertThat(refused.redirect()).isEqualTo("/login?error=no-role");
        assertThat(french.get(refused.redirect()).elementText("sign-in-error")).isEqualTo(NO_ROLE_FR);
    }

    @Test
    void an_account_without_any_role_and_a_wrong_password_learns_nothing_more() {
        var user = noRoleUser();
        Browser browser = browser();

        var refused = browser.signIn(user.userId(), PASSWORD + "x");

        assertThat(refused.redirect()).isEqualTo("/login?error=unauthorized");
    }

    // ---- losing access while signed in ------------------------------------------------------------

    @Test
    void deactivating_a_signed_in_user_ends_their_session_at_once() {
        var user = userWithRole();
        Browser browser = browser();
        browser.signIn(user.userId(), PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(sessionsOf(user.accountId())).isEqualTo(1);

        var deactivated = operator.post(users() + user.accountId() + "/deactivate", null);

        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.text("status")).isEqualTo("INACTIVE");
        assertThat(sessionsOf(user.accountId())).isZero();
        var next = browser.get("/");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.redirect()).isEqualTo("/login");
        var again = browser.signIn(user.userId(), PASSWORD);
        assertThat(again.redirect()).isEqualTo("/login?error=account-inactive");
        assertThat(browser.get(again.redirect()).elementText("sign-in-error"))
                .isEqualTo("Your account is deactivated. Ask an administrator of your company to reactivate it.");
    }

    @Test
    void losing_the_last_role_signs_out_on_the_next_request() {
        var user = userWithRole();
        Browser browser = browser();
        browser.signIn(user.userId(), PASSWORD);
        assertThat(browser.get("/").status()).isEqualTo(200);

        var revoked = operator.delete(users() + user.accountId() + "/roles/MEMBER", Map.of());

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        var next = browser.get("/");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.redirect()).isEqualTo("/login");
        assertThat(sessionsOf(user.accountId())).isZero();
    }

    // ---- signing out ----------------------------------------------------------------------------

    @Test
    void signing_out_with_the_csrf_token_ends_the_session() {
        var user = userWithRole();
        Browser browser = browser();
        browser.signIn(user.userId(), PASSWORD);
        var home = browser.get("/");
        String session = browser.sessionCookie();

        var signedOut = browser.post("/logout", Map.of("_csrf", home.csrf()));

        assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(302);
        assertThat(signedOut.redirect()).isEqualTo("/login?signedOut");
        assertThat(browser.get(signedOut.redirect()).text()).contains("You are signed out.");
        assertThat(sessionsOf(user.accountId())).isZero();
        var replayed = Browser.withSessionCookie(port, "/", session);
        assertThat(replayed.status()).isEqualTo(302);
        assertThat(replayed.redirect()).isEqualTo("/login");
        assertThat(browser.get("/").redirect()).isEqualTo("/login");
    }

    @Test
    void signing_out_without_the_csrf_token_does_not_sign_out() {
        var user = userWithRole();
        Browser browser = browser();
        browser.signIn(user.userId(), PASSWORD);

        var forged = browser.post("/logout", Map.of());

        assertThat(forged.status()).as(forged.toString()).isBetween(400, 499);
        assertThat(forged.redirect()).isNull();
        assertThat(browser.get("/").status()).isEqualTo(200);
        assertThat(sessionsOf(user.accountId())).isEqualTo(1);
    }

    @Test
    void signing_out_without_the_csrf_token_is_forbidden() {
        var user = userWithRole();
        Browser browser = browser();
        browser.signIn(user.userId(), PASSWORD);

        var forged = browser.post("/logout", Map.of());

        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.text()).contains("Access denied");
    }

    // ---- headers, cookies, redirects --------------------------------------------------------------

    @Test
    void console_pages_send_strict_security_headers() {
        var user = userWithRole();
        Browser browser = browser();
        var login = browser.get("/login");
        browser.signIn(user.userId(), PASSWORD);
        var home = browser.get("/");

        for (var page : List.of(login, home)) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'")
                    .contains("default-src 'self'").contains("object-src 'none'");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(page.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void an_anonymous_visit_to_home_is_sent_to_sign_in() {
        var home = browser().get("/");

        assertThat(home.status()).isEqualTo(302);
        assertThat(home.redirect()).isEqualTo("/login");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site() {
        var user = userWithRole();
        Browser browser = browser();
        var form = browser.get("/login");
        var signedIn = browser.post("/login", Map.of("login", user.userId(), "password", PASSWORD, "_csrf", form.csrf()));

        for (var page : List.of(form, signedIn)) {
            List<String> sessionCookies = page.all("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith(Browser.SESSION_COOKIE + "=")).toList();
            assertThat(sessionCookies).hasSize(1);
            assertThat(sessionCookies.get(0)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                    .contains("Path=/");
        }
    }

    // ---- the console session on the API ----------------------------------------------------------

    @Test
    void a_console_session_can_read_the_api() {
        var user = userWithRole();
        Browser browser = browser();
        browser.signIn(user.userId(), PASSWORD);

        var me = browser.send("GET", "/api/v1/me", Map.of("Accept", "application/json"), null);

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.header("Content-Type")).startsWith("application/json");
        JsonNode account = JSON.readTree(me.body()).get("account");
        assertThat(account.get("id").asString()).isEqualTo(user.accountId());
        assertThat(account.get("userId").asString()).isEqualTo(user.userId());
        assertThat(account.get("email").asString()).isEqualTo(user.email());
    }

    @Test
    void without_a_session_the_api_still_asks_for_a_token() {
        var me = browser().send("GET", "/api/v1/me", Map.of("Accept", "application/json"), null);

        assertThat(me.status()).isEqualTo(401);
    }

    @Test
    void a_state_changing_api_call_on_the_session_cookie_needs_the_csrf_header() {
        var user = userWithRole();
        var issued = Api.at(port).basic(user.userId(), PASSWORD).post("/api/v1/tokens", null);
        assertThat(issued.status()).isEqualTo(201);
        Api bearer = Api.at(port).bearer(issued.text("token"));
        Browser browser = browser();
        browser.signIn(user.userId(), PASSWORD);
        String csrf = browser.get("/").csrf();
        String path = "/api/v1/tokens/" + issued.text("id");
        Map<String, String> json = Map.of("Accept", "application/json");

        var forged = browser.send("DELETE", path, json, null);
        var wrongToken = browser.send("DELETE", path, Map.of("Accept", "application/json", "X-CSRF-TOKEN", "not-the-token"), null);

        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(JSON.readTree(forged.body()).get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(bearer.get("/api/v1/me").status()).as("the token survived the forged calls").isEqualTo(200);

        var genuine = browser.send("DELETE", path, Map.of("Accept", "application/json", "X-CSRF-TOKEN", csrf), null);

        assertThat(genuine.status()).as(genuine.toString()).isEqualTo(204);
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(401);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    record User(String accountId, String userId, String email) {
    }

    private Browser browser() {
        return new Browser(port);
    }

    private String users() {
        return "/api/v1/companies/" + company + "/users/";
    }

    private User userWithRole() {
        return user(Fixtures.userWithPassword("ACTIVE", PASSWORD));
    }

    /** ACTIVE, a password, a verified email, but no role anywhere. */
    private User noRoleUser() {
        return user(Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD, "emailVerified", true));
    }

    private User user(Map<String, Object> body) {
        var created = fixtures.createUser(company, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        throttleKeys.add("account:" + created.text("id"));
        return new User(created.text("id"), created.text("userId"), created.text("email"));
    }

    private long sessionsOf(String accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?").param(accountId)
                .query(Long.class).single();
    }

    /** Spring Session's cookie carries the session id in Base64. */
    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
    }
}
