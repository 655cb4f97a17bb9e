package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seat waitlist on Plan &amp; billing and in the Users table, in a real Chromium, in English and French. */
@IntegrationTest
class WaitlistBrowserIntegrationTests extends ConsoleBrowserTest {

    Page page;

    @BeforeEach
    void freshPage() {
        page = chromium.newPage("http://127.0.0.1:" + port, "en");
        Chromium.signIn(page, Operator.EMAIL, Operator.PASSWORD);
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    @Test
    void an_administrator_turns_the_waitlist_on_then_reorders_and_removes_waiting_users() {
        String company = fixtures.company(0);
        page.navigate("/companies/" + company + "/billing");
        assertThat(page.locator("#waitlist-empty")).hasText("Nobody waits for a license.");
        page.getByLabel("Let activations wait for a license").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.locator("#notice")).hasText("The seat waitlist is on.");
        assertThat(operator.get("/api/v1/companies/" + company + "/settings").json().get("seatWaitlist").asBoolean()).isTrue();
        List<String> handles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            handles.add(fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("userId"));
        }

        page.navigate("/companies/" + company + "/users");
        assertThat(page.locator("main")).containsText("Waiting for a license (position 3)");
        page.navigate("/companies/" + company + "/billing");
        assertThat(page.locator("#waiting-1")).containsText(handles.get(0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move " + handles.get(0) + " down")).click();
        assertThat(page.locator("#notice")).hasText("The waitlist order was changed.");
        assertThat(page.locator("#waiting-1")).containsText(handles.get(1));
        assertThat(page.locator("#waiting-2")).containsText(handles.get(0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move " + handles.get(2) + " up")).click();
        assertThat(page.locator("#waiting-2")).containsText(handles.get(2));
        Chromium.screenshot(page, "admin-billing-waitlist-en");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove " + handles.get(1) + " from the waitlist"))
                .click();
        assertThat(page.locator("#notice")).hasText("The user left the waitlist and stays a draft.");
        assertThat(page.locator("#waiting-1")).containsText(handles.get(2));
        assertThat(page.locator("#waiting-3")).hasCount(0);

        page.navigate("/companies/" + company + "/billing?lang=fr");
        assertThat(page.locator("#waitlist-title")).hasText("Liste d'attente des licences");
        assertThat(page.locator("#waitlist-table")).containsText("En attente depuis");
        page.navigate("/companies/" + company + "/users?lang=fr");
        assertThat(page.locator("main")).containsText("En attente d'une licence (position 1)");
        Chromium.screenshot(page, "users-waitlist-fr");

        page.navigate("/companies/" + company + "/billing?lang=fr");
        page.getByLabel("Faire attendre les activations qu'aucune licence ne permet").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Appliquer")).click();
        assertThat(page.locator("#notice")).hasText("La liste d'attente des licences est désactivée.");
        assertThat(page.locator("#waitlist-empty")).isVisible();
        assertThat(operator.get("/api/v1/companies/" + company + "/waitlist").json().get("items")).isEmpty();
    }
}
