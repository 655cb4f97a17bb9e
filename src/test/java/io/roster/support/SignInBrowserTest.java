package io.roster.support;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the console tests in a real Chromium that sign people in with their own factors (password,
 * app code, passkey) share: people made with a password, their failed sign-ins forgotten after each
 * test (the throttle table is shared by every context of a PostgreSQL pass), and signing out.
 */
public abstract class SignInBrowserTest extends ConsoleBrowserTest {

    @Autowired
    protected JdbcClient jdbc;

    /** The accounts whose throttle rows are forgotten after the test. */
    protected final List<String> accounts = new ArrayList<>();

    @AfterEach
    final void forgetFailedSignIns() {
        FailedSignIns.forget(jdbc, accounts);
        accounts.clear();
    }

    /** An ACTIVE person of {@code company} with {@code password} and {@code roles} (MEMBER when none), remembered. */
    protected Api.Response person(String company, String password, String... roles) {
        var body = Fixtures.userWithPassword("ACTIVE", password);
        var created = fixtures.createUser(company, roles.length == 0 ? body : Fixtures.with(body, "roles", List.of(roles)));
        if (created.status() != 201) {
            throw new AssertionError("expected 201, got " + created);
        }
        accounts.add(created.text("id"));
        return created;
    }

    /** Signs out with the console's button and waits for the sign-in page. */
    protected static void signOut(Page page) {
        page.locator("#sign-out").click();
        page.waitForURL(Pattern.compile(".*/login\\?signedOut$"));
    }
}
