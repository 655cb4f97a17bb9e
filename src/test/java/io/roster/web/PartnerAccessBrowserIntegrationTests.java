package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.roster.support.Api;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Partner access in a real Chromium (docs/rules.md §7): the company's administrator accepts and
 * revokes on its "Partner access" page, and the partner's console follows at once — the company's
 * pages answer 404 and the partner space shows the name and the status only; the end date does the
 * same by itself.
 */
@IntegrationTest
class PartnerAccessBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String PASSWORD = "partner-access-password-1";

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_administrator_accepts_then_revokes_a_partner_and_the_partner_console_loses_the_company_at_once() {
        String partner = fixtures.partner();
        String partnerName = operator.get("/api/v1/partners/" + partner).text("name");
        String staff = staff(partner);
        String company = fixtures.company(3);
        Map<String, Object> admin = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles",
                List.of("ADMINISTRATOR"), "locale", "en");
        assertThat(fixtures.createUser(company, admin).status()).isEqualTo(201);

        Page partnerPage = signedIn(staff);
        partnerPage.navigate("/partners/" + partner);
        String slug = operator.get("/api/v1/companies/" + company).text("slug");
        partnerPage.locator("#request-slug").fill(slug);
        partnerPage.locator("#request-access-submit").click();
        assertThat(partnerPage.locator("#company-" + company + " .grant-status")).hasText("Request waiting");
        assertThat(partnerPage.locator("#company-" + company + " a")).hasCount(0);

        Page adminPage = signedIn(admin.get("userId").toString());
        adminPage.navigate("/companies/" + company + "/users");
        adminPage.locator("#nav-partner-access").click();
        var grant = adminPage.locator("section.partner-grant");
        assertThat(grant.locator("h2")).hasText(partnerName);
        assertThat(grant.locator(".grant-request")).isVisible();
        grant.locator("input[value=billing]").uncheck();
        grant.locator("input[type=date]").fill(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        grant.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Accept the access of " + partnerName)).click();
        assertThat(adminPage.locator("#notice")).isVisible();
        assertThat(adminPage.locator("section.partner-grant .grant-status")).hasText("Active");
        assertThat(adminPage.locator("section.partner-grant .grant-scope")).hasText("Users");

        Response reached = partnerPage.navigate("/companies/" + company + "/users");
        assertThat(reached.status()).isEqualTo(200);
        partnerPage.navigate("/partners/" + partner);
        assertThat(partnerPage.locator("#company-" + company + " .grant-status")).hasText("Active");
        // the users scope only: no license form
        assertThat(partnerPage.locator("#licenses-" + company)).hasCount(0);

        adminPage.navigate("/companies/" + company + "/partner-access");
        adminPage.locator("section.partner-grant .revoke-form button").click();
        assertThat(adminPage.locator("section.partner-grant .grant-status")).hasText("Revoked");

        Response refused = partnerPage.navigate("/companies/" + company + "/users");
        assertThat(refused.status()).isEqualTo(404);
        partnerPage.navigate("/partners/" + partner + "/users");
        assertThat(partnerPage.locator("body")).not().containsText(admin.get("userId").toString());
        partnerPage.navigate("/partners/" + partner);
        assertThat(partnerPage.locator("#company-" + company + " .grant-status")).hasText("Revoked");
        assertThat(partnerPage.locator("#company-" + company + " a")).hasCount(0);
        Chromium.screenshot(partnerPage, "partner-home-revoked-en");
    }

    @Test
    void the_end_date_cuts_the_partner_console_off_the_company_without_waiting_for_the_job() {
        String partner = fixtures.partner();
        String staff = staff(partner);
        String company = fixtures.companyOf(partner, 2);
        Page partnerPage = signedIn(staff);
        assertThat(partnerPage.navigate("/companies/" + company + "/users").status()).isEqualTo(200);
        // ending in a day, so that moving the clock two days ends this grant only (the database is shared)
        String grantId = operator.get("/api/v1/companies/" + company + "/partner-access").json().get("items").get(0)
                .get("id").asString();
        assertThat(operator.post("/api/v1/companies/" + company + "/partner-access/" + grantId + "/accept",
                Map.of("endsAt", clock.instant().plus(Duration.ofDays(1)).toString())).status()).isEqualTo(200);

        clock.advance(Duration.ofDays(2));
        assertThat(partnerPage.navigate("/companies/" + company + "/users").status()).isEqualTo(404);
        partnerPage.navigate("/partners/" + partner);
        assertThat(partnerPage.locator("#company-" + company + " .grant-status")).hasText("Expired");
        assertThat(partnerPage.locator("#company-" + company + " .access-request-form button")).isVisible();
    }

    @Test
    void an_administrator_declines_a_renewal_and_the_partner_keeps_its_current_access() {
        String partner = fixtures.partner();
        String partnerName = operator.get("/api/v1/partners/" + partner).text("name");
        String staff = staff(partner);
        String company = fixtures.companyOf(partner, 2);
        Map<String, Object> admin = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles",
                List.of("ADMINISTRATOR"), "locale", "en");
        assertThat(fixtures.createUser(company, admin).status()).isEqualTo(201);
        String slug = operator.get("/api/v1/companies/" + company).text("slug");
        var renewal = operator.post("/api/v1/partners/" + partner + "/access-requests", Map.of("companySlug", slug));
        assertThat(renewal.status()).as(renewal.toString()).isEqualTo(201);
        assertThat(renewal.text("status")).isEqualTo("ACTIVE");

        Page adminPage = signedIn(admin.get("userId").toString());
        adminPage.navigate("/companies/" + company + "/partner-access");
        var grant = adminPage.locator("section.partner-grant");
        assertThat(grant.locator(".grant-request")).isVisible();
        String until = grant.locator(".grant-until").textContent();
        // a renewal waiting: Decline it, and Revoke stays for the access itself
        assertThat(grant.locator(".revoke-form button")).isVisible();
        grant.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Decline the request of " + partnerName)).click();
        assertThat(adminPage.locator("#notice")).isVisible();
        assertThat(adminPage.locator("section.partner-grant .grant-status")).hasText("Active");
        assertThat(adminPage.locator("section.partner-grant .grant-until")).hasText(until);
        assertThat(adminPage.locator("section.partner-grant .grant-request")).hasCount(0);
        assertThat(adminPage.locator("section.partner-grant .decline-form")).hasCount(0);
        assertThat(adminPage.locator("section.partner-grant .revoke-form button")).isVisible();

        // the partner still reaches the company
        Page partnerPage = signedIn(staff);
        assertThat(partnerPage.navigate("/companies/" + company + "/users").status()).isEqualTo(200);
        partnerPage.navigate("/partners/" + partner);
        assertThat(partnerPage.locator("#company-" + company + " .grant-status")).hasText("Active");
    }

    private String staff(String partner) {
        String userId = Fixtures.unique("pstaff").toLowerCase();
        Api.Response response = operator.post("/api/v1/partners/" + partner + "/members", Map.of("userId", userId,
                "firstName", "Pat", "lastName", "Ner", "email", userId + "@partner.example", "password", PASSWORD,
                "emailVerified", true, "role", "PARTNER_ADMIN", "locale", "en"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return userId;
    }

    private Page signedIn(String login) {
        Page page = browser("en");
        Chromium.signIn(page, login, PASSWORD);
        return page;
    }
}
