package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.roster.support.Api;
import io.roster.support.Axe;
import io.roster.support.Screens;
import io.roster.support.Browser;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The partner space in a real Chromium (docs/rules.md §6, §7, §17; seed 004): partner staff made through
 * the API sign in through the console form and manage the users of their client companies.
 */
@IntegrationTest
class PartnerSpaceBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String PASSWORD = "partner-staff-password-1";

    @Autowired
    JdbcClient jdbc;

    String partnerId;
    String partnerName;
    String admin;
    String manager;
    Page page;

    @BeforeAll
    void setUp() {
        partnerId = fixtures.partner();
        partnerName = operator.get("/api/v1/partners/" + partnerId).text("name");
        admin = member("PARTNER_ADMIN");
        manager = member("PARTNER_USER_MANAGER");
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
            page = null;
        }
    }

    @Test
    void a_partner_user_manager_creates_a_user_in_a_client_company_with_a_role_and_invites_them() {
        String company = fixtures.companyOf(partnerId, 5);
        String companyName = companyName(company);
        page = signedIn(manager, "en");

        page.locator("nav.side").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName(partnerName)).click();
        assertThat(page.locator("h1")).hasText(partnerName);
        assertThat(page.locator("#company-" + company)).containsText("0 of 5 in use");
        Chromium.screenshot(page, "partner-home-en");

        page.locator("#tab-users").click();
        page.locator("#new-user").click();
        chooseCompanyThenRole(page, "#new-company", company, "#new-role", "USER_MANAGER");
        String userId = Fixtures.unique("pu").toLowerCase();
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(userId + "@client.example");
        page.getByLabel("First name").fill("Paula");
        page.getByLabel("Last name").fill("Durand");
        page.getByLabel("User ID").fill(userId);
        assertThat(page.locator("#new-status-active")).isChecked();
        Chromium.screenshot(page, "partner-new-user-en");
        page.locator("#new-user-submit").click();

        assertThat(page.locator("#flash")).containsText(userId + " is created in " + companyName);
        assertThat(page.locator("#profile-status")).hasText("Active");
        assertThat(page.locator("#profile-validation")).hasText("OK");
        assertThat(page.locator("#roles")).containsText("User manager");
        assertThat(page.locator("#roles")).containsText(companyName);
        // activation without a password mailed the setup link by itself
        assertThat(setupMails(userId + "@client.example")).isEqualTo(1);

        page.locator("#profile-invite").click();
        assertThat(page.locator("#flash")).containsText("Invitation sent.");
        assertThat(page.locator("#invitation-state")).containsText("valid until");
        Chromium.screenshot(page, "partner-user-profile-en");
        assertThat(setupMails(userId + "@client.example")).isEqualTo(2);
        Api.Response listed = operator.get("/api/v1/companies/" + company + "/users?q=" + userId);
        assertThat(listed.json().get("items").get(0).get("roles").toString()).contains("USER_MANAGER");
    }

    @Test
    void the_license_shortage_shows_in_the_validation_result_and_activating_from_the_row_shows_the_result_at_once() {
        String company = fixtures.companyOf(partnerId, 1);
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        page = signedIn(manager, "en");

        page.navigate("/partners/" + partnerId + "/users/new?companyId=" + company);
        String userId = fillNewUser(page);
        page.locator("#new-user-submit").click();

        String shortage = "No license available: 1 of 1 in use";
        assertThat(page.locator("#profile-status")).hasText("Draft");
        assertThat(page.locator("#profile-validation")).hasText(shortage);
        assertThat(page.locator("#flash")).containsText(shortage);

        page.navigate("/partners/" + partnerId + "/users?companyId=" + company);
        var row = page.locator("#users-table tbody tr", new Page.LocatorOptions().setHasText(userId));
        assertThat(row.locator("td.validation")).hasText(shortage);
        Chromium.screenshot(page, "partner-users-en");

        operator.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 2));
        row.locator("summary").click();
        row.locator("button.activate").click();
        // the company table's behaviour: the row answers in place
        var activated = page.locator("#users-table tbody tr", new Page.LocatorOptions().setHasText(userId));
        assertThat(activated.locator("td.validation")).hasText("OK");
        assertThat(activated.locator(".status")).hasText("Active");
        assertThat(page).hasURL(Pattern.compile(".*/partners/" + partnerId + "/users\\?companyId=" + company + "$"));
    }

    @Test
    void an_active_user_offers_no_delete_deactivate_asks_first_and_delete_for_good_is_readable() {
        String company = fixtures.companyOf(partnerId, 3);
        String userId = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("userId");
        page = signedIn(manager, "en");

        page.navigate("/partners/" + partnerId + "/users");
        page.locator("#filter-q").fill(userId); // the list filters as one types, and the address follows
        assertThat(page).hasURL(Pattern.compile(".*/users\\?q=" + userId + "$"));
        assertThat(page.locator("#users-table tbody tr.user-row")).hasCount(1);
        var row = page.locator("#users-table tbody tr", new Page.LocatorOptions().setHasText(userId));
        row.locator("summary").click();
        assertThat(row.locator("button.delete")).hasCount(0);
        assertThat(row.locator(".delete-blocked")).hasText("Deactivate first to delete");

        java.util.List<String> asked = new java.util.ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.accept();
        });
        row.locator("button.deactivate").click();
        var inactive = page.locator("#users-table tbody tr", new Page.LocatorOptions().setHasText(userId));
        assertThat(inactive.locator(".status")).hasText("Inactive");
        org.assertj.core.api.Assertions.assertThat(asked).singleElement().asString().startsWith("Deactivate " + userId + "?");

        inactive.locator("summary").click();
        String colors = (String) inactive.locator("button.delete").evaluate(
                "b => getComputedStyle(b).color + '|' + getComputedStyle(b).backgroundColor");
        org.assertj.core.api.Assertions.assertThat(colors.split("\\|")[0]).as("label against its background: " + colors)
                .isNotEqualTo(colors.split("\\|")[1]);
        Chromium.screenshot(page, "partner-delete-en");
        asked.clear();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.accept();
        });
        inactive.locator("button.delete").click();
        assertThat(page.locator("#users-table .deleted-row")).hasText(userId + " was deleted.");
        org.assertj.core.api.Assertions.assertThat(asked).singleElement().asString().startsWith("Delete " + userId);
        assertThat(operator.get("/api/v1/companies/" + company + "/users?q=" + userId).json().get("items").size())
                .isZero();
    }

    @Test
    void a_partner_user_manager_is_offered_no_action_on_a_row_it_may_not_change_in_english_and_french() {
        // docs/rules.md §6: the company's administrator holds permissions a partner user manager lacks
        String company = fixtures.companyOf(partnerId, 3);
        String tag = Fixtures.unique("rk").toLowerCase();
        String boss = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("ACTIVE"), "userId", tag + "boss",
                "email", tag + "boss@client.example", "roles", List.of("ADMINISTRATOR"))).text("id");
        String plain = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("ACTIVE"), "userId", tag + "plain",
                "email", tag + "plain@client.example", "roles", List.of("MEMBER"))).text("id");
        for (String language : List.of("en", "fr")) {
            boolean en = language.equals("en");
            page = signedIn(manager, language);
            page.navigate("/partners/" + partnerId + "/users?q=" + tag);
            assertThat(page.locator("#new-user")).hasText(en ? "New user" : "Nouvel utilisateur");
            var bossRow = page.locator("#row-" + boss);
            var plainRow = page.locator("#row-" + plain);
            bossRow.locator("summary").click();
            assertThat(bossRow.locator(".action-open")).hasText(en ? "Open" : "Ouvrir");
            assertThat(bossRow.locator("form, .delete-blocked, .cell-edit")).hasCount(0);
            plainRow.locator("summary").click();
            assertThat(plainRow.locator(".action-open")).hasText(en ? "Open and edit" : "Ouvrir et modifier");
            assertThat(plainRow.locator("button.deactivate")).hasCount(1);
            assertThat(plainRow.locator(".cell-edit")).not().hasCount(0);
            Screens.capture(page, "partner-users-outranked-" + language);

            // the server would refuse it (docs/rules.md §6), so the person's page offers no change either
            page.navigate("/partners/" + partnerId + "/companies/" + company + "/users/" + boss);
            assertThat(page.locator("#profile-status")).hasText(en ? "Active" : "Actif");
            assertThat(page.locator("#user-manage")).hasCount(0);
            page.navigate("/partners/" + partnerId + "/companies/" + company + "/users/" + plain);
            assertThat(page.locator("#user-manage")).hasCount(1);
            page.context().close();
            page = null;
        }
        Browser http = new Browser(port);
        http.signIn(manager, PASSWORD);
        http.get("/partners/" + partnerId + "/users?q=" + tag);
        http.post("/companies/" + company + "/users/" + boss + "/deactivate",
                Map.of("partnerId", partnerId, "back", "/partners/" + partnerId + "/users"));
        assertThat(operator.get("/api/v1/companies/" + company + "/users/" + boss).text("status")).isEqualTo("ACTIVE");
    }

    @Test
    void a_person_of_one_client_company_is_given_a_role_in_another_then_edited_and_the_role_removed() {
        String home = fixtures.companyOf(partnerId, 3);
        String other = fixtures.companyOf(partnerId, 3);
        String otherName = companyName(other);
        Api.Response created = fixtures.createUser(home, Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("MEMBER")));
        String userId = created.text("userId");
        page = signedIn(manager, "en");

        page.navigate("/partners/" + partnerId + "/companies/" + home + "/users/" + created.text("id"));
        // a user manager cannot hand out more than its own permissions
        assertThat(page.locator("#role-id option[value=ADMINISTRATOR]")).hasCount(0);
        chooseCompanyThenRole(page, "#role-company", other, "#role-id", "USER_MANAGER");
        page.locator("#new-role-submit").click();
        assertThat(page.locator("#flash")).containsText("User manager given to " + userId + " in " + otherName);
        var otherRole = page.locator("#roles tbody tr", new Page.LocatorOptions().setHasText(otherName));
        assertThat(otherRole).containsText("external there");
        assertThat(externalsOf(other)).contains(userId);

        page.locator("#edit-details summary").click();
        page.locator("#edit-lastName").fill("Moreau");
        page.locator("#edit-save").click();
        assertThat(page.locator("#flash")).containsText("The changes are saved.");
        assertThat(page.locator("#profile-facts")).containsText("Jeanne Moreau");

        otherRole.locator("button.remove-role").click();
        assertThat(page.locator("#flash")).containsText("The role of " + userId + " in " + otherName + " is removed.");
        assertThat(page.locator("#roles")).not().containsText(otherName);
        assertThat(externalsOf(other)).doesNotContain(userId);
    }

    @Test
    void a_partner_user_manager_does_not_see_the_create_company_form_and_gets_403_on_an_administrator_page() {
        page = signedIn(manager, "en");
        page.navigate("/partners/" + partnerId);
        assertThat(page.locator("h1")).hasText(partnerName);
        assertThat(page.locator("#create-company")).hasCount(0);
        assertThat(page.locator("form.licenses-form")).hasCount(0);
        assertThat(page.locator("#add-member")).hasCount(0);

        Response refused = page.navigate("/partners/" + partnerId + "/members/new");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Access denied");

        // the server refuses the forms too, not only the page that hides them
        Browser http = new Browser(port);
        http.signIn(manager, PASSWORD);
        http.get("/partners/" + partnerId);
        assertThat(http.post("/partners/" + partnerId + "/companies",
                Map.of("name", "Sneaky", "slug", Fixtures.unique("sneaky"), "licensesPurchased", "3")).status())
                .isEqualTo(403);
        String company = fixtures.companyOf(partnerId, 2);
        assertThat(http.post("/partners/" + partnerId + "/companies/" + company + "/licenses",
                Map.of("licensesPurchased", "50")).status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/companies/" + company).json().get("licensesPurchased").asInt()).isEqualTo(2);
    }

    @Test
    void a_company_administrator_never_reaches_the_partner_space() {
        String company = fixtures.companyOf(partnerId, 3);
        Api.Response companyAdmin = fixtures.createUser(company, Fixtures.with(
                Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of("ADMINISTRATOR")));
        page = signedIn(companyAdmin.text("userId"), "en");

        assertThat(page.locator("nav.side")).not().containsText(partnerName);
        for (String path : List.of("/partners/" + partnerId, "/partners/" + partnerId + "/users",
                "/partners/" + partnerId + "/members",
                "/partners/" + partnerId + "/companies/" + company + "/users/" + companyAdmin.text("id"))) {
            Response response = page.navigate(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(page.locator("h1")).hasText("Not found");
        }
        Chromium.screenshot(page, "partner-404-for-company-admin-en");
    }

    @Test
    void a_partner_administrator_opens_a_company_changes_its_licenses_and_manages_members() {
        page = signedIn(admin, "en");
        page.navigate("/partners/" + partnerId);
        String name = Fixtures.unique("Acme"); // sorts before the other tests' "Client-…" companies: on page one
        page.locator("#company-name").fill(name);
        page.locator("#company-slug").fill(Fixtures.unique("opened").toLowerCase());
        page.locator("#company-licenses").fill("3");
        page.locator("#create-company-submit").click();
        assertThat(page.locator("#flash")).containsText("The company " + name + " is created");
        var row = page.locator("#companies tbody tr", new Page.LocatorOptions().setHasText(name));
        assertThat(row).containsText("0 of 3 in use");

        row.locator("input[name=licensesPurchased]").fill("4");
        row.getByRole(AriaRole.BUTTON).click();
        assertThat(page.locator("#flash")).containsText(name + " now has 4 licenses.");
        assertThat(page.locator("#companies tbody tr", new Page.LocatorOptions().setHasText(name)))
                .containsText("0 of 4 in use");
        Chromium.screenshot(page, "partner-home-admin-en");

        page.locator("#tab-members").click();
        page.locator("#add-member").click();
        String newcomer = Fixtures.unique("staff").toLowerCase();
        page.locator("#member-user-id").fill(newcomer);
        page.locator("#member-first-name").fill("Nina");
        page.locator("#member-last-name").fill("Petit");
        page.locator("#member-email").fill(newcomer + "@partner.example");
        page.locator("#member-password").fill(PASSWORD);
        page.locator("#member-submit").click();
        assertThat(page.locator("#flash")).containsText(newcomer + " is a member, as Partner user manager.");
        Chromium.screenshot(page, "partner-members-en");

        page.locator("#members tbody tr", new Page.LocatorOptions().setHasText(newcomer)).getByRole(AriaRole.LINK).click();
        page.locator("#confirm-remove").click();
        assertThat(page.locator("#flash")).containsText(newcomer + " is removed from the partner space.");
        assertThat(page.locator("#members")).not().containsText(newcomer);
    }

    @Test
    void the_partner_screens_speak_french() {
        String company = fixtures.companyOf(partnerId, 1);
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        page = signedIn(manager, "fr");

        page.navigate("/partners/" + partnerId);
        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("#companies-heading")).hasText("Entreprises clientes");
        assertThat(page.locator("#company-" + company)).containsText("1 sur 1 utilisées");
        Chromium.screenshot(page, "partner-home-fr");

        page.navigate("/partners/" + partnerId + "/users/new?companyId=" + company);
        assertThat(page.locator("h1")).hasText("Nouvel utilisateur");
        assertThat(page.locator("#new-role option[value=MEMBER]")).hasText("Membre");
        String userId = Fixtures.unique("fr").toLowerCase();
        page.getByLabel("E-mail", new Page.GetByLabelOptions().setExact(true)).fill(userId + "@client.example");
        page.getByLabel("Prénom").fill("Zoé");
        page.getByLabel("Nom", new Page.GetByLabelOptions().setExact(true)).fill("Lefèvre");
        page.getByLabel("Identifiant").fill(userId);
        Chromium.screenshot(page, "partner-new-user-fr");
        page.locator("#new-user-submit").click();

        String shortage = "Aucune licence disponible : 1 sur 1 utilisées";
        assertThat(page.locator("#profile-status")).hasText("Brouillon");
        assertThat(page.locator("#profile-validation")).hasText(shortage);
        // the amber notice: the reason, and, for a user manager who cannot open Plan & billing, whom to ask
        assertThat(page.locator("#draft-notice")).containsText(userId + " est enregistré comme brouillon");
        assertThat(page.locator("#draft-notice li")).hasText(new String[] {shortage});
        assertThat(page.locator("#draft-notice-ask"))
                .hasText("Demandez à un administrateur de l'entreprise d'ajouter des licences.");
        assertThat(page.locator("#draft-notice-billing")).hasCount(0);
        Chromium.screenshot(page, "partner-user-profile-fr");

        page.navigate("/partners/" + partnerId + "/users?companyId=" + company);
        assertThat(page.locator("#users-heading")).hasText("Utilisateurs des entreprises clientes");
        var row = page.locator("#users-table tbody tr", new Page.LocatorOptions().setHasText(userId));
        assertThat(row.locator(".status")).hasText("Brouillon");
        assertThat(row.locator("td.validation")).hasText(shortage);
        Chromium.screenshot(page, "partner-users-fr");
    }

    @Test
    void the_partner_users_table_is_the_company_one_with_paging_a_count_and_cards_on_a_phone_without_axe_violations() {
        String company = fixtures.companyOf(partnerId, 3);
        String tag = Fixtures.unique("tw").toLowerCase();
        for (int i = 0; i < 3; i++) {
            fixtures.createUser(company, Map.of("userId", tag + i, "firstName", "Zoé", "lastName", "Lefèvre", "email",
                    tag + i + "@client.example"));
        }
        String id = fixtures.createUser(company, Map.of("userId", tag + "x", "email", tag + "x@client.example",
                "firstName", "Xavier", "lastName", "Lefèvre")).text("id");
        for (String language : List.of("en", "fr")) {
            boolean en = language.equals("en");
            page = signedIn(manager, language);
            page.navigate("/partners/" + partnerId + "/users?q=" + tag);
            assertThat(page.locator("#page-range")).hasText(en ? "Rows 1–4 of 4" : "Lignes 1 à 4 sur 4");
            assertThat(page.locator("#users-table thead")).containsText(en ? "Company" : "Société");
            page.locator("#users-table thead th[aria-sort] a").first().click(); // userId, descending
            assertThat(page.locator("#users-table tbody tr.user-row").first()).containsText(tag + "x");
            assertThat(page.locator("#users-table thead th").first()).hasAttribute("aria-sort", "descending");
            Axe.check(page);
            Screens.capture(page, "partner-users-table-" + language);

            page.setViewportSize(Screens.PHONE_WIDTH, Screens.PHONE_HEIGHT);
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                    .isLessThanOrEqualTo(Screens.PHONE_WIDTH);
            assertThat(page.locator("#users-table tbody tr.user-row").first().evaluate("row => getComputedStyle(row).display"))
                    .isEqualTo("block");
            // the header row is hidden on a phone: the sorts are links above the cards
            page.locator(".phone-sort a[data-sort=email]").click();
            assertThat(page).hasURL(Pattern.compile(".*[?&]sort=email$"));
            assertThat(page.locator(".phone-sort a[data-sort=email]")).hasAttribute("aria-current", "true");
            assertThat(page.locator(".phone-sort")).containsText(en ? "Sort by" : "Trier par");
            page.setViewportSize(Screens.LAPTOP_WIDTH, Screens.LAPTOP_HEIGHT);
            assertThat(page.locator(".phone-sort")).isHidden();

            // an inline edit in the partner space, as in the company table
            var row = page.locator("#users-table tbody tr", new Page.LocatorOptions().setHasText(tag + "0"));
            row.locator(".value-firstName button").click();
            htmxReady(row.locator(".value-firstName form.cell-editor"));
            row.locator(".value-firstName input[name=value]").fill("Zoé-" + language);
            row.locator(".value-firstName button[type=submit]").click();
            var edited = page.locator("#users-table tbody tr", new Page.LocatorOptions().setHasText(tag + "0"));
            assertThat(edited.locator(".value-firstName")).containsText("Zoé-" + language);
            assertThat(edited.locator("td.company")).hasText(companyName(company));

            page.navigate("/partners/" + partnerId + "/companies/" + company + "/users/" + id);
            assertThat(page.locator("#profile-activate")).hasText(en ? "Activate" : "Activer");
            Axe.check(page);
            Screens.capture(page, "partner-user-page-" + language);
            page.navigate("/partners/" + partnerId + "/users/new?companyId=" + company);
            Axe.check(page);
            Screens.capture(page, "partner-new-user-" + language);
            page.context().close();
            page = null;
        }
    }

    @Test
    void the_company_picker_lists_a_short_list_and_finds_a_company_by_the_start_of_its_name_in_english_and_french() {
        String tag = Fixtures.unique("pk").toLowerCase();
        String alpha = operator.post("/api/v1/companies", Map.of("name", "Picker " + tag + " Alpha", "slug", tag + "-a",
                "licensesPurchased", 3, "partnerId", partnerId)).text("id");
        String beta = operator.post("/api/v1/companies", Map.of("name", "Picker " + tag + " Beta", "slug", tag + "-b",
                "licensesPurchased", 3, "partnerId", partnerId)).text("id");
        String alphaUser = fixtures.createUser(alpha, Fixtures.with(Fixtures.validUser("ACTIVE"), "userId", tag + "-alpha",
                "roles", List.of("MEMBER"))).text("id");
        String betaUser = fixtures.createUser(beta, Fixtures.with(Fixtures.validUser("ACTIVE"), "userId", tag + "-beta",
                "roles", List.of("MEMBER"))).text("id");
        for (String language : List.of("en", "fr")) {
            boolean en = language.equals("en");
            page = signedIn(manager, language);
            page.navigate("/partners/" + partnerId + "/users");
            assertThat(page.locator("label[for=filter-company-q]")).hasText(en ? "Find a company" : "Trouver une entreprise");
            // a short list, whatever the number of companies: "All companies" and 20 at most
            assertThat(page.locator("#filter-company option").count()).isLessThanOrEqualTo(PartnerSpace.PICKER + 1);

            page.locator("#filter-company-q").fill("PICKER " + tag.toUpperCase() + " b");
            assertThat(page.locator("#filter-company option")).hasCount(2);
            assertThat(page.locator("#filter-company option").nth(1)).hasText("Picker " + tag + " Beta");
            page.locator("#filter-company").selectOption(beta);
            assertThat(page.locator("#row-" + betaUser)).hasCount(1);
            assertThat(page.locator("#row-" + alphaUser)).hasCount(0);
            assertThat(page).hasURL(Pattern.compile(".*[?&]companyId=" + beta + ".*"));
            Axe.check(page);

            // the filtered company stays in the list when a search finds others
            page.locator("#filter-company-q").fill("picker " + tag + " a");
            assertThat(page.locator("#filter-company option")).hasCount(3);
            assertThat(page.locator("#filter-company")).hasValue(beta);
            page.context().close();
            page = null;
        }
        // without JavaScript the search goes with the form: the page lists the matching companies
        Browser http = new Browser(port);
        http.signIn(manager, PASSWORD);
        String html = http.get("/partners/" + partnerId + "/users?companyQ=picker+" + tag + "+a").html();
        var select = Pattern.compile("<select id=\"filter-company\"[\\s\\S]*?</select>").matcher(html);
        assertThat(select.find()).isTrue();
        assertThat(select.group()).contains("Picker " + tag + " Alpha").doesNotContain("Picker " + tag + " Beta");
        String options = http.get("/partners/" + partnerId + "/users/company-options?companyQ=picker+" + tag
                + "+a&companyId=" + alpha).html();
        assertThat(options).contains("value=\"" + alpha + "\"").contains("selected").doesNotContain(beta);
    }

    // --- helpers

    private String member(String role) {
        String userId = Fixtures.unique(role.equals("PARTNER_ADMIN") ? "padmin" : "pmanager").toLowerCase();
        Api.Response response = operator.post("/api/v1/partners/" + partnerId + "/members", Map.of("userId", userId,
                "firstName", "Pat", "lastName", "Ner", "email", userId + "@partner.example", "password", PASSWORD,
                "emailVerified", true, "role", role));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return userId;
    }

    private Page signedIn(String login, String language) {
        Page fresh = chromium.newPage("http://127.0.0.1:" + port, language);
        Chromium.signIn(fresh, login, PASSWORD);
        // the saved language of the account drives the console: switch in the session to the one asked for
        String landed = fresh.url();
        fresh.navigate(landed + (landed.contains("?") ? "&" : "?") + "lang=" + language);
        return fresh;
    }

    private String companyName(String companyId) {
        return operator.get("/api/v1/companies/" + companyId).text("name");
    }

    /** Fills the new-user form with a complete person; returns the user ID. */
    private static String fillNewUser(Page page) {
        String userId = Fixtures.unique("pu").toLowerCase();
        page.locator("#new-email").fill(userId + "@client.example");
        page.locator("#new-first-name").fill("Paula");
        page.locator("#new-last-name").fill("Durand");
        page.locator("#new-user-id").fill(userId);
        return userId;
    }

    /**
     * Picks a company, waits for htmx to swap in that company's roles (the old options leave the
     * page), then picks the role.
     */
    private static void chooseCompanyThenRole(Page page, String companySelect, String companyId, String roleSelect,
            String roleId) {
        if (!companyId.equals(page.locator(companySelect).inputValue())) {
            var before = page.locator(roleSelect + " option").first().elementHandle();
            page.locator(companySelect).selectOption(companyId);
            page.waitForFunction("option => !option.isConnected", before);
        }
        page.locator(roleSelect).selectOption(roleId);
    }

    private int setupMails(String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND kind = 'ACCOUNT_SETUP'")
                .param(recipient).query(Integer.class).single();
    }

    private List<String> externalsOf(String companyId) {
        List<String> userIds = new java.util.ArrayList<>();
        operator.get("/api/v1/companies/" + companyId + "/users?external=true").json().get("items")
                .forEach(item -> userIds.add(item.get("userId").asString()));
        return userIds;
    }
}
