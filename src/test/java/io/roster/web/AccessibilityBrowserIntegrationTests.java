package io.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.roster.support.Axe;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.Screens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15: axe-core finds no violation on any main page of the console, in English and in French:
 * sign-in, the landing, the company's pages, the platform's, the partner space, and the 404 and 403
 * pages. Every page is checked before the test fails, so one run names every violation.
 */
@IntegrationTest
class AccessibilityBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String PASSWORD = "accessibility-test-password";

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void every_main_page_passes_axe(String language) {
        String partner = fixtures.partner();
        String company = fixtures.companyOf(partner, 5);
        String user = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");
        String workspace = operator.post("/api/v1/companies/" + company + "/workspaces",
                Map.of("name", Fixtures.unique("Atelier"))).text("id");
        Map<String, Object> member = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "locale", language);
        String memberId = fixtures.createUser(company, member).text("id");
        // a second company, so that an app's sign-in asks the member to choose
        operator.post("/api/v1/companies/" + fixtures.company(5) + "/users/" + memberId + "/roles", Map.of("roleId", "MEMBER"));
        // a full company whose seat waitlist holds two rows: the Plan & billing page lists them
        String waitlisted = fixtures.company(0);
        operator.put("/api/v1/companies/" + waitlisted + "/settings", Map.of("seatWaitlist", true));
        fixtures.createUser(waitlisted, Fixtures.validUser("ACTIVE"));
        fixtures.createUser(waitlisted, Fixtures.validUser("ACTIVE"));
        List<String> failures = new ArrayList<>();

        Page visitor = browser(language);
        check(visitor, "/login?lang=" + language, 200, failures, language);

        Page operatorPage = browser(language);
        Chromium.signIn(operatorPage, Operator.EMAIL, Operator.PASSWORD);
        operatorPage.navigate("/profile?lang=" + language);
        String c = "/companies/" + company;
        Map<String, Integer> pages = new LinkedHashMap<>();
        pages.put("/", 200);
        pages.put("/start", 200);
        pages.put(c + "/users", 200);
        pages.put(c + "/users/new", 200);
        pages.put(c + "/users/" + user, 200);
        pages.put(c + "/users/import", 200);
        pages.put(c + "/workspaces", 200);
        pages.put(c + "/workspaces/" + workspace, 200);
        pages.put(c + "/roles", 200);
        pages.put(c + "/billing", 200);
        pages.put("/companies/" + waitlisted + "/billing", 200);
        pages.put(c + "/audit", 200);
        pages.put(c + "/webhooks", 200);
        pages.put(c + "/scim-tokens", 200);
        pages.put(c + "/partner-access", 200);
        pages.put("/admin/oidc-clients", 200);
        pages.put("/admin/webhooks", 200);
        pages.put("/profile", 200);
        pages.put("/notifications", 200);
        pages.put("/partners/" + partner, 200);
        pages.put("/partners/" + partner + "/users", 200);
        pages.put("/partners/" + partner + "/users/new", 200);
        // a guest review link's page (here the refusal of an unknown link; the same template asks to confirm)
        pages.put("/invitations/reviews/no-such-review-link/keep?lang=" + language, 200);
        pages.put("/no/such/page", 404);
        pages.forEach((address, status) -> check(operatorPage, address, status, failures, language));

        Page memberPage = browser(language);
        Chromium.signIn(memberPage, member.get("userId").toString(), PASSWORD);
        check(memberPage, c + "/users", 403, failures, language);
        check(memberPage, "/oauth2/choose-company?response_type=code&client_id=app&scope=openid", 200, failures, language);
        check(memberPage, "/oauth2/choose-company?response_type=code&client_id=app&scope=openid&q=zz", 200, failures, language);

        assertThat(failures).as("pages with accessibility violations or the wrong status in " + language).isEmpty();
    }

    /**
     * The page at the laptop and at the phone width (the side menu and the tables change layout
     * there), checked by axe at both and kept as screenshots under target/screenshots.
     */
    private static void check(Page page, String address, int status, List<String> failures, String language) {
        Response response = page.navigate(address);
        if (response == null || response.status() != status) {
            failures.add(address + ": status " + (response == null ? "none" : response.status()) + ", expected " + status);
            return;
        }
        for (int width : new int[] {Screens.LAPTOP_WIDTH, Screens.PHONE_WIDTH}) {
            page.setViewportSize(width, width == Screens.PHONE_WIDTH ? Screens.PHONE_HEIGHT : Screens.LAPTOP_HEIGHT);
            try {
                Axe.check(page);
            } catch (AssertionError violations) {
                failures.add(address + " at " + width + " px: " + violations.getMessage());
            }
        }
        Screens.capture(page, "main-" + language + address.replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("-[0-9a-f]{8,}", "-id"));
    }
}
