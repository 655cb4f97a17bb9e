package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.SignInTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The lockout after 25 failed sign-ins (15 minutes), in the suite's shared context where the growing
 * delays are off (delay-unit PT0S), so 25 failures in a row meet no delay before the lock.
 */
@IntegrationTest
class SignInThrottleLockoutIntegrationTests extends SignInTest {

    private static final String TOKENS = "/api/v1/tokens";

    @Value("${roster.sign-in.delay-unit}")
    Duration delayUnit;

    @BeforeEach
    void noDelays() {
        assertThat(delayUnit).as("no delays in this context").isZero();
    }

    @Test
    void twenty_five_wrong_passwords_lock_the_account_even_for_the_right_password() {
        var user = activeUser();

        List<Integer> failures = failTimes(user.userId(), LOCK_AFTER);
        var locked = issue(user.userId(), PASSWORD);
        var byEmail = issue(user.email(), PASSWORD);

        assertThat(failures).hasSize(LOCK_AFTER).containsOnly(401);
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.text("type")).isEqualTo("/problems/too-many-attempts");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(15 * 60L - 60, 15 * 60L);
        assertThat(locked.json().get("retryAfterSeconds").asLong()).isEqualTo(Long.parseLong(locked.header("Retry-After")));
        assertThat(locked.text("detail")).isEqualTo("Too many failed sign-ins: try again in 15 minutes");
        assertThat(byEmail.status()).as("the lock is on the account, whatever the login").isEqualTo(429);
    }

    @Test
    void twenty_four_wrong_passwords_do_not_lock_and_a_success_starts_the_count_again() {
        var user = activeUser();

        assertThat(failTimes(user.userId(), LOCK_AFTER - 1)).containsOnly(401);
        assertThat(issue(user.userId(), PASSWORD).status()).isEqualTo(201);
        assertThat(issue(user.userId(), "wrong-again").status()).isEqualTo(401);

        var lock = operator.get(users() + user.accountId() + "/sign-in-lock");
        assertThat(lock.json().get("failures").asInt()).isEqualTo(1);
        assertThat(lock.json().get("locked").asBoolean()).isFalse();
        assertThat(issue(user.userId(), PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void a_locked_account_is_refused_in_the_console_in_english_and_in_french() {
        var user = activeUser();
        failTimes(user.userId(), LOCK_AFTER);
        Browser english = new Browser(port);
        Browser french = new Browser(port).always("Accept-Language", "fr");

        var refused = english.signIn(user.userId(), PASSWORD);
        var refusedFr = french.signIn(user.email(), PASSWORD);

        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.redirect()).startsWith("/login?error=too-many-attempts&retry=");
        long retry = Long.parseLong(refused.redirect().substring(refused.redirect().indexOf("retry=") + 6));
        assertThat(retry).isBetween(15 * 60L - 60, 15 * 60L);
        assertThat(english.get(refused.redirect()).elementText("sign-in-error"))
                .isEqualTo("Too many failed sign-ins. Try again in " + (retry + 59) / 60 + " minutes.");
        assertThat(refusedFr.redirect()).startsWith("/login?error=too-many-attempts&retry=");
        long retryFr = Long.parseLong(refusedFr.redirect().substring(refusedFr.redirect().indexOf("retry=") + 6));
        assertThat(french.get(refusedFr.redirect()).elementText("sign-in-error"))
                .isEqualTo("Trop de tentatives de connexion échouées. Réessayez dans " + (retryFr + 59) / 60 + " minutes.");
        assertThat(english.get("/").redirect()).isEqualTo("/login");
        List<String> console = jdbc.sql("SELECT outcome FROM sign_in_events WHERE account_id = ? AND channel = 'CONSOLE'")
                .param(user.accountId()).query(String.class).list();
        assertThat(console).isNotEmpty().containsOnly("THROTTLED");
    }

    @Test
    void an_administrator_sees_the_lock_and_clears_it_then_sign_in_works() {
        var user = activeUser();
        String lockPath = users() + user.accountId() + "/sign-in-lock";
        var before = operator.get(lockPath);
        failTimes(user.userId(), LOCK_AFTER);
        assertThat(issue(user.userId(), PASSWORD).status()).isEqualTo(429);

        var seen = operator.get(lockPath);

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().get("failures").asInt()).isZero();
        assertThat(before.json().get("locked").asBoolean()).isFalse();
        assertThat(before.json().get("lockedUntil").isNull()).isTrue();
        assertThat(seen.status()).as(seen.toString()).isEqualTo(200);
        assertThat(seen.json().get("locked").asBoolean()).isTrue();
        assertThat(seen.json().get("failures").asInt()).isEqualTo(LOCK_AFTER);
        Instant lockedUntil = Instant.parse(seen.text("lockedUntil"));
        assertThat(lockedUntil).isBetween(Instant.now().plus(Duration.ofMinutes(14)), Instant.now().plus(Duration.ofMinutes(15)));

        var cleared = operator.delete(lockPath, Map.of());

        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(204);
        var after = operator.get(lockPath);
        assertThat(after.json().get("locked").asBoolean()).isFalse();
        assertThat(after.json().get("failures").asInt()).isZero();
        assertThat(issue(user.userId(), PASSWORD).status()).isEqualTo(201);
        Browser browser = new Browser(port);
        assertThat(browser.signIn(user.userId(), PASSWORD).redirect()).isEqualTo("/start");
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void a_member_without_users_read_cannot_see_or_clear_a_lock() {
        var locked = activeUser();
        var member = activeUser();
        failTimes(locked.userId(), LOCK_AFTER);
        Api memberApi = Api.at(port).signIn(member.userId(), PASSWORD);
        String lockPath = users() + locked.accountId() + "/sign-in-lock";

        var read = memberApi.get(lockPath);
        var clear = memberApi.delete(lockPath, Map.of());

        assertThat(read.status()).as(read.toString()).isEqualTo(403);
        assertThat(clear.status()).as(clear.toString()).isEqualTo(403);
        assertThat(issue(locked.userId(), PASSWORD).status()).as("still locked").isEqualTo(429);
    }

    @Test
    void an_unknown_login_is_locked_after_the_same_number_of_failures() {
        var user = activeUser();
        String unknown = Fixtures.unique("nobody") + "@example.com";
        unknownLogin(unknown);

        List<Integer> known = failTimes(user.email(), LOCK_AFTER);
        List<Integer> unknownFailures = failTimes(unknown, LOCK_AFTER);
        var knownLocked = issue(user.email(), PASSWORD);
        var unknownLocked = issue(unknown, PASSWORD);

        assertThat(unknownFailures).isEqualTo(known).containsOnly(401);
        assertThat(unknownLocked.status()).isEqualTo(knownLocked.status()).isEqualTo(429);
        assertThat(unknownLocked.text("type")).isEqualTo(knownLocked.text("type"));
        assertThat(unknownLocked.text("detail")).isEqualTo(knownLocked.text("detail"));
        assertThat(Long.parseLong(unknownLocked.header("Retry-After"))).isBetween(15 * 60L - 60, 15 * 60L);
        List<String> outcomes = jdbc.sql("SELECT outcome FROM sign_in_events WHERE login = ?").param(unknown)
                .query(String.class).list();
        assertThat(outcomes).hasSize(LOCK_AFTER + 1).containsOnly("WRONG_CREDENTIALS", "THROTTLED")
                .filteredOn("THROTTLED"::equals).hasSize(1);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private String users() {
        return "/api/v1/companies/" + company + "/users/";
    }

    private List<Integer> failTimes(String login, int times) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= times; i++) {
            statuses.add(issue(login, "wrong-password-" + i).status());
        }
        return statuses;
    }

    private Api.Response issue(String login, String password) {
        return Api.at(port).basic(login, password).post(TOKENS, null);
    }
}
