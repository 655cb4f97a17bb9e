package io.roster.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The setup every console test in a real Chromium shares: one Chromium per class (skipped where it
 * is not installed, see {@link Chromium#start}), the platform operator signed in to the API with its
 * {@link Fixtures} before each test (and before a subclass's {@code @BeforeAll}), and pages opened through {@link #browser} that are closed after
 * each test, whose console errors (a CSP refusal among them) fail the test. Subclasses carry
 * {@code @IntegrationTest} and add their own setup beside this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConsoleBrowserTest {

    @LocalServerPort
    protected int port;

    protected Chromium chromium;
    protected Api operator;
    protected Fixtures fixtures;

    private final List<Page> pages = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    /** Chromium, and the operator signed in already for a subclass's own {@code @BeforeAll}. */
    @BeforeAll
    final void startChromium() {
        chromium = Chromium.start();
        signInTheOperator();
    }

    @AfterAll
    final void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    final void signInTheOperator() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
    }

    @AfterEach
    final void closePagesAndCheckTheirConsoles() {
        pages.forEach(page -> page.context().close());
        pages.clear();
        List<String> errors = List.copyOf(consoleErrors);
        consoleErrors.clear();
        assertThat(errors).as("errors in the browser's console (a CSP refusal among them)").isEmpty();
    }

    /**
     * Waits until htmx has processed {@code element} (its handlers attached: htmx keeps its state on
     * the element then). A form swapped in by htmx is in the page a moment before that; Enter or a
     * click in that moment posts the plain form instead, which a loaded machine makes likely.
     */
    protected static void htmxReady(com.microsoft.playwright.Locator element) {
        element.evaluate("element => new Promise(done => { const ready = () => element['htmx-internal-data']"
                + " && element['htmx-internal-data'].initHash ? done() : setTimeout(ready, 20); ready(); })");
    }

    /** The server's address, for absolute URLs in assertions. */
    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * A fresh browser profile speaking {@code language} at laptop size, closed after the test; an
     * error in its console fails the test, except the status of an error page the test asked for.
     */
    protected Page browser(String language) {
        return browser(language, base());
    }

    /** The same on another address of this server ({@code http://localhost:port} where WebAuthn needs a host name). */
    protected Page browser(String language, String base) {
        Page page = chromium.newPage(base, language);
        page.onConsoleMessage(message -> {
            boolean ownStatus = message.text().startsWith("Failed to load resource")
                    && message.location() != null && message.location().startsWith(page.url());
            if ("error".equals(message.type()) && !ownStatus) {
                consoleErrors.add(page.url() + ": " + message.text());
            }
        });
        page.onPageError(error -> consoleErrors.add(page.url() + ": " + error));
        pages.add(page);
        return page;
    }
}
