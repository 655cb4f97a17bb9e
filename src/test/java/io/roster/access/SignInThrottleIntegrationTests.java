package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.SignInTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Brute-force protection with real delays, in a context of its own: from the 5th failure each new
 * attempt waits 1 s, doubling up to 2 s. {@code @TestPropertySource} overrides the suite's
 * {@code @SpringBootTest} settings (checked below). The lockout at 25 failures is tested without
 * delays in {@link SignInThrottleLockoutIntegrationTests}.
 */
@IntegrationTest
@TestPropertySource(properties = {"roster.sign-in.delay-unit=PT1S", "roster.sign-in.max-delay=PT2S",
        "roster.sign-in.address-lock-after=100000"})
class SignInThrottleIntegrationTests extends SignInTest {

    private static final String TOKENS = "/api/v1/tokens";

    @Value("${roster.sign-in.delay-unit}")
    Duration delayUnit;

    @Value("${roster.sign-in.max-delay}")
    Duration maxDelay;

    @Test
    void this_context_runs_with_delays_despite_the_suite_settings() {
        assertThat(delayUnit).isEqualTo(Duration.ofSeconds(1));
        assertThat(maxDelay).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_must_wait_then_works() throws InterruptedException {
        String login = activeUser().userId();

        List<Integer> failures = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            var refused = issue(login, "wrong-password-" + i);
            failures.add(refused.status());
            assertThat(refused.text("type")).isEqualTo("/problems/unauthorized");
        }
        var throttled = issue(login, PASSWORD);

        assertThat(failures).containsExactly(401, 401, 401, 401, 401);
        assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(throttled.text("type")).isEqualTo("/problems/too-many-attempts");
        assertThat(throttled.text("title")).isEqualTo("Too many attempts");
        assertThat(throttled.json().get("status").asInt()).isEqualTo(429);
        assertThat(throttled.json().get("retryAfterSeconds").asLong()).isEqualTo(1);
        assertThat(throttled.text("detail")).isEqualTo("Too many failed sign-ins: try again in 1 second");
        assertThat(throttled.json().has("token")).isFalse();

        waitFor(throttled);
        var afterWaiting = issue(login, PASSWORD);

        assertThat(afterWaiting.status()).as(afterWaiting.toString()).isEqualTo(201);
        assertThat(afterWaiting.text("token")).isNotBlank();
    }

    @Test
    void the_wait_doubles_with_each_further_failure_up_to_the_maximum() throws InterruptedException {
        var user = activeUser();
        for (int i = 1; i <= 5; i++) {
            assertThat(issue(user.userId(), "wrong-" + i).status()).isEqualTo(401);
        }
        var first = issue(user.userId(), PASSWORD);
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("1");
        waitFor(first);

        assertThat(issue(user.userId(), "wrong-6").status()).isEqualTo(401);
        var second = issue(user.userId(), PASSWORD);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.header("Retry-After")).as("1 s doubled").isEqualTo("2");
        waitFor(second);

