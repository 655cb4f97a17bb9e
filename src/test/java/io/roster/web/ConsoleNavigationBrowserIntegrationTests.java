package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.roster.support.Api;
import io.roster.support.Axe;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.Screens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where people land after sign-in and where the console's links lead, in a real Chromium, in
 * English and in French: a company administrator lands in the company with the side menu and the
 * current page marked; no link shown to a member, billing manager, auditor, external person or
 * partner user manager leads to a refusal; the operator's home lists and creates partners and
 * companies; 403 and 404 are pages with the menu and the sign-out. Each main screen passes axe
 * and is kept at 1366 and 390 px, and no page logs a console error (the CSP refuses nothing).
 */
@IntegrationTest
class ConsoleNavigationBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String PASSWORD = "navigation-test-password";

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void an_administrator_lands_in_the_company_with_the_menu_open_and_the_current_page_marked(String language) {
        String company = fixtures.company(10);
        Person admin = personReading(language, company, "ADMINISTRATOR");
        Page page = browser(language);

        Chromium.signIn(page, admin.userId(), PASSWORD);

        assertThat(page).hasURL(base() + "/companies/" + company + "/users");
        Locator menu = page.locator("nav.side");
        for (String entry : List.of("users", "workspaces", "roles", "billing", "audit")) {
            assertThat(menu.locator("#nav-" + entry)).isVisible();
        }
        assertThat(menu.locator("#nav-users")).hasAttribute("aria-current", "page");
        assertThat(menu.locator("#nav-users")).hasText(language.equals("fr") ? "Utilisateurs" : "Users");
        assertThat(menu.locator("[aria-current=page]")).hasCount(1);
        assertThat(page.locator("main")).not().containsText("users.read");

        menu.locator("#nav-roles").click();
        assertThat(menu.locator("#nav-roles")).hasAttribute("aria-current", "page");
        assertThat(menu.locator("#nav-users")).not().hasAttribute("aria-current", "page");
        Axe.check(page);
        menu.locator("#nav-audit").click();
        assertThat(menu.locator("#nav-audit")).hasAttribute("aria-current", "page");
    }

    /** Every link of the menu and the top bar, followed, answers neither 403 nor 404. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void no_link_shown_to_a_member_billing_manager_auditor_external_or_partner_staff_leads_to_a_refusal(String language) {
        String partner = fixtures.partner();
        String company = fixtures.companyOf(partner, 10);
        String otherCompany = fixtures.company(5);
        Person admin = person(company, "ADMINISTRATOR");
        Person external = person(otherCompany, "MEMBER");
        String workspace = admin.api().post("/api/v1/companies/" + company + "/workspaces",
                Map.of("name", Fixtures.unique("Shared"))).text("id");
        Person member = person(company, "MEMBER");
        // an outside person is let into a workspace the way the demo does: a role first, then the right
        String externalRoles = "/api/v1/companies/" + company + "/users/" + external.id() + "/roles";
        Api.Response linked = operator.post(externalRoles, Map.of("roleId", "MEMBER"));
        assertThat(linked.status()).as(linked.toString()).isIn(200, 201);
        for (Person withRight : List.of(member, external)) {
            Api.Response granted = admin.api().put("/api/v1/companies/" + company + "/workspaces/" + workspace
                    + "/members/" + withRight.id(), Map.of("right", "READ"));
            assertThat(granted.status()).as(granted.toString()).isIn(200, 201);
        }
        assertThat(operator.delete(externalRoles + "/MEMBER", Map.of()).status()).isEqualTo(204);
        Map<String, String> landings = new java.util.LinkedHashMap<>();
        landings.put(member.userId(), "/companies/" + company + "/workspaces");
        landings.put(person(company, "BILLING_MANAGER").userId(), "/companies/" + company + "/billing");
        landings.put(person(company, "AUDITOR").userId(), "/companies/" + company + "/users");
        landings.put(external.userId(), null); // two companies: the home page lists both
        landings.put(partnerStaff(partner, "PARTNER_USER_MANAGER"), "/partners/" + partner);

        landings.forEach((userId, landing) -> {
            Page page = browser(language);
            Chromium.signIn(page, userId, PASSWORD);
            if (landing != null) {
                assertThat(page).hasURL(base() + landing);
            } else {
                assertThat(page).hasURL(base() + "/");
                assertThat(page.locator("#my-companies a")).hasCount(2);
            }
            assertThat(page.locator("main")).not().containsText("users.read");
            everyLinkOpens(page, userId);
            if (landing == null) {
                // the external person's way into the other company: a page they may open, and its links
                page.locator("#my-companies a", new Page.LocatorOptions().setHasText(companyName(company))).click();
                assertThat(page).hasURL(base() + "/companies/" + company + "/workspaces");
                everyLinkOpens(page, userId);
            }
            Axe.check(page);
        });
        Page member390 = browser(language);
        Chromium.signIn(member390, member.userId(), PASSWORD);
        Screens.capture(member390, "nav-member-landing-" + language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void the_operator_home_lists_partners_and_companies_and_creates_both(String language) {
        String partner = fixtures.partner();
        String client = fixtures.companyOf(partner, 3);
        Page page = browser(language);
        Chromium.signIn(page, Operator.EMAIL, Operator.PASSWORD);

        assertThat(page).hasURL(base() + "/");
        assertThat(page.locator("#operator-partners")).containsText(partnerName(partner));
        assertThat(page.locator("#operator-companies")).containsText(companyName(client));
        assertThat(page.locator("main")).not().containsText(language.equals("fr") ? "Aucune entreprise" : "No company");
        assertThat(page.locator("#nav-platform")).hasAttribute("aria-current", "page");
        Axe.check(page);
        Screens.capture(page, "nav-operator-home-" + language);

        String partnerName = Fixtures.unique("Cabinet");
        page.locator("#new-partner").click();
        page.locator("#partner-name").fill(partnerName);
        page.locator("#operator-partners button[type=submit]").click();
        assertThat(page.locator("#flash")).containsText(partnerName);
        assertThat(page.locator("#operator-partners")).containsText(partnerName);

        String companyName = Fixtures.unique("Fromagerie");
        page.locator("#new-company").click();
        page.locator("#company-name").fill(companyName);
        page.locator("#company-slug").fill(Fixtures.unique("fromagerie").toLowerCase());
        page.locator("#company-licenses").fill("4");
        page.locator("#company-partner").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(partnerName));
        page.locator("#operator-companies button[type=submit]").click();
        assertThat(page.locator("#flash")).containsText(companyName);
        Locator row = page.locator("#operator-companies tr", new Page.LocatorOptions().setHasText(companyName));
        assertThat(row).containsText(partnerName);
        row.locator("a").click();
        assertThat(page.locator("h1")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/companies/[^/]+/users$"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void refusals_and_unknown_addresses_are_pages_with_the_menu_and_the_sign_out(String language) {
        String company = fixtures.company(5);
        Person member = personReading(language, company, "MEMBER");
        Page page = browser(language);
        Chromium.signIn(page, member.userId(), PASSWORD);

        for (String address : List.of("/no/such/page", "/api/v1/no-such-thing", "/companies/" + Fixtures.unique("nope") + "/users")) {
            com.microsoft.playwright.Response response = page.navigate(address);
            assertThat(response.status()).as(address).isEqualTo(404);
            assertThat(response.headerValue("content-type")).as(address).startsWith("text/html");
            assertThat(page.locator("h1")).hasText(language.equals("fr") ? "Page introuvable" : "Not found");
            assertThat(page.locator("#sign-out")).isVisible();
            assertThat(page.locator("nav.side")).isVisible();
        }
        Axe.check(page);
        Screens.capture(page, "nav-404-" + language);

        com.microsoft.playwright.Response refused = page.navigate("/companies/" + company + "/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("#sign-out")).isVisible();
        assertThat(page.locator("nav.side #nav-workspaces")).isVisible();
        Axe.check(page);
        Screens.capture(page, "nav-403-" + language);

        Api.Response program = Api.at(port).signIn(member.userId(), PASSWORD).get("/api/v1/no-such-thing");
        assertThat(program.status()).isEqualTo(404);
        assertThat(program.header("Content-Type")).startsWith("application/problem+json");
    }

    // ---- helpers

    record Person(String id, String userId, Api api) {
    }

    /** An ACTIVE internal user of the company with a password and these roles, reading English. */
    Person person(String company, String... roles) {
        return personReading("en", company, roles);
    }

    /** The same, with this saved language (which the console follows once signed in). */
    Person personReading(String language, String company, String... roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles",
                List.of(roles)), "locale", language);
        Api.Response created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        String userId = (String) body.get("userId");
        return new Person(created.text("id"), userId, Api.at(port).signIn(userId, PASSWORD));
    }

    /** A member of the partner's staff with this role; answers its user ID. */
    String partnerStaff(String partner, String role) {
        String userId = Fixtures.unique("staff").toLowerCase();
        Api.Response created = operator.post("/api/v1/partners/" + partner + "/members", Map.of("userId", userId,
                "firstName", "Paul", "lastName", "Staff", "email", userId + "@partner.example", "password", PASSWORD,
                "emailVerified", true, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return userId;
    }

    String companyName(String company) {
        return operator.get("/api/v1/companies/" + company).text("name");
    }

    String partnerName(String partner) {
        return operator.get("/api/v1/partners/" + partner).text("name");
    }

    /** A fresh browser profile in this language whose console errors fail the test. */

    /** Follows every link of the side menu and the top bar with the page's session: none is refused. */
    static void everyLinkOpens(Page page, String who) {
        Set<String> hrefs = new LinkedHashSet<>();
        for (Locator link : page.locator("nav.side a[href], header.topbar a[href]").all()) {
            String href = link.getAttribute("href");
            if (href != null && href.startsWith("/") && !href.contains("lang=")) {
                hrefs.add(href);
            }
        }
        assertThat(hrefs).as("links shown to " + who).isNotEmpty();
        for (String href : hrefs) {
            APIResponse response = page.request().get(href);
            assertThat(response.status()).as(who + " follows " + href + " from " + page.url()).isLessThan(400);
        }
    }
}
