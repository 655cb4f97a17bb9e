package io.roster.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, headless, for the console's browser tests. Playwright's
 * own browser download is switched off (this machine reaches no download site); .ci/run installs
 * the chromium package. On a machine without it the browser tests are skipped, except in CI.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }

    /** Starts Chromium, or skips the test class when it is not installed outside CI. */
    public static Chromium start() {
        if (!Files.isExecutable(EXECUTABLE)) {
            Assumptions.assumeTrue(System.getenv("CI") != null,
                    "Debian's chromium is not installed: browser tests skipped (CI installs it)");
            throw new IllegalStateException("CI needs " + EXECUTABLE + ": .ci/run installs the chromium package");
        }
        return new Chromium();
    }

    /** A fresh browser profile (no cookies) speaking {@code language}, on a laptop-sized screen. */
    public Page newPage(String baseUrl, String language) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setLocale(language).setExtraHTTPHeaders(Map.of("Accept-Language", language))
                .setViewportSize(1366, 900));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** Keeps a screenshot of the page as a test artifact under target/screenshots. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Signs in through the console's form. */
    public static void signIn(Page page, String login, String password) {
        page.navigate("/login");
        page.getByLabel(java.util.regex.Pattern.compile("Email or user ID|E-mail ou identifiant")).fill(login);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
