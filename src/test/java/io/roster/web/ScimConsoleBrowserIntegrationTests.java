package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.roster.support.Api;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SCIM in the console, in a real Chromium: an administrator creates a SCIM token (shown once, and
 * working at once), sees its last use, revokes it; and sets the role and invitation of provisioned
 * people on the Roles page, in English and French.
 */
@IntegrationTest
class ScimConsoleBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String PASSWORD = "scim-console-test-password";

    @Test
    void an_administrator_creates_a_token_shown_once_that_works_then_revokes_it() {
        String company = fixtures.company(5);
        String admin = person(company, "ADMINISTRATOR");
        Page page = chromium.newPage("http://127.0.0.1:" + port, "en");
        try {
            Chromium.signIn(page, admin, PASSWORD);
            page.navigate("/companies/" + company + "/roles");
            page.locator("#nav-scim").click();
            assertThat(page.locator("h1")).hasText("SCIM provisioning");
            assertThat(page.locator("#scim-tokens")).containsText("No token yet.");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a token")).click();

            assertThat(page.locator("#notice")).hasText("Token created.");
            String token = page.locator("#issued-token").textContent().trim();
            assertThat(token).startsWith("rsc_");
            assertThat(page.locator("#tenant-url")).hasText("http://127.0.0.1:" + port + "/scim/v2");
            Chromium.screenshot(page, "admin-scim-tokens-en");
            var used = Api.at(port).bearer(token).get("/scim/v2/Users");
            assertThat(used.status()).as(used.toString()).isEqualTo(200);

            page.navigate("/companies/" + company + "/scim-tokens");
            assertThat(page.locator("#issued")).hasCount(0);
            assertThat(page.content()).doesNotContain(token);
            assertThat(page.locator("#scim-tokens tbody tr")).hasCount(1);
            assertThat(page.locator("#scim-tokens tbody tr td").nth(1)).not().hasText("never");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke")).click();
            assertThat(page.locator("#notice")).hasText("Token revoked.");
            assertThat(page.locator("#scim-tokens tbody tr td").nth(2)).hasText("revoked");
            assertThat(Api.at(port).bearer(token).get("/scim/v2/Users").status()).isEqualTo(401);
        } finally {
            page.context().close();
        }
    }

    @Test
    void the_roles_page_sets_the_role_and_the_invitation_of_provisioned_people_in_french() {
        String company = fixtures.company(5);
        String admin = person(company, "ADMINISTRATOR");
        String userManager = person(company, "USER_MANAGER");
        Page page = chromium.newPage("http://127.0.0.1:" + port, "fr");
        try {
            Chromium.signIn(page, admin, PASSWORD);
            // the administrator's saved language is English: switch this session, as the language link does
            page.navigate("/companies/" + company + "/roles?lang=fr");
            assertThat(page.locator("#provisioning-title")).hasText("Personnes provisionnées par votre annuaire");
            assertThat(page.locator("#invite-provisioned")).isChecked();

            page.locator("#default-role").selectOption("AUDITOR");
            page.locator("#invite-provisioned").uncheck();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();

            assertThat(page.locator("#notice")).hasText("Réglages de provisionnement enregistrés.");
            assertThat(page.locator("#default-role")).hasValue("AUDITOR");
            assertThat(page.locator("#invite-provisioned")).not().isChecked();
            Chromium.screenshot(page, "admin-roles-provisioning-fr");
            var settings = operator.get("/api/v1/companies/" + company + "/scim-settings");
            assertThat(settings.text("defaultRoleId")).isEqualTo("AUDITOR");
            assertThat(settings.json().get("inviteProvisioned").asBoolean()).isFalse();
        } finally {
            page.context().close();
        }

        Page managers = chromium.newPage("http://127.0.0.1:" + port, "en");
        try {
            Chromium.signIn(managers, userManager, PASSWORD);
            managers.navigate("/companies/" + company + "/roles");
            assertThat(managers.locator("#provisioning")).hasCount(0);
            assertThat(managers.locator("#nav-scim")).hasCount(0);
            var response = managers.navigate("/companies/" + company + "/scim-tokens");
            assertThat(response.status()).isEqualTo(403);
        } finally {
            managers.context().close();
        }
    }

    /** An ACTIVE internal user of the company with a password and these roles; answers its userId. */
    private String person(String company, String... roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(roles));
        var created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        return (String) body.get("userId");
    }
}
