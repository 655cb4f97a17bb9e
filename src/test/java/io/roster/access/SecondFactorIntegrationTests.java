package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.IntegrationTest;
import io.roster.support.SignInTest;
import io.roster.support.Mailbox;
import io.roster.support.Totp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * docs/rules.md §21: an authenticator app enrolled over the API and on the profile, the second step
 * of the console's sign-in, {@code X-Roster-OTP} for API tokens, single-use recovery codes, wrong
 * codes in the throttle, the company policy and an administrator's reset. The codes are computed
 * from the secret ({@link Totp}), at 30-second steps around the current one: each is taken once.
 */
@IntegrationTest
class SecondFactorIntegrationTests extends SignInTest {


    @Test
    void an_account_with_an_authenticator_app_gets_an_api_token_only_with_a_current_code() {
        var person = activeUser();
        long step = Totp.freshStep();
        Enrolled enrolled = enrol(person, step - 1);

        var none = issue(person.userId(), null);
        var wrong = issue(person.userId(), Totp.wrongCode(enrolled.secret(), step));
        var good = issue(person.userId(), Totp.code(enrolled.secret(), step));
        var replayed = issue(person.userId(), Totp.code(enrolled.secret(), step));
        var status = Api.at(port).bearer(good.json().get("token").asString()).get("/api/v1/me/mfa");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("type").asString()).isEqualTo("/problems/mfa-required");
        assertThat(none.body()).doesNotContain("token\"");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(good.status()).as(good.toString()).isEqualTo(201);
        assertThat(replayed.status()).as("a code is taken once").isEqualTo(401);
        assertThat(status.json().get("totp").asBoolean()).isTrue();
        assertThat(status.json().get("recoveryCodesLeft").asInt()).isEqualTo(10);
        assertThat(new Mailbox(operator).count(person.email(), "MFA_ENROLLED")).isEqualTo(1);
        JsonNode audit = operator.get("/api/v1/companies/" + company + "/audit?action=mfa.enrolled").json().get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("targetId").asString()).isEqualTo(person.accountId());
        assertThat(audit.get(0).toString()).doesNotContain(enrolled.secret());
        JsonNode signIns = operator.get("/api/v1/companies/" + company + "/audit?action=sign_in.succeeded").json().get("items");
        assertThat(signIns.toString()).contains("pwd+otp");
    }

    @Test
    void a_recovery_code_signs_in_once() {
        var person = activeUser();
        Enrolled enrolled = enrol(person, Totp.freshStep() - 1);
        String recovery = enrolled.recoveryCodes().get(3);

        var first = issue(person.userId(), recovery.toUpperCase());
        var again = issue(person.userId(), recovery);
        var other = issue(person.userId(), enrolled.recoveryCodes().get(4));

        assertThat(enrolled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(401);
        assertThat(other.status()).isEqualTo(201);
        var status = Api.at(port).bearer(other.json().get("token").asString()).get("/api/v1/me/mfa");
        assertThat(status.json().get("recoveryCodesLeft").asInt()).isEqualTo(8);
        assertThat(jdbc.sql("SELECT code_hash FROM recovery_codes WHERE account_id = ?").param(person.accountId())
                .query(String.class).list()).doesNotContain(enrolled.recoveryCodes().toArray(String[]::new));
    }

    @Test
    void the_console_asks_for_the_code_after_the_password_and_lets_nothing_through_before() {
        var person = activeUser();
        long step = Totp.freshStep();
        Enrolled enrolled = enrol(person, step - 1);
        Browser browser = new Browser(port);

        var password = browser.signIn(person.userId(), PASSWORD);
        var home = browser.get("/users");
        var api = browser.send("GET", "/api/v1/me", Map.of(), null);
        var page = browser.get("/login/second-factor");
        var wrong = browser.post("/login/second-factor", Map.of("code", Totp.wrongCode(enrolled.secret(), step),
                "_csrf", page.csrf()));
        var wrongPage = browser.get(wrong.redirect());
        String before = browser.sessionCookie();
        var good = browser.post("/login/second-factor", Map.of("code", Totp.code(enrolled.secret(), step),
                "_csrf", wrongPage.csrf()));

        assertThat(password.redirect()).isEqualTo("/login/second-factor");
        assertThat(password.header("Set-Cookie") == null ? "" : password.header("Set-Cookie"))
                .as("no device cookie before the second factor").doesNotContain("roster-device");
        assertThat(home.redirect()).isEqualTo("/login/second-factor");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.body()).contains("mfa-required");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Second factor</h1>", "autocomplete=\"one-time-code\"");
        assertThat(wrong.redirect()).isEqualTo("/login/second-factor?error=wrong-code");
        assertThat(wrongPage.elementText("second-factor-error")).startsWith("Wrong code.");
        assertThat(good.redirect()).as(good.toString()).isEqualTo("/start");
        assertThat(browser.sessionCookie()).as("a new session id once signed in").isNotEqualTo(before);
        assertThat(browser.cookie("roster-device")).isNotNull();
        assertThat(browser.get("/profile").status()).isEqualTo(200);
        assertThat(browser.get("/login/second-factor").redirect()).isEqualTo("/start");
    }

    @Test
    void wrong_codes_count_in_the_sign_in_throttle() {
        var person = activeUser();
        long step = Totp.freshStep();
        Enrolled enrolled = enrol(person, step - 1);

        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < LOCK_AFTER; i++) {
            failures.add(issue(person.userId(), Totp.wrongCode(enrolled.secret(), step)).status());
        }
        var locked = issue(person.userId(), Totp.code(enrolled.secret(), step));

        assertThat(failures).containsOnly(401);
        assertThat(locked.status()).isEqualTo(429);
    }

    /**
     * Someone who knows the password floods wrong codes from elsewhere until the account is locked:
     * the browser its owner completed a sign-in with before still passes both steps, in the console
     * and over the API, because its device cookie narrows the throttle to that device at the second
     * step as at the first.
     */
    @Test
    void wrong_codes_from_elsewhere_lock_the_account_but_not_the_browser_that_signed_in_before() {
        var person = activeUser();
        long step = Totp.freshStep();
        Enrolled enrolled = enrol(person, step - 1);
        Browser own = new Browser(port);
        own.signIn(person.userId(), PASSWORD);
        var first = own.post("/login/second-factor", Map.of("code", Totp.code(enrolled.secret(), step),
                "_csrf", own.get("/login/second-factor").csrf()));
        String device = own.cookie("roster-device");
        var home = own.get("/");
        own.post("/logout", Map.of("_csrf", home.csrf()));

        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < LOCK_AFTER; i++) {
            failures.add(issue(person.userId(), Totp.wrongCode(enrolled.secret(), step)).status());
        }
        var elsewhere = issue(person.userId(), enrolled.recoveryCodes().get(0));
        var password = own.signIn(person.userId(), PASSWORD);
        var second = own.post("/login/second-factor", Map.of("code", Totp.code(enrolled.secret(), step + 1),
                "_csrf", own.get("/login/second-factor").csrf()));
        var api = Api.at(port).basic(person.userId(), PASSWORD).withHeader("X-Roster-OTP", enrolled.recoveryCodes().get(1))
                .withHeader("Cookie", "roster-device=" + device).post("/api/v1/tokens", null);
        var lock = operator.get("/api/v1/companies/" + company + "/users/" + person.accountId() + "/sign-in-lock");

        assertThat(first.redirect()).isEqualTo("/start");
        assertThat(device).isNotNull();
        assertThat(failures).containsOnly(401);
        assertThat(elsewhere.status()).as("the account is locked for whoever has no device cookie").isEqualTo(429);
        assertThat(password.redirect()).isEqualTo("/login/second-factor");
        assertThat(second.redirect()).as(second.toString()).isEqualTo("/start");
        assertThat(api.status()).as(api.toString()).isEqualTo(201);
        assertThat(lock.json().get("locked").asBoolean()).as("the device's success does not lift the lock").isTrue();
    }

    /** The sign-in refusals of the API in the reader's language, with the same codes in both. */
    @Test
    void the_apis_sign_in_refusals_read_in_french() {
        var person = activeUser();
        long step = Totp.freshStep();
        Enrolled enrolled = enrol(person, step - 1);

        var wrongPassword = Api.at(port).basic(person.userId(), "not-the-password").withHeader("Accept-Language", "fr")
                .post("/api/v1/tokens", null);
        var noCode = Api.at(port).basic(person.userId(), PASSWORD).withHeader("Accept-Language", "fr")
                .post("/api/v1/tokens", null);
        var wrongCode = Api.at(port).basic(person.userId(), PASSWORD).withHeader("Accept-Language", "fr")
                .withHeader("X-Roster-OTP", Totp.wrongCode(enrolled.secret(), step)).post("/api/v1/tokens", null);
        var inEnglish = issue(person.userId(), Totp.wrongCode(enrolled.secret(), step));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.text("code")).isEqualTo("WRONG_CREDENTIALS");
        assertThat(wrongPassword.text("detail")).isEqualTo("E-mail, identifiant ou mot de passe incorrect");
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.text("code")).isEqualTo("MFA_REQUIRED");
        assertThat(noCode.text("detail")).startsWith("Ce compte a un second facteur : envoyez un code actuel");
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.text("code")).isEqualTo("WRONG_SECOND_FACTOR_CODE");
        assertThat(wrongCode.text("detail")).startsWith("Code incorrect : tapez le code actuel");
        assertThat(inEnglish.text("code")).isEqualTo("WRONG_SECOND_FACTOR_CODE");
        assertThat(inEnglish.text("detail")).startsWith("Wrong code: type the current code");
    }

    @Test
    void removing_the_app_takes_a_current_code_and_mails_the_person() {
        var person = activeUser();
        long step = Totp.freshStep();
        Enrolled enrolled = enrol(person, step - 1);
        Api api = Api.at(port).bearer(issue(person.userId(), Totp.code(enrolled.secret(), step)).json().get("token").asString());

        var withoutCode = api.delete("/api/v1/me/mfa/totp", Map.of());
        var removed = api.delete("/api/v1/me/mfa/totp", Map.of("X-Roster-OTP", Totp.code(enrolled.secret(), step + 1)));

        assertThat(withoutCode.status()).isEqualTo(400);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(issue(person.userId(), null).status()).isEqualTo(201);
        assertThat(api.get("/api/v1/me/mfa").json().get("recoveryCodesLeft").asInt()).isZero();
        assertThat(new Mailbox(operator).count(person.email(), "MFA_REMOVED")).isEqualTo(1);
        assertThat(operator.get("/api/v1/companies/" + company + "/audit?action=mfa.removed").json().get("items"))
                .hasSize(1);
    }

    @Test
    void the_profile_page_enrols_an_app_with_a_qr_code_in_french() {
        var person = activeUser();
        Browser browser = new Browser(port);
        browser.signIn(person.userId(), PASSWORD);
        var profile = browser.get("/profile?lang=fr");
        var started = browser.post("/profile/mfa/totp", Map.of("_csrf", profile.csrf()));
        var scan = browser.get("/profile");
        String secret = scan.elementText("totp-secret");
        var confirmed = browser.post("/profile/mfa/totp/confirm", Map.of("code", Totp.code(secret, Totp.freshStep()),
                "_csrf", scan.csrf()));
        var codes = browser.get("/profile");
        var later = browser.get("/profile");

        assertThat(profile.body()).contains(">Second facteur<", "id=\"mfa-start\"");
        assertThat(started.redirect()).startsWith("/profile");
        assertThat(scan.body()).contains("id=\"totp-qr\"", "src=\"data:image/png;base64,");
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(confirmed.redirect()).startsWith("/profile");
        assertThat(codes.body()).contains("id=\"recovery-codes\"", "codes de secours");
        assertThat(codes.elementText("mfa-status")).startsWith("Une application d'authentification protège votre compte");
        assertThat(later.body()).as("the codes are shown once").doesNotContain("id=\"recovery-codes\"");
    }

    @Test
    void a_company_requiring_a_second_factor_of_its_administrators_makes_them_enrol_before_going_further() {
        var admin = activeUser("ADMINISTRATOR");
        var member = activeUser("MEMBER");
        Api adminApi = Api.at(port).signIn(admin.userId(), PASSWORD);
        var before = adminApi.get("/api/v1/companies/" + company + "/security");
        var turnedOn = adminApi.put("/api/v1/companies/" + company + "/security", Map.of("requireMfaForAdmins", true));
        var byMember = Api.at(port).signIn(member.userId(), PASSWORD)
                .put("/api/v1/companies/" + company + "/security", Map.of("requireMfaForAdmins", false));

        Browser browser = new Browser(port);
        var signedIn = browser.signIn(admin.userId(), PASSWORD);
        var users = browser.get("/companies/" + company + "/users");
        var profile = browser.get("/profile");
        var token = issue(admin.userId(), null);
        var inFrench = Api.at(port).basic(admin.userId(), PASSWORD).withHeader("Accept-Language", "fr")
                .post("/api/v1/tokens", null);
        var memberSignIn = new Browser(port).signIn(member.userId(), PASSWORD);
        browser.post("/profile/mfa/totp", Map.of("_csrf", profile.csrf()));
        var scan = browser.get("/profile");
        var confirmed = browser.post("/profile/mfa/totp/confirm",
                Map.of("code", Totp.code(scan.elementText("totp-secret"), Totp.freshStep()), "_csrf", scan.csrf()));
        var usersAfter = browser.get("/companies/" + company + "/users");

        assertThat(before.json().get("requireMfaForAdmins").asBoolean()).isFalse();
        assertThat(turnedOn.status()).as(turnedOn.toString()).isEqualTo(200);
        assertThat(turnedOn.json().get("requireMfaForAdmins").asBoolean()).isTrue();
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(signedIn.redirect()).isEqualTo("/profile");
        assertThat(users.redirect()).isEqualTo("/profile");
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.elementText("enrolment-due")).startsWith("Your company requires a second factor");
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.json().get("type").asString()).isEqualTo("/problems/mfa-enrolment-required");
        assertThat(token.text("code")).isEqualTo("MFA_ENROLMENT_REQUIRED");
        assertThat(token.text("detail")).startsWith("Your company requires a second factor of its administrators");
        assertThat(inFrench.text("detail")).startsWith("Votre entreprise exige un second facteur de ses administrateurs");
        assertThat(memberSignIn.redirect()).as("a member holds no administrator's permission").isEqualTo("/start");
        assertThat(confirmed.redirect()).startsWith("/profile");
        assertThat(usersAfter.status()).as(usersAfter.toString()).isEqualTo(200);
        assertThat(operator.get("/api/v1/companies/" + company + "/audit?action=mfa.policy_changed").json().get("items"))
                .hasSize(1);
    }

    @Test
    void a_partner_member_with_an_administrators_permission_over_a_company_requiring_a_second_factor_must_enrol() {
        String partner = fixtures.partner();
        String strict = fixtures.companyOf(partner, 5);
        fixtures.companyOf(partner, 5);
        var policy = operator.put("/api/v1/companies/" + strict + "/security", Map.of("requireMfaForAdmins", true));
        String manager = partnerMember(partner, "PARTNER_USER_MANAGER");
        String lenientPartner = fixtures.partner();
        fixtures.companyOf(lenientPartner, 5);
        String elsewhere = partnerMember(lenientPartner, "PARTNER_ADMIN");

        Browser browser = new Browser(port);
        var signedIn = browser.signIn(manager, PASSWORD);
        var partnerSpace = browser.get("/partners/" + partner);
        var token = issue(manager, null);
        var tokenInFrench = Api.at(port).basic(manager, PASSWORD).withHeader("Accept-Language", "fr")
                .post("/api/v1/tokens", null);
        var elsewhereSignIn = new Browser(port).signIn(elsewhere, PASSWORD);
        var profileInFrench = browser.get("/profile?lang=fr");
        var profile = browser.get("/profile?lang=en");
        browser.post("/profile/mfa/totp", Map.of("_csrf", profile.csrf()));
        var scan = browser.get("/profile");
        String secret = scan.elementText("totp-secret");
        long step = Totp.freshStep();
        var confirmed = browser.post("/profile/mfa/totp/confirm", Map.of("code", Totp.code(secret, step - 1),
                "_csrf", scan.csrf()));
        var partnerSpaceAfter = browser.get("/partners/" + partner);

        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        assertThat(signedIn.redirect()).as("the partner role manages users of the strict company").isEqualTo("/profile");
        assertThat(partnerSpace.redirect()).isEqualTo("/profile");
        String strictName = operator.get("/api/v1/companies/" + strict).text("name");
        assertThat(profile.elementText("enrolment-due")).as("partner staff are told which client company asks it")
                .startsWith(strictName + " requires a second factor");
        assertThat(profileInFrench.elementText("enrolment-due")).startsWith(strictName + " exige un second facteur");
        assertThat(token.status()).isEqualTo(403);
        assertThat(token.json().get("type").asString()).isEqualTo("/problems/mfa-enrolment-required");
        assertThat(token.text("code")).isEqualTo("MFA_ENROLMENT_REQUIRED_BY");
        assertThat(token.text("detail")).as("the API names the client company too")
                .startsWith(strictName + " requires a second factor of the people who administer it");
        assertThat(tokenInFrench.text("detail")).startsWith(strictName + " exige un second facteur de ceux qui l'administrent");
        assertThat(elsewhereSignIn.redirect()).as("no company of that partner requires it").isNotEqualTo("/profile");
        assertThat(confirmed.redirect()).startsWith("/profile");
        assertThat(partnerSpaceAfter.status()).as(partnerSpaceAfter.toString()).isEqualTo(200);
        assertThat(issue(manager, Totp.code(secret, step)).status()).isEqualTo(201);
    }

    /** A member of the partner's staff with {@code role} and {@link #PASSWORD}; their user ID. */
    private String partnerMember(String partner, String role) {
        String userId = io.roster.support.Fixtures.unique("staff").toLowerCase();
        var member = operator.post("/api/v1/partners/" + partner + "/members", Map.of("userId", userId,
                "firstName", "Pat", "lastName", "Ner", "email", userId + "@partner.example", "password", PASSWORD,
                "emailVerified", true, "role", role));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        accounts.add(member.text("accountId"));
        return userId;
    }

    @Test
    void the_security_page_turns_the_policy_on_for_administrators_only() {
        var admin = activeUser("ADMINISTRATOR");
        var manager = activeUser("USER_MANAGER");
        Browser browser = new Browser(port);
        browser.signIn(admin.userId(), PASSWORD);
        Browser managerBrowser = new Browser(port);
        managerBrowser.signIn(manager.userId(), PASSWORD);
        String path = "/companies/" + company + "/security";

        var page = browser.get(path + "?lang=fr");
        var saved = browser.post(path, Map.of("requireMfaForAdmins", "true", "_csrf", page.csrf()));
        var after = browser.get(path);
        var byManager = managerBrowser.get(path);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Sécurité</h1>", "Exiger un second facteur des administrateurs",
                "id=\"nav-security\"");
        assertThat(saved.redirect()).isEqualTo(path);
        assertThat(after.elementText("notice")).isEqualTo("Sécurité enregistrée.");
        assertThat(after.body()).contains("checked");
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/companies/" + company + "/security").json().get("requireMfaForAdmins")
                .asBoolean()).isTrue();
        assertThat(issue(admin.userId(), null).status()).as("the administrator now enrols first").isEqualTo(403);
    }

    @Test
    void an_administrator_resets_a_persons_second_factor_and_the_person_is_mailed() {
        var admin = activeUser("ADMINISTRATOR");
        var person = activeUser("MEMBER");
        enrol(person, Totp.freshStep() - 1);
        Api adminApi = Api.at(port).signIn(admin.userId(), PASSWORD);
        String path = "/api/v1/companies/" + company + "/users/" + person.accountId() + "/mfa";

        var before = adminApi.get(path);
        var byPerson = Api.at(port).basic(person.userId(), PASSWORD).delete(path, Map.of());
        var reset = adminApi.delete(path, Map.of());

        assertThat(before.json().get("totp").asBoolean()).isTrue();
        assertThat(byPerson.status()).isEqualTo(401);
        assertThat(reset.status()).isEqualTo(204);
        assertThat(adminApi.get(path).json().get("totp").asBoolean()).isFalse();
        assertThat(issue(person.userId(), null).status()).isEqualTo(201);
        assertThat(new Mailbox(operator).count(person.email(), "MFA_RESET")).isEqualTo(1);
        JsonNode audit = operator.get("/api/v1/companies/" + company + "/audit?action=mfa.reset").json().get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("actorAccountId").asString()).isEqualTo(admin.accountId());
    }

    @Autowired
    TotpSecretSealing sealing;

    @Test
    void the_apps_secret_is_stored_sealed_and_its_codes_still_verify() {
        var person = activeUser();
        long step = Totp.freshStep();
        Enrolled enrolled = enrol(person, step - 1);
        String stored = storedSecret(person.accountId());

        var signedIn = issue(person.userId(), Totp.code(enrolled.secret(), step));

        assertThat(stored).startsWith("v1:").doesNotContain(enrolled.secret());
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(201);
    }

    @Test
    void a_secret_stored_in_the_clear_before_is_sealed_at_start_and_keeps_working() {
        var person = activeUser();
        long step = Totp.freshStep();
        Enrolled enrolled = enrol(person, step - 1);
        jdbc.sql("UPDATE totp_factors SET secret = ? WHERE account_id = ?").params(enrolled.secret(), person.accountId())
                .update();

        var whileClear = issue(person.userId(), Totp.code(enrolled.secret(), step));
        int sealed = sealing.sealClearSecrets();
        String stored = storedSecret(person.accountId());
        var afterSealing = issue(person.userId(), Totp.code(enrolled.secret(), step + 1));

        assertThat(whileClear.status()).as("a clear secret is read as it is").isEqualTo(201);
        assertThat(sealed).isGreaterThanOrEqualTo(1);
        assertThat(stored).startsWith("v1:").doesNotContain(enrolled.secret());
        assertThat(afterSealing.status()).as(afterSealing.toString()).isEqualTo(201);
        assertThat(sealing.sealClearSecrets()).as("nothing left in the clear").isZero();
    }

    private String storedSecret(String accountId) {
        return jdbc.sql("SELECT secret FROM totp_factors WHERE account_id = ?").param(accountId).query(String.class)
                .single();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    /** Enrols an app over the API, confirming it with the code of {@code step}. */
    private Enrolled enrol(User person, long step) {
        Api api = Api.at(port).signIn(person.userId(), PASSWORD);
        var started = api.post("/api/v1/me/mfa/totp", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String secret = started.text("secret");
        assertThat(started.text("otpauthUri")).startsWith("otpauth://totp/").contains("secret=" + secret);
        var confirmed = api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Totp.code(secret, step)));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.json().get("recoveryCodes").forEach(node -> codes.add(node.asString()));
        return new Enrolled(secret, codes);
    }

    private Api.Response issue(String login, String otp) {
        Api api = Api.at(port).basic(login, PASSWORD);
        return (otp == null ? api : api.withHeader("X-Roster-OTP", otp)).post("/api/v1/tokens", null);
    }
}