        assertThat(issue(user.userId(), "wrong-7").status()).isEqualTo(401);
        var third = issue(user.userId(), PASSWORD);
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).as("4 s capped by max-delay PT2S").isEqualTo("2");
        waitFor(third);

        assertThat(issue(user.userId(), PASSWORD).status()).isEqualTo(201);
        var lock = operator.get(users() + user.accountId() + "/sign-in-lock");
        assertThat(lock.json().get("failures").asInt()).as("a success clears the count").isZero();
        assertThat(lock.json().get("locked").asBoolean()).isFalse();
    }

    @Test
    void an_unknown_login_is_throttled_exactly_like_a_known_one() {
        String known = activeUser().email();
        String unknown = Fixtures.unique("nobody") + "@example.com";
        unknownLogin(unknown);

        List<Api.Response> knownAnswers = new ArrayList<>();
        List<Api.Response> unknownAnswers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            knownAnswers.add(issue(known, "wrong-" + i));
            unknownAnswers.add(issue(unknown, "wrong-" + i));
        }
        knownAnswers.add(issue(known, PASSWORD));
        unknownAnswers.add(issue(unknown, PASSWORD));

        assertThat(knownAnswers).extracting(Api.Response::status).containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(unknownAnswers).extracting(Api.Response::status).containsExactly(401, 401, 401, 401, 401, 429);
        for (int i = 0; i < 6; i++) {
            assertThat(unknownAnswers.get(i).text("type")).isEqualTo(knownAnswers.get(i).text("type"));
            assertThat(unknownAnswers.get(i).text("detail")).isEqualTo(knownAnswers.get(i).text("detail"));
            assertThat(unknownAnswers.get(i).header("Retry-After")).isEqualTo(knownAnswers.get(i).header("Retry-After"));
        }
        assertThat(unknownAnswers.get(5).header("Retry-After")).isEqualTo("1");
        assertThat(unknownAnswers.get(5).text("type")).isEqualTo("/problems/too-many-attempts");
    }

    @Test
    void the_console_waits_too_and_says_for_how_long() throws InterruptedException {
        var user = activeUser();
        for (int i = 1; i <= 5; i++) {
            assertThat(issue(user.userId(), "wrong-" + i).status()).isEqualTo(401);
        }
        Browser browser = new Browser(port);
        Browser french = new Browser(port).always("Accept-Language", "fr");

        var throttled = browser.signIn(user.userId(), PASSWORD);
        var throttledFr = french.signIn(user.userId(), PASSWORD);

        assertThat(throttled.status()).isEqualTo(302);
        assertThat(throttled.redirect()).isEqualTo("/login?error=too-many-attempts&retry=1");
        assertThat(browser.get(throttled.redirect()).elementText("sign-in-error"))
                .isEqualTo("Too many failed sign-ins. Try again in 1 second.");
        assertThat(throttledFr.redirect()).isEqualTo("/login?error=too-many-attempts&retry=1");
        assertThat(french.get(throttledFr.redirect()).elementText("sign-in-error"))
                .isEqualTo("Trop de tentatives de connexion échouées. Réessayez dans 1 seconde.");
        assertThat(browser.get("/").redirect()).isEqualTo("/login");

        Thread.sleep(1_150);
        var signedIn = browser.signIn(user.userId(), PASSWORD);
        // the page asked for was the bare home: that counts as none, so the landing decides
        assertThat(signedIn.redirect()).as("to the landing, since the page asked for was the bare home").isEqualTo("/start");
        var landing = browser.get(signedIn.redirect());
        assertThat(landing.status()).as("the landing sends the person on to a page of theirs").isEqualTo(302);
        assertThat(landing.redirect()).doesNotStartWith("/login");
        assertThat(browser.get(landing.redirect()).status()).isEqualTo(200);
    }

    @Test
    void five_wrong_passwords_in_the_console_delay_the_sixth_attempt_not_an_earlier_one() {
        var user = activeUser();
        Browser browser = new Browser(port);
        List<String> refusals = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            refusals.add(browser.signIn(user.userId(), "wrong-" + i).redirect());
        }

        var throttled = browser.signIn(user.userId(), PASSWORD);

        assertThat(refusals).containsOnly("/login?error=unauthorized");
        assertThat(throttled.redirect()).isEqualTo("/login?error=too-many-attempts&retry=1");
        var lock = operator.get(users() + user.accountId() + "/sign-in-lock");
        assertThat(lock.json().get("failures").asInt()).isEqualTo(5);
    }

    @Test
    void attempts_are_recorded_with_their_outcome_and_never_the_password() throws InterruptedException {
        var user = activeUser();
        String unknown = Fixtures.unique("nobody");
        unknownLogin(unknown);
        List<String> typed = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String guess = Fixtures.unique("Secret-Guess-" + i);
            typed.add(guess);
            assertThat(issue(user.email(), guess).status()).isEqualTo(401);
        }
        var throttled = issue(user.email(), PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        waitFor(throttled);
        assertThat(issue(user.email(), PASSWORD).status()).isEqualTo(201);
        String unknownGuess = Fixtures.unique("Unknown-Guess");
        typed.add(unknownGuess);
        assertThat(issue(unknown, unknownGuess).status()).isEqualTo(401);

        List<Map<String, Object>> events = jdbc.sql("SELECT * FROM sign_in_events WHERE account_id = ? ORDER BY occurred_at")
                .param(user.accountId()).query().listOfRows();
        List<Map<String, Object>> unknownEvents = jdbc.sql("SELECT * FROM sign_in_events WHERE login = ?")
                .param(unknown).query().listOfRows();

        assertThat(events).extracting(row -> value(row, "outcome")).containsExactlyInAnyOrder("WRONG_CREDENTIALS",
                "WRONG_CREDENTIALS", "WRONG_CREDENTIALS", "WRONG_CREDENTIALS", "WRONG_CREDENTIALS", "THROTTLED", "SUCCEEDED");
        assertThat(events).extracting(row -> value(row, "outcome")).last().isEqualTo("SUCCEEDED");
        assertThat(events).allSatisfy(row -> {
            assertThat(value(row, "channel")).isEqualTo("API");
            assertThat(value(row, "client_address")).isEqualTo("127.0.0.1");
            assertThat(value(row, "login")).isEqualTo(user.email());
        });
        assertThat(unknownEvents).hasSize(1);
        assertThat(value(unknownEvents.get(0), "outcome")).isEqualTo("WRONG_CREDENTIALS");
        assertThat(value(unknownEvents.get(0), "account_id")).isNull();
        List<Map<String, Object>> all = new ArrayList<>(events);
        all.addAll(unknownEvents);
        for (Map<String, Object> row : all) {
            for (Object column : row.values()) {
                for (String secret : typed) {
                    assertThat(String.valueOf(column)).doesNotContain(secret);
                }
                assertThat(String.valueOf(column)).doesNotContain(PASSWORD);
            }
        }
        long anywhere = jdbc.sql("SELECT COUNT(*) FROM sign_in_events WHERE login LIKE '%Guess%' OR login LIKE ?")
                .param("%" + PASSWORD + "%").query(Long.class).single();
        assertThat(anywhere).isZero();
    }

    @Test
    void a_mere_delay_is_not_shown_to_the_administrator_as_a_lock() {
        var user = activeUser();
        for (int i = 1; i <= 5; i++) {
            assertThat(issue(user.userId(), "wrong-" + i).status()).isEqualTo(401);
        }

        var lock = operator.get(users() + user.accountId() + "/sign-in-lock");

        assertThat(lock.status()).isEqualTo(200);
        assertThat(lock.json().get("failures").asInt()).isEqualTo(5);
        assertThat(lock.json().get("locked").asBoolean()).isFalse();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private String users() {
        return "/api/v1/companies/" + company + "/users/";
    }

    private Api.Response issue(String login, String password) {
        return Api.at(port).basic(login, password).post(TOKENS, null);
    }

    private static void waitFor(Api.Response throttled) throws InterruptedException {
        Thread.sleep(Long.parseLong(throttled.header("Retry-After")) * 1000 + 150);
    }

    private static Object value(Map<String, Object> row, String column) {
        for (var entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue() instanceof String text ? text.trim() : entry.getValue();
            }
        }
        throw new AssertionError("no column " + column + " in " + row.keySet());
    }
}
