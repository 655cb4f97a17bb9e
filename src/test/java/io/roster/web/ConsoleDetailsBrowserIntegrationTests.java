package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import io.roster.support.Api;
import io.roster.support.Axe;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Mailbox;
import io.roster.support.Operator;
import io.roster.support.Screens;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The audit page, the operator's mail preview and the small console fixes of issue 15, in a real
 * Chromium, in English and in French, each main screen checked by axe and kept at 1366 and 390 px;
 * no page logs a console error (the CSP refuses nothing, htmx's inline style included).
 */
@IntegrationTest
class ConsoleDetailsBrowserIntegrationTests extends ConsoleBrowserTest {

    static final String PASSWORD = "console-details-password";

    Mailbox mailbox;

    @BeforeEach
    void operator() {
        mailbox = new Mailbox(operator);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void the_audit_page_names_people_reads_changes_picks_days_and_actions_and_hides_sign_ins(String language) {
        boolean fr = language.equals("fr");
        String company = fixtures.company(10);
        Person admin = person(language, company, "Aline", "Bélanger", "ADMINISTRATOR");
        Person colleague = person(language, company, "Marc", "Besançon", "MEMBER");
        Api.Response granted = admin.api().post("/api/v1/companies/" + company + "/users/" + colleague.id() + "/roles",
                Map.of("roleId", "AUDITOR"));
        assertThat(granted.status()).as(granted.toString()).isIn(200, 201);
        Page page = browser(language);
        Chromium.signIn(page, admin.userId(), PASSWORD);

        page.navigate("/companies/" + company + "/audit");
        assertThat(page.locator("#audit-from")).hasAttribute("type", "date");
        assertThat(page.locator("#audit-to")).hasAttribute("type", "date");
        Locator rows = page.locator("#audit-entries tbody tr");
        assertThat(rows.first()).isVisible();
        assertThat(page.locator("#audit-entries tbody tr[data-action^='sign_in.']")).hasCount(0);
        Locator grant = page.locator("#audit-entries tbody tr[data-action='role.granted']",
                new Page.LocatorOptions().setHasText(fr ? "Auditeur" : "Auditor"));
        assertThat(grant).hasCount(1);
        assertThat(grant.locator(".audit-actor")).containsText("Aline Bélanger (" + admin.userId() + ")");
        assertThat(grant.locator(".audit-target")).hasText("Marc Besançon (" + colleague.userId() + ")");
        assertThat(grant.locator(".audit-action")).hasText(fr ? "Rôle attribué" : "Role granted");
        assertThat(grant.locator(".change")).containsText(fr ? "Rôle" : "Role");
        assertThat(grant.locator(".change")).not().containsText("roleId");
        assertThat(grant.locator(".change")).not().containsText("{");
        Axe.check(page);
        Screens.capture(page, "audit-" + language);

        page.locator("#audit-sign-ins").check();
        page.locator("form.filters button[type=submit]").click();
        assertThat(page.locator("#audit-entries tbody tr[data-action='sign_in.succeeded']").first()).isVisible();

        page.locator("#audit-sign-ins").uncheck();
        page.locator("#audit-action").selectOption(new SelectOption().setLabel(fr ? "Utilisateur créé" : "User created"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        page.locator("#audit-from").fill(today);
        page.locator("#audit-to").fill(today);
        page.locator("form.filters button[type=submit]").click();
        assertThat(rows.first()).isVisible();
        for (Locator row : rows.all()) {
            assertThat(row).hasAttribute("data-action", "user.created");
        }
        page.locator("#audit-from").fill(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
        page.locator("#audit-to").fill(LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
        page.locator("form.filters button[type=submit]").click();
        assertThat(rows).hasCount(0);
        assertThat(page.locator("main")).containsText(fr ? "Aucune entrée" : "No entry");
    }

    /**
     * The operator finds a setup mail by a part of its address in capitals; its link is a link, the
     * mail reads "logged (no SMTP)" (no SMTP server here), the page it opens is titled for what it
     * does, and choosing the password signs the person in.
     */
    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void the_mail_preview_filters_by_part_of_an_address_its_links_open_and_setting_a_password_signs_in(String language) {
        boolean fr = language.equals("fr");
        String company = fixtures.company(10);
        String part = "part" + UUID.randomUUID().toString().substring(0, 6);
        String userId = Fixtures.unique("newcomer").toLowerCase();
        String email = "lea." + part + "@example.com";
        Api.Response created = fixtures.createUser(company, Map.of("userId", userId, "firstName", "Léa",
                "lastName", "Nouvelle", "email", email, "status", "ACTIVE", "roles", List.of("MEMBER")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        mailbox.link(email, "ACCOUNT_SETUP");

        Page page = browser(language);
        Chromium.signIn(page, Operator.EMAIL, Operator.PASSWORD);
        // the operator's saved language is English: switch for this session, as the language links do
        page.navigate("/admin/mail?lang=" + language);
        page.locator("#recipient").fill(part.toUpperCase());
        page.locator("main form button[type=submit]").click();
        Locator mails = page.locator("article.mail");
        assertThat(mails.first()).isVisible();
        for (Locator mail : mails.all()) {
            assertThat(mail).containsText(email);
        }
        Locator setupMail = page.locator("article.mail",
                new Page.LocatorOptions().setHas(page.locator("pre a[href*='/invitations/']")));
        assertThat(setupMail).hasCount(1);
        for (int attempt = 0; attempt < 40 && !setupMail.locator(".mail-status").textContent()
                .equals(fr ? "Journalisé (pas de SMTP)" : "Logged (no SMTP)"); attempt++) {
            page.waitForTimeout(250);
            page.reload();
        }
        assertThat(setupMail.locator(".mail-status")).hasText(fr ? "Journalisé (pas de SMTP)" : "Logged (no SMTP)");
        Locator link = setupMail.locator("pre a[href*='/invitations/']");
        assertThat(link).hasCount(1);
        Axe.check(page);
        Screens.capture(page, "mail-preview-" + language);

        String setup = link.getAttribute("href");
        Page newcomer = browser(language);
        newcomer.navigate(setup);
        assertThat(newcomer.locator("h1")).hasText(fr ? "Créez votre compte" : "Set up your account");
        Axe.check(newcomer);
        newcomer.locator("#password").fill("a newcomer's own password");
        newcomer.locator("#confirmation").fill("a newcomer's own password");
        newcomer.locator("form button[type=submit]").click();
        assertThat(newcomer.locator("#link-done")).isVisible();
        newcomer.locator("#link-continue").click();
        // the mailed link names the configured public address: the session lives there
        assertThat(newcomer).hasURL(java.util.regex.Pattern.compile("/companies/" + company + "/workspaces$"));
        assertThat(newcomer.locator("#sign-out")).isVisible();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void a_wrong_password_keeps_the_login_and_a_reset_page_is_titled_as_a_reset(String language) {
        boolean fr = language.equals("fr");
        String company = fixtures.company(10);
        Person someone = person(language, company, "Rémi", "Oubli", "MEMBER");
        Page page = browser(language);
        page.navigate("/login");
        page.locator("#login").fill(someone.email());
        page.locator("#password").fill("not the password at all");
        page.locator("form button[type=submit]").click();
        assertThat(page.locator("#sign-in-error")).isVisible();
        assertThat(page.locator("#login")).hasValue(someone.email());
        assertThat(page.locator("#password")).isFocused();
        Axe.check(page);
        Screens.capture(page, "sign-in-refused-" + language);

        page.navigate("/forgot-password");
        page.locator("input[name=email]").fill(someone.email());
        page.locator("form button[type=submit]").click();
        // the answer to the form lands before the next navigation, which it would otherwise interrupt
        assertThat(page.locator("#forgot-sent")).isVisible();
        page.navigate(mailbox.link(someone.email(), "PASSWORD_RESET"));
        assertThat(page.locator("h1")).hasText(fr ? "Choisissez un nouveau mot de passe" : "Choose a new password");
        assertThat(page.title()).doesNotContain("invitation");
        Axe.check(page);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void roles_invitations_and_licenses_read_right(String language) {
        boolean fr = language.equals("fr");
        String company = fixtures.company(3);
        Person admin = person(language, company, "Anne", "Admin", "ADMINISTRATOR");
        Person holder = person(language, company, "Hugo", "Titulaire", "MEMBER");
        String roles = "/api/v1/companies/" + company + "/roles";
        String unused = admin.api().post(roles, Map.of("name", Fixtures.unique("Unused"), "permissions", List.of()))
                .text("id");
        String held = admin.api().post(roles, Map.of("name", Fixtures.unique("Held"), "permissions", List.of()))
                .text("id");
        admin.api().post("/api/v1/companies/" + company + "/users/" + holder.id() + "/roles", Map.of("roleId", held));
        Api.Response noPassword = fixtures.createUser(company, Map.of("userId", Fixtures.unique("nopass").toLowerCase(),
                "firstName", "Sans", "lastName", "Motdepasse", "email", Fixtures.unique("nopass").toLowerCase()
                        + "@example.com", "status", "ACTIVE", "roles", List.of("MEMBER")));
        assertThat(noPassword.text("status")).as(noPassword.toString()).isEqualTo("ACTIVE");

        Page page = browser(language);
        Chromium.signIn(page, admin.userId(), PASSWORD);

        // Invite: only for who has not set a password yet
        page.navigate("/companies/" + company + "/users");
        assertThat(page.locator("#row-" + holder.id() + " .invite")).hasCount(0);
        assertThat(page.locator("#row-" + noPassword.text("id") + " .invite")).hasCount(1);
        page.navigate("/companies/" + company + "/users/" + holder.id());
        assertThat(page.locator("#profile-invite")).hasCount(0);
        assertThat(page.locator("#role-id")).hasValue("MEMBER");

        // a custom role nobody holds can be deleted; one held cannot
        page.navigate("/companies/" + company + "/roles");
        assertThat(page.locator("#delete-role-" + held)).hasCount(0);
        assertThat(page.locator("#role-" + held)).containsText(fr ? "Attribué à 1 personne" : "Held by 1 person");
        Axe.check(page);
        page.locator("#delete-role-" + unused).click();
        assertThat(page.locator("#notice")).isVisible();
        assertThat(page.locator("#role-" + unused)).hasCount(0);
        assertThat(admin.api().get(roles + "/" + unused).status()).isEqualTo(404);
        assertThat(admin.api().delete(roles + "/" + held, Map.of()).status()).isEqualTo(409);

        // three licenses, three active people: the bar is full, and says so
        page.navigate("/companies/" + company + "/billing");
        assertThat(page.locator("#licenses-meter")).hasAttribute("data-level", "full");
        assertThat(page.locator("#licenses-level")).hasText(fr
                ? "Toutes les licences sont utilisées : les nouveaux utilisateurs restent en brouillon tant que des licences ne sont pas ajoutées."
                : "Every license is in use: new users stay drafts until licenses are added.");
        Axe.check(page);
        Screens.capture(page, "billing-full-" + language);
        assertThat(operator.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 30)).status())
                .isEqualTo(200);
        page.reload();
        assertThat(page.locator("#licenses-meter")).hasAttribute("data-level", "ok");
        assertThat(page.locator("#licenses-level")).hasCount(0);
    }

    // ---- helpers

    record Person(String id, String userId, String email, Api api) {
    }

    /** An ACTIVE user of the company whose saved language (which the console follows) is {@code language}. */
    Person person(String language, String company, String firstName, String lastName, String... roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(roles),
                "firstName", firstName, "lastName", lastName, "locale", language);
        Api.Response created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        String userId = (String) body.get("userId");
        return new Person(created.text("id"), userId, (String) body.get("email"), Api.at(port).signIn(userId, PASSWORD));
    }
}
