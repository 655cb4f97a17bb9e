package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.roster.support.Api;
import io.roster.support.Axe;
import io.roster.support.Screens;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The company Users table of seed 000 in a real Chromium: create, activate (OK or the license
 * shortage), inline edit, deactivate and delete, the menu by permission, in English and French.
 */
@IntegrationTest
class UsersConsoleBrowserIntegrationTests extends ConsoleBrowserTest {

    private static final String PASSWORD = "an administrator password";

    String company;
    String adminEmail;

    @BeforeEach
    void aCompanyWithAnAdministrator() {
        company = fixtures.company(3);
        Map<String, Object> admin = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles",
                List.of("ADMINISTRATOR"));
        adminEmail = admin.get("email").toString();
        fixtures.createUser(company, admin);
    }

    @Test
    void an_administrator_creates_a_user_activates_it_and_sees_ok() {
        Page page = signedIn("en");
        page.locator("#nav-users").click();
        assertThat(page.locator("h1")).hasText("Users");
        page.locator("#new-user").click();
        String handle = Fixtures.unique("ana").toLowerCase();
        fillNewUser(page, handle, "Ana", "Lopez", handle + "@example.com", "ACTIVE");
        page.locator("#new-role").selectOption("MEMBER");
        Chromium.screenshot(page, "new-user-en");
        page.locator("#new-user-submit").click();

        assertThat(page.locator("#flash")).containsText(handle + " is created in ");
        assertThat(page.locator("#profile-validation")).hasText("OK");
        assertThat(page.locator("#profile-status")).hasText("Active");
        assertThat(page.locator("#roles")).containsText("Member");
        assertThat(page.locator("#invitation-state")).containsText("Pending");
        Chromium.screenshot(page, "user-profile-en");

        // the Roles section is the partner space's: a table of company and role, and "New role"
        page.locator("#role-id").selectOption("USER_MANAGER");
        page.locator("#new-role-submit").click();
        var granted = page.locator("#roles tbody tr", new Page.LocatorOptions().setHasText("User manager"));
        assertThat(granted).hasCount(1);
        granted.locator("button.remove-role").click();
        assertThat(page.locator("#roles tbody tr")).hasCount(1);
        assertThat(page.locator("#roles")).not().containsText("User manager");

        page.navigate("/companies/" + company + "/users?q=" + handle);
        assertThat(row(page, handle).locator(".validation")).containsText("OK");
        Chromium.screenshot(page, "users-table-en");
    }

    @Test
    void the_license_shortage_shows_in_the_validation_result() {
        // 3 licenses: the administrator holds one, two more go, the third new user stays a draft
        for (int i = 0; i < 2; i++) {
            fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        }
        Page page = signedIn("en");
        page.navigate("/companies/" + company + "/users/new");
        String handle = Fixtures.unique("late").toLowerCase();
        fillNewUser(page, handle, "Late", "Comer", handle + "@example.com", "ACTIVE");
        page.locator("#new-user-submit").click();

        assertThat(page.locator("#profile-validation"))
                .hasText("No license available: 3 of 3 in use");
        assertThat(page.locator("#profile-status")).hasText("Draft");
    }

    @Test
    void a_draft_is_activated_from_its_row_and_the_reason_shows_at_once() {
        String handle = Fixtures.unique("bad").toLowerCase();
        fixtures.createUser(company, Map.of("userId", handle, "firstName", "Bad", "lastName", "Mail", "email", "not-an-email"));
        Page page = signedIn("en");
        page.navigate("/companies/" + company + "/users?q=" + handle);

        act(page, handle, "activate");
        assertThat(row(page, handle).locator(".validation")).containsText("Email is invalid");
        assertThat(row(page, handle).locator(".status")).containsText("Draft");
    }

    @Test
    void a_cell_is_edited_inline_and_immutable_cells_are_not() {
        Map<String, Object> active = Fixtures.validUser("ACTIVE");
        String handle = active.get("userId").toString();
        fixtures.createUser(company, active);
        Page page = signedIn("en");
        page.navigate("/companies/" + company + "/users?q=" + handle);

        Locator row = row(page, handle);
        assertThat(row.locator(".cell-userId button")).hasCount(0);
        row.locator(".value-firstName button").click();
        htmxReady(row.locator(".value-firstName form.cell-editor"));
        row.locator(".value-firstName input[name=value]").fill("Juliette");
        row.locator(".value-firstName button[type=submit]").click();
        assertThat(row(page, handle).locator(".value-firstName")).containsText("Juliette");
        assertThat(row(page, handle).locator(".value-firstName button")).isFocused();
    }

    @Test
    void an_active_row_offers_no_delete_deactivate_asks_first_and_a_deletion_says_so() {
        Map<String, Object> active = Fixtures.validUser("ACTIVE");
        String handle = active.get("userId").toString();
        fixtures.createUser(company, active);
        Page page = signedIn("en");
        page.navigate("/companies/" + company + "/users?q=" + handle);

        row(page, handle).locator("summary").click();
        assertThat(row(page, handle).locator("button.delete")).hasCount(0);
        assertThat(row(page, handle).locator(".delete-blocked")).hasText("Deactivate first to delete");
        Chromium.screenshot(page, "users-row-menu-en");

        List<String> asked = new java.util.ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.dismiss();
        });
        row(page, handle).locator("button.deactivate").click();
        assertThat(asked).singleElement().asString().startsWith("Deactivate " + handle + "?");
        assertThat(row(page, handle).locator(".status")).containsText("Active");

        page.onceDialog(dialog -> dialog.accept());
        act(page, handle, "deactivate");
        assertThat(row(page, handle).locator(".status")).containsText("Inactive");
        Chromium.screenshot(page, "users-row-inactive-en");
        page.onceDialog(dialog -> dialog.accept());
        act(page, handle, "delete");
        assertThat(page.locator("#users-table .deleted-row")).hasText(handle + " was deleted.");
        assertThat(page.locator("#users-table .deleted-row")).isFocused();
        assertThat(operator.get("/api/v1/companies/" + company + "/users?q=" + handle).json().get("items").size()).isZero();
    }

    @Test
    void en_francais_la_suppression_attend_la_desactivation_et_le_dit() {
        Map<String, Object> active = Fixtures.validUser("ACTIVE");
        String handle = active.get("userId").toString();
        fixtures.createUser(company, active);
        Page page = signedIn("fr");
        page.navigate("/companies/" + company + "/users?q=" + handle);

        row(page, handle).locator("summary").click();
        assertThat(row(page, handle).locator(".delete-blocked")).hasText("Désactiver d'abord pour supprimer");
        List<String> asked = new java.util.ArrayList<>();
        page.onceDialog(dialog -> {
            asked.add(dialog.message());
            dialog.accept();
        });
        row(page, handle).locator("button.deactivate").click();
        assertThat(row(page, handle).locator(".status")).containsText("Inactif");
        assertThat(asked).singleElement().asString().startsWith("Désactiver " + handle + " ?");
        page.onceDialog(dialog -> dialog.accept());
        act(page, handle, "delete");
        assertThat(page.locator("#users-table .deleted-row")).hasText(handle + " a été supprimé.");
        Chromium.screenshot(page, "users-row-deleted-fr");
    }

    @Test
    void escape_cancels_an_inline_edit_and_an_email_change_says_a_confirmation_was_sent() {
        Map<String, Object> active = Fixtures.validUser("ACTIVE");
        String handle = active.get("userId").toString();
        fixtures.createUser(company, active);
        for (String language : List.of("en", "fr")) {
            Page page = signedIn(language);
            page.navigate("/companies/" + company + "/users?q=" + handle);
            String before = row(page, handle).locator(".value-lastName").innerText();

            row(page, handle).locator(".value-lastName button").click();
            row(page, handle).locator(".value-lastName input[name=value]").fill("Changed but cancelled");
            row(page, handle).locator(".value-lastName input[name=value]").press("Escape");

            assertThat(row(page, handle).locator(".value-lastName input")).hasCount(0);
            assertThat(row(page, handle).locator(".value-lastName button")).hasText(before);
            assertThat(row(page, handle).locator(".value-lastName button")).isFocused();

            String address = Fixtures.unique("moved").toLowerCase() + "@example.com";
            row(page, handle).locator(".value-email button").click();
            htmxReady(row(page, handle).locator(".value-email form.cell-editor"));
            row(page, handle).locator(".value-email input[name=value]").fill(address);
            row(page, handle).locator(".value-email input[name=value]").press("Enter");
            assertThat(row(page, handle).locator(".row-notice")).hasText(language.equals("en")
                    ? "Confirmation link sent to the new address: the email changes once it is confirmed."
                    : "Lien de confirmation envoyé à la nouvelle adresse : l'e-mail change une fois celle-ci confirmée.");
            assertThat(row(page, handle).locator(".value-email button")).isFocused();
            page.context().close();
        }
    }

    @Test
    void a_user_manager_is_offered_open_only_on_an_administrators_row_in_english_and_french() {
        // docs/rules.md §6: the administrator holds permissions a user manager lacks; the server refuses, so no offer
        String tag = Fixtures.unique("rk").toLowerCase();
        Map<String, Object> manager = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles",
                List.of("USER_MANAGER"));
        fixtures.createUser(company, manager);
        String boss = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("ACTIVE"), "userId", tag + "boss",
                "email", tag + "boss@example.com", "roles", List.of("ADMINISTRATOR"))).text("id");
        String plain = fixtures.createUser(company, Fixtures.with(Fixtures.validUser("DRAFT"), "userId", tag + "plain",
                "email", tag + "plain@example.com", "roles", List.of("MEMBER"))).text("id");
        for (String language : List.of("en", "fr")) {
            boolean en = language.equals("en");
            Page page = browser(language);
            Chromium.signIn(page, manager.get("email").toString(), PASSWORD);
            page.navigate("/companies/" + company + "/users?q=" + tag + "&lang=" + language);
            var bossRow = page.locator("#row-" + boss);
            var plainRow = page.locator("#row-" + plain);
            // the lower row's menu first: an open menu lies over the rows below it
            plainRow.locator("summary").click();
            assertThat(plainRow.locator(".action-open")).hasText(en ? "Open and edit" : "Ouvrir et modifier");
            assertThat(plainRow.locator("button.activate")).hasCount(1);
            assertThat(plainRow.locator(".cell-edit")).not().hasCount(0);
            bossRow.locator("summary").click();
            assertThat(bossRow.locator(".action-open")).hasText(en ? "Open" : "Ouvrir");
            assertThat(bossRow.locator("form, .delete-blocked, .cell-edit")).hasCount(0);
            Screens.capture(page, "users-outranked-" + language);

            // the person's page offers no change either
            page.navigate("/companies/" + company + "/users/" + boss);
            assertThat(page.locator("#profile-status")).hasText(en ? "Active" : "Actif");
            assertThat(page.locator("#user-manage")).hasCount(0);
            page.navigate("/companies/" + company + "/users/" + plain);
            assertThat(page.locator("#user-manage")).hasCount(1);
        }
        assertThat(operator.get("/api/v1/companies/" + company + "/users/" + boss).text("status")).isEqualTo("ACTIVE");
    }

    @Test
    void a_member_has_no_users_entry_and_gets_403_on_its_url() {
        Map<String, Object> member = Fixtures.with(Fixtures.userWithPassword("ACTIVE", "a member password"),
                "roles", List.of("MEMBER"));
        fixtures.createUser(company, member);
        Page page = chromium.newPage("http://127.0.0.1:" + port, "en");
        Chromium.signIn(page, member.get("email").toString(), "a member password");
        page.navigate("/companies/" + company + "/workspaces");

        assertThat(page.locator("#nav-users")).hasCount(0);
        Response response = page.navigate("/companies/" + company + "/users");
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).hasText("Access denied");
        Chromium.screenshot(page, "users-403-en");
    }

    @Test
    void the_users_table_speaks_french() {
        fixtures.createUser(company, Fixtures.validUser("DRAFT"));
        Page page = signedIn("fr");
        page.navigate("/companies/" + company + "/users");

        assertThat(page.locator("h1")).hasText("Utilisateurs");
        assertThat(page.locator("#users-table thead")).containsText("Résultat de validation");
        assertThat(page.locator("#users-table tbody")).containsText("Brouillon");
        Chromium.screenshot(page, "users-table-fr");
        page.locator("#new-user").click();
        assertThat(page.locator("#new-user-form label[for=new-email-verified]")).hasText("E-mail validé");
        assertThat(page.locator("#new-user-form")).containsText("E-mail validé");
        Chromium.screenshot(page, "new-user-fr");
    }

    @Test
    void a_csv_file_is_imported_from_the_console_with_its_report() throws Exception {
        String tag = Fixtures.unique("csv").toLowerCase();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("users", ".csv");
        java.nio.file.Files.writeString(file, "userId,firstName,lastName,email,status,roles\n"
                + tag + "a,Ann,One," + tag + "a@example.com,ACTIVE,MEMBER\n"
                + tag + "b,Bob,Two,not-an-email,ACTIVE,\n"
                + tag + "c,Cat,Three," + tag + "c@example.com,DRAFT,\n");
        Page page = signedIn("en");
        page.locator("#import-users").click();
        page.locator("#file").setInputFiles(file);
        page.waitForResponse(answer -> answer.url().contains("/users/import"), () -> page.locator("#import-submit").click());

        assertThat(page.locator("#import-summary")).hasText("3 rows: 1 activated, 2 drafts.");
        assertThat(page.locator("#import-errors")).containsText("Email is invalid");
        Chromium.screenshot(page, "users-import-en");
        page.navigate("/companies/" + company + "/users?q=" + tag);
        assertThat(page.locator("#users-table tbody tr")).hasCount(3);
    }

    @Test
    void the_table_fits_a_laptop_without_scrolling_and_becomes_one_card_per_person_on_a_phone() {
        String tag = Fixtures.unique("fit").toLowerCase();
        fixtures.createUser(company, Map.of("userId", tag + "-a-rather-long-user-id", "firstName", "Marie-Clémentine",
                "lastName", "de la Fontaine-Beaumarchais", "email", tag + ".marie-clementine.delafontaine@a-long-domain.example.com",
                "status", "ACTIVE"));
        fixtures.createUser(company, Map.of("userId", tag + "-draft", "firstName", "Bad", "lastName", "Mail",
                "email", "not-an-email", "status", "ACTIVE"));
        fixtures.createUser(company, Map.of("userId", tag + "-plain", "firstName", "Zoé", "lastName", "Zola",
                "email", tag + "z@example.com"));
        for (String language : List.of("en", "fr")) {
            Page page = signedIn(language);
            page.setViewportSize(1366, 800);
            page.navigate("/companies/" + company + "/users?q=" + tag);

            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(1366);
            assertThat((Boolean) page.evaluate("document.getElementById('users-table').getBoundingClientRect().right"
                    + " <= document.getElementById('main').getBoundingClientRect().right")).isTrue();
            for (String control : List.of("#new-user", "#import-users")) {
                var box = page.locator(control).boundingBox();
                assertThat(box.x + box.width).as(control).isLessThanOrEqualTo(1366);
            }
            Locator last = page.locator("#users-table tbody tr.user-row").last();
            last.locator("summary").click();
            var menu = last.locator(".row-menu ul").boundingBox();
            assertThat(menu.x).isGreaterThanOrEqualTo(0);
            assertThat(menu.x + menu.width).isLessThanOrEqualTo(1366);
            assertThat(menu.y + menu.height).isLessThanOrEqualTo(800);
            assertThat(last.locator(".row-menu ul li").first()).isVisible();
            Chromium.screenshot(page, "users-table-1366-" + language);

            page.setViewportSize(390, 844);
            page.reload();
            System.out.println("[wide] " + page.evaluate("Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 391).slice(0, 12).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')"));
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            assertThat(page.locator("#users-table tbody tr.user-row").first().evaluate("row => getComputedStyle(row).display"))
                    .isEqualTo("block");
            assertThat(page.locator("#new-user")).isInViewport();
            Chromium.screenshot(page, "users-table-390-" + language);
            page.context().close();
        }
    }

    @Test
    void the_search_ignores_accents_and_finds_the_start_of_any_word_of_the_names() {
        String tag = Fixtures.unique("acc").toLowerCase();
        fixtures.createUser(company, Map.of("userId", tag + "1", "firstName", "Hélène", "lastName", "Lefèvre",
                "email", tag + "1@example.com"));
        fixtures.createUser(company, Map.of("userId", tag + "2", "firstName", "Jean-Édouard", "lastName", "Dupré",
                "email", tag + "2@example.com"));
        for (String language : List.of("en", "fr")) {
            Page page = signedIn(language);
            page.locator("#q").fill("lefevre");
            page.locator("#q").press("Enter");
            assertThat(page.locator("#users-table tbody tr.user-row")).hasCount(1);
            assertThat(page.locator("#users-table tbody")).containsText("Lefèvre");

            page.locator("#q").fill("EDOUARD");
            page.locator("#q").press("Enter");
            assertThat(page.locator("#users-table tbody tr.user-row")).hasCount(1);
            assertThat(page.locator("#users-table tbody")).containsText("Dupré");
            Chromium.screenshot(page, "users-search-" + language);
            page.context().close();
        }
    }

    @Test
    void importing_the_same_file_again_lists_the_rows_that_exist_and_a_dry_run_offers_import_now() throws Exception {
        String tag = Fixtures.unique("again").toLowerCase();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("users", ".csv");
        java.nio.file.Files.writeString(file, "userId,firstName,lastName,email,status\n"
                + tag + "a,Ann,One," + tag + "a@example.com,ACTIVE\n"
                + tag + "b,Bob,Two,,DRAFT\n");
        Page page = signedIn("en");
        page.navigate("/companies/" + company + "/users/import");
        var download = page.waitForDownload(() -> page.locator("#template-link").click());
        assertThat(download.suggestedFilename()).isEqualTo("users-template.csv");

        page.locator("#file").setInputFiles(file);
        page.locator("#dryRun").check();
        page.waitForResponse(answer -> answer.url().contains("/users/import"), () -> page.locator("#import-submit").click());
        assertThat(page.locator("#import-dry")).isVisible();
        assertThat(page.locator("#import-dry")).containsText("Dry run: nothing was written.");
        assertThat(operator.get("/api/v1/companies/" + company + "/users?q=" + tag).json().get("items").size()).isZero();
        page.waitForResponse(answer -> answer.url().contains("/users/import"), () -> page.locator("#import-now").click());
        assertThat(page.locator("#import-summary")).hasText("2 rows: 1 activated, 1 drafts.");
        assertThat(page.locator("#import-dry")).isHidden();

        page.waitForResponse(answer -> answer.url().contains("/users/import"), () -> page.locator("#import-submit").click());
        assertThat(page.locator("#import-summary")).hasText("2 rows: 0 activated, 0 drafts. 2 already existed: left as they were.");
        assertThat(page.locator("#import-errors tbody tr")).hasCount(2);
        assertThat(page.locator("#import-errors")).containsText("Already exists (same user ID): left as it was");
        Chromium.screenshot(page, "users-reimport-en");
        assertThat(operator.get("/api/v1/companies/" + company + "/users?q=" + tag).json().get("items").size()).isEqualTo(2);

        Page french = signedIn("fr");
        french.navigate("/companies/" + company + "/users/import");
        french.locator("#file").setInputFiles(file);
        french.locator("#dryRun").check();
        french.waitForResponse(answer -> answer.url().contains("/users/import"), () -> french.locator("#import-submit").click());
        assertThat(french.locator("#import-dry")).containsText("Essai à blanc : rien n'a été écrit.");
        assertThat(french.locator("#import-now")).hasText("Importer maintenant");
        assertThat(french.locator("#import-errors")).containsText("Existe déjà (même identifiant) : laissé tel quel");
        Chromium.screenshot(french, "users-reimport-fr");
    }

    @Test
    void the_user_page_edits_for_real_and_activates_deactivates_and_deletes_in_english_and_french() {
        Map<String, List<String>> texts = Map.of(
                "en", List.of("The changes are saved.", "The user is active.",
                        "The user is deactivated: they can no longer sign in.", " was deleted."),
                "fr", List.of("Les modifications sont enregistrées.", "L'utilisateur est actif.",
                        "L'utilisateur est désactivé : il ne peut plus se connecter.", " a été supprimé."));
        for (String language : List.of("en", "fr")) {
            Map<String, Object> draft = Fixtures.validUser("DRAFT");
            String handle = draft.get("userId").toString();
            String id = fixtures.createUser(company, draft).text("id");
            Page page = signedIn(language);
            page.navigate("/companies/" + company + "/users?q=" + handle);
            row(page, handle).locator("summary").click();
            row(page, handle).locator("a.action-open").click();

            page.locator("#edit-details summary").click();
            page.locator("#edit-lastName").fill("Renamed-" + language);
            page.locator("#edit-save").click();
            assertThat(page.locator("#flash")).hasText(texts.get(language).get(0));
            assertThat(page.locator(".details")).containsText("Renamed-" + language);
            assertThat(operator.get("/api/v1/companies/" + company + "/users/" + id).text("lastName"))
                    .isEqualTo("Renamed-" + language);

            page.locator("#profile-activate").click();
            assertThat(page.locator("#flash")).hasText(texts.get(language).get(1));
            assertThat(page.locator("#profile-delete")).hasCount(0);
            assertThat(page.locator("#profile-delete-blocked")).isVisible();
            Chromium.screenshot(page, "user-page-" + language);

            page.onceDialog(dialog -> dialog.accept());
            page.locator("#profile-deactivate").click();
            assertThat(page.locator("#flash")).hasText(texts.get(language).get(2));
            page.onceDialog(dialog -> dialog.accept());
            page.locator("#profile-delete").click();
            page.waitForURL(url -> url.endsWith("/companies/" + company + "/users"));
            assertThat(page.locator("#flash")).hasText(handle + texts.get(language).get(3));
            page.context().close();
        }
    }

    @Test
    void the_table_pages_forward_and_back_and_says_which_rows_it_shows() {
        String tag = Fixtures.unique("pg").toLowerCase();
        for (int i = 0; i < 52; i++) {
            fixtures.createUser(company, Map.of("userId", tag + String.format("%02d", i)));
        }
        for (String language : List.of("en", "fr")) {
            Page page = signedIn(language);
            page.navigate("/companies/" + company + "/users?q=" + tag);
            boolean en = language.equals("en");
            assertThat(page.locator("#page-range")).hasText(en ? "Rows 1–50 of 52" : "Lignes 1 à 50 sur 52");
            assertThat(page.locator("#previous-page")).hasCount(0);
            page.locator("#next-page").click();
            assertThat(page.locator("#page-range")).hasText(en ? "Rows 51–52 of 52" : "Lignes 51 à 52 sur 52");
            assertThat(page.locator("#users-table tbody tr.user-row")).hasCount(2);
            assertThat(page.locator("#next-page")).hasCount(0);
            page.locator("#previous-page").click();
            assertThat(page.locator("#page-range")).hasText(en ? "Rows 1–50 of 52" : "Lignes 1 à 50 sur 52");
            assertThat(page.locator("#users-table tbody tr.user-row").first()).containsText(tag + "00");
            page.context().close();
        }
    }

    @Test
    void the_company_users_table_user_page_and_new_user_form_pass_axe_at_both_sizes_in_english_and_french() {
        String tag = Fixtures.unique("ax").toLowerCase();
        String id = fixtures.createUser(company, Map.of("userId", tag + "1", "firstName", "Hélène", "lastName", "Bélanger",
                "email", tag + "1@example.com")).text("id");
        for (String language : List.of("en", "fr")) {
            Page page = signedIn(language);
            page.navigate("/companies/" + company + "/users?q=" + tag);
            assertThat(page.locator("#page-range")).hasText(language.equals("en") ? "Rows 1–1 of 1" : "Lignes 1 à 1 sur 1");
            Axe.check(page);
            Screens.capture(page, "users-table-" + language);
            page.navigate("/companies/" + company + "/users/" + id);
            Axe.check(page);
            Screens.capture(page, "user-page-" + language);
            page.navigate("/companies/" + company + "/users/new");
            Axe.check(page);
            Screens.capture(page, "new-user-" + language);
            page.context().close();
        }
    }

    private Page signedIn(String language) {
        Page page = chromium.newPage("http://127.0.0.1:" + port, language);
        Chromium.signIn(page, adminEmail, PASSWORD);
        // the administrator's saved language is English: switching in the session is what reads French
        page.navigate("/companies/" + company + "/users?lang=" + language);
        return page;
    }

    private static void fillNewUser(Page page, String handle, String first, String last, String email, String status) {
        page.locator("#new-email").fill(email);
        page.locator("#new-first-name").fill(first);
        page.locator("#new-last-name").fill(last);
        page.locator("#new-user-id").fill(handle);
        page.locator("ACTIVE".equals(status) ? "#new-status-active" : "#new-status-draft").check();
    }

    /** Opens the row's menu and clicks one of its actions. */
    private static void act(Page page, String handle, String action) {
        if (row(page, handle).locator("details.row-menu").getAttribute("open") == null) {
            row(page, handle).locator("summary").click();
        }
        row(page, handle).locator("button." + action).click();
    }

    private static Locator row(Page page, String handle) {
        return page.locator("#users-table tbody tr").filter(new Locator.FilterOptions().setHasText(handle));
    }
}
