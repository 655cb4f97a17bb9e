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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The console's administration pages in a real Chromium: workspaces and their rights and
 * invitations, roles, Plan &amp; billing and one's own profile, each with a screenshot.
 */
@IntegrationTest
class AdminPagesBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String PASSWORD = "admin-pages-test-password";

    Page page;

    @BeforeEach
    void freshPage() {
        page = chromium.newPage("http://127.0.0.1:" + port, "en");
    }

    @AfterEach
    void closePage() {
        page.context().close();
    }

    @Test
    void an_administrator_creates_a_workspace_invites_an_outside_email_and_changes_a_members_right() {
        String company = fixtures.company(10);
        Person admin = person(company, "ADMINISTRATOR");
        Person colleague = person(company, "MEMBER");
        Chromium.signIn(page, admin.userId(), PASSWORD);

        page.navigate("/companies/" + company + "/workspaces");
        assertThat(page.locator("h1")).hasText("Workspaces");
        page.getByLabel("Name of a new workspace").fill("Launch plan");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create").setExact(true)).click();

        assertThat(page.locator("h1")).hasText("Launch plan");
        assertThat(page.locator("#notice")).hasText("Workspace created. You are its ADMIN.");
        String workspace = page.url().substring(page.url().lastIndexOf('/') + 1);
        String members = "/api/v1/companies/" + company + "/workspaces/" + workspace + "/members";
        assertThat(admin.api().put(members + "/" + colleague.id(), Map.of("right", "WRITE")).status()).isEqualTo(201);

        String outsider = Fixtures.unique("outsider").toLowerCase() + "@partner.example";
        page.reload();
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(outsider);
        page.locator("#invite-right").selectOption("READ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();

        assertThat(page.locator("#notice")).hasText("Invitation sent to " + outsider + ".");
        assertThat(page.locator("#pending-invitations tbody tr")).hasCount(1);
        assertThat(page.locator("#pending-invitations tbody tr").first()).containsText(outsider);
        assertThat(page.locator("#pending-invitations tbody tr").first()).containsText("Read");

        page.getByLabel("Right of " + colleague.userId()).selectOption("READ");
        page.locator("#change-" + colleague.id()).click();

        assertThat(page.locator("#notice")).hasText("The right was changed.");
        assertThat(page.getByLabel("Right of " + colleague.userId())).hasValue("READ");
        assertThat(admin.api().get(members + "/" + colleague.id()).text("right")).isEqualTo("READ");
        Chromium.screenshot(page, "admin-workspace-en");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resend the invitation to " + outsider)).click();
        assertThat(page.locator("#notice")).hasText("A new link was sent; the previous one no longer works.");
        assertThat(page.locator("#pending-invitations tbody tr")).hasCount(1);
        page.locator("#pending-invitations summary").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the invitation")).click();
        assertThat(page.locator("#notice")).hasText("The invitation was revoked.");
        assertThat(page.locator("#pending-invitations")).hasCount(0);
        assertThat(page.locator("#invitations")).containsText("No pending invitation.");
        List<String> states = admin.api().get("/api/v1/companies/" + company + "/workspaces/" + workspace + "/invitations")
                .json().get("items").findValuesAsString("state");
        assertThat(states).containsExactlyInAnyOrder("REVOKED", "REPLACED");

        page.locator("#member-" + colleague.id() + " summary").click();
        page.locator("#remove-" + colleague.id()).click();
        assertThat(page.locator("#notice")).hasText("The member was removed from the workspace.");
        assertThat(page.locator("#member-" + colleague.id())).hasCount(0);
        assertThat(admin.api().get(members + "/" + colleague.id()).status()).isEqualTo(404);

        page.locator("#nav-workspaces").click();
        assertThat(page.locator("#workspaces")).containsText("Launch plan");
        Chromium.screenshot(page, "admin-workspaces-en");

        var unknown = page.navigate("/companies/" + company + "/workspaces/no-such-workspace");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Not found");
    }

    @Test
    void a_member_sees_only_its_workspaces_and_only_reads_the_rights_of_one_it_reads() {
        String company = fixtures.company(10);
        Person owner = person(company, "MEMBER");
        Person reader = person(company, "MEMBER");
        String shared = created(owner.api().post("/api/v1/companies/" + company + "/workspaces", Map.of("name", "Shared")));
        created(owner.api().post("/api/v1/companies/" + company + "/workspaces", Map.of("name", "Private")));
        assertThat(owner.api().put("/api/v1/companies/" + company + "/workspaces/" + shared + "/members/" + reader.id(),
                Map.of("right", "READ")).status()).isEqualTo(201);
        Chromium.signIn(page, reader.userId(), PASSWORD);

        page.locator("#lang-switch").click();
        // the page in French (its switch now offers English) before the next navigation, which the
        // switch's own would otherwise interrupt
        assertThat(page.locator("#lang-switch"))
                .hasAttribute("lang", "en");
        page.navigate("/companies/" + company + "/workspaces");
        assertThat(page.locator("h1")).hasText("Espaces de travail");
        assertThat(page.locator("#workspaces tbody tr")).hasCount(1);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Shared")).click();

        assertThat(page.locator("h1")).hasText("Shared");
        assertThat(page.locator("#member-" + reader.id())).containsText("Lecture");
        assertThat(page.locator("#members select")).hasCount(0);
        assertThat(page.locator("#invite")).hasCount(0);
        Chromium.screenshot(page, "admin-workspace-read-only-fr");
        var refused = page.navigate("/companies/" + company + "/roles/AUDITOR");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Accès refusé");
    }

    @Test
    void a_member_sees_no_plan_and_billing_entry_and_gets_the_403_page_on_its_url() {
        String company = fixtures.company(10);
        Person member = person(company, "MEMBER");
        Chromium.signIn(page, member.userId(), PASSWORD);

        assertThat(page.locator("#nav-billing")).hasCount(0);
        page.navigate("/companies/" + company + "/workspaces");
        assertThat(page.locator("#nav-workspaces")).isVisible();
        assertThat(page.locator("#nav-billing")).hasCount(0);

        var response = page.navigate("/companies/" + company + "/billing");

        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Access denied");
        assertThat(page.locator("main")).not().containsText("Licenses");
        Chromium.screenshot(page, "admin-billing-403-en");
    }

    @Test
    void a_billing_manager_raises_the_licenses_and_is_refused_below_the_number_in_use() {
        String company = fixtures.company(3);
        Person manager = person(company, "BILLING_MANAGER");
        person(company, "MEMBER");
        Chromium.signIn(page, manager.userId(), PASSWORD);

        page.locator("#nav-billing").click();
        assertThat(page.locator("h1")).hasText("Plan & billing");
        assertThat(page.locator("#nav-billing")).isVisible();
        assertThat(page.locator("#licenses-used")).hasText("2");
        assertThat(page.locator("#licenses-purchased")).hasText("3");

        page.getByLabel("Licenses purchased").fill("12");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#notice")).hasText("The company now has 12 licenses.");
        assertThat(page.locator("#licenses-purchased")).hasText("12");
        assertThat(page.locator("#licenses-free")).hasText("10");
        Chromium.screenshot(page, "admin-billing-en");

        page.getByLabel("Licenses purchased").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#error")).containsText("2 licenses are in use");
        assertThat(page.locator("#licenses-purchased")).hasText("12");
        assertThat(operator.get("/api/v1/companies/" + company).json().get("licensesPurchased").asInt()).isEqualTo(12);
        Chromium.screenshot(page, "admin-billing-refused-en");

        page.locator("#lang-switch").click();
        assertThat(page.locator("h1")).hasText("Plan et facturation");
        page.getByLabel("Licences achetées").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enregistrer")).click();
        assertThat(page.locator("#error")).containsText("2 licences sont utilisées");
        Chromium.screenshot(page, "admin-billing-refused-fr");
    }

    @Test
    void an_administrator_creates_a_custom_role_and_edits_its_permissions() {
        String company = fixtures.company(10);
        Person admin = person(company, "ADMINISTRATOR");
        Chromium.signIn(page, admin.userId(), PASSWORD);
        page.navigate("/companies/" + company + "/workspaces");
        page.locator("#nav-roles").click();

        assertThat(page.locator("h1")).hasText("Roles");
        assertThat(page.locator("#role-AUDITOR")).containsText("Read the audit log");
        assertThat(page.locator("#role-AUDITOR a")).hasCount(0);
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Helpdesk");
        page.getByLabel("See users").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the role")).click();

        assertThat(page.locator("#notice")).hasText("Role Helpdesk created.");
        Chromium.screenshot(page, "admin-roles-en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the role Helpdesk")).click();
        assertThat(page.locator("h1")).hasText("Edit the role");
        assertThat(page.getByLabel("See users")).isChecked();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Support desk");
        page.getByLabel("See users").uncheck();
        page.getByLabel("Read the audit log").check();
        page.getByLabel("See every workspace").check();
        Chromium.screenshot(page, "admin-role-edit-en");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the role")).click();

        assertThat(page.locator("#notice")).hasText("Role Support desk saved.");
        JsonNode role = customRole(admin.api(), company);
        assertThat(role.get("name").asString()).isEqualTo("Support desk");
        assertThat(strings(role.get("permissions"))).containsExactly("audit.read", "workspaces.read");
        assertThat(page.locator("#role-" + role.get("id").asString())).containsText("Read the audit log");
        assertThat(page.locator("#role-" + role.get("id").asString())).not().containsText("See users");
    }

    @Test
    void a_person_changes_their_password_then_their_preferences_and_language() {
        String company = fixtures.company(10);
        Person person = person(company, "MEMBER");
        String newPassword = "a new password for the profile test";
        Chromium.signIn(page, person.userId(), PASSWORD);
        page.locator("#nav-profile").click();
        assertThat(page.locator("h1")).hasText("My profile");
        Chromium.screenshot(page, "admin-profile-en");

        changePassword("not the current password", newPassword);
        assertThat(page.locator("#error")).hasText("Your current password is not the one you typed.");
        changePassword(PASSWORD, newPassword);
        assertThat(page.locator("#notice")).containsText("Your password was changed.");

        page.locator("#sign-out").click();
        page.waitForURL(url -> url.contains("/login"));
        page.getByLabel("Email or user ID").fill(person.userId());
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        assertThat(page.locator("body")).containsText("Wrong email, user ID or password.");
        Chromium.signIn(page, person.userId(), newPassword);

        page.navigate("/profile");
        page.getByLabel("First name").fill("Juliette");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my name")).click();
        assertThat(page.locator("#notice")).hasText("Your name was saved.");
        assertThat(page.getByLabel("First name")).hasValue("Juliette");
        page.getByLabel("First name").fill(" ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my name")).click();
        assertThat(page.locator("#error")).hasText("Enter your first name (at most 255 characters).");

        page.getByLabel("By email").uncheck();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my notifications")).click();
        assertThat(page.locator("#notice")).hasText("Your notification settings were saved.");
        assertThat(page.getByLabel("By email")).not().isChecked();
        assertThat(page.getByLabel("In the console (the bell)")).isChecked();

        page.getByLabel("Language of the console and of your mails").selectOption("fr");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the language")).click();
        assertThat(page.locator("h1")).hasText("Mon profil");
        assertThat(page.locator("#notice")).hasText("Votre langue a été enregistrée.");
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        Chromium.screenshot(page, "admin-profile-fr");

        Api signedIn = Api.at(port).signIn(person.userId(), newPassword);
        assertThat(signedIn.get("/api/v1/me").json().get("account").get("firstName").asString()).isEqualTo("Juliette");
        JsonNode preferences = signedIn.get("/api/v1/me/preferences").json();
        assertThat(preferences.get("locale").asString()).isEqualTo("fr");
        assertThat(preferences.get("notifications").get("email").asBoolean()).isFalse();
        assertThat(preferences.get("notifications").get("inApp").asBoolean()).isTrue();

        JsonNode renamed = operator.get("/api/v1/companies/" + company + "/audit?action=user.names_changed").json()
                .get("items");
        assertThat(renamed).hasSize(1);
        assertThat(renamed.get(0).get("actorAccountId").asString()).isEqualTo(person.id());
        assertThat(renamed.get(0).get("after").get("firstName").asString()).isEqualTo("Juliette");
        assertThat(renamed.get(0).get("after").has("lastName")).isFalse();
    }

    private void changePassword(String current, String next) {
        page.locator("#current-password").fill(current);
        page.locator("#new-password").fill(next);
        page.locator("#confirm-password").fill(next);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change my password")).click();
    }

    record Person(String id, String userId, Api api) {
    }

    /** An ACTIVE internal user of the company with a password and these roles, signed in to the API. */
    private Person person(String company, String... roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(roles));
        var created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        String userId = (String) body.get("userId");
        return new Person(created.text("id"), userId, Api.at(port).signIn(userId, PASSWORD));
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("id");
    }

    private static JsonNode customRole(Api api, String company) {
        for (JsonNode role : api.get("/api/v1/companies/" + company + "/roles").json().get("items")) {
            if (!role.get("builtIn").asBoolean()) {
                return role;
            }
        }
        throw new AssertionError("no custom role in " + company);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
