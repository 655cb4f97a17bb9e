package io.roster.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Mailbox;
import io.roster.support.Operator;
import io.roster.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Partner access approved by the company (docs/rules.md §7), over real HTTP: a partner asks, the
 * company's administrators accept with a scope and an end date or revoke, and the partner's staff
 * reach the company only through a current grant, within its scope, in the company's API and in the
 * partner's cross-company lists. Expiry is the clock's: access ends at the end date, before the job.
 */
@IntegrationTest
class PartnerAccessIntegrationTests {

    private static final String PASSWORD = "Quiet-Harbor-Orbit-7319";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    PartnerAccess access;

    Api operator;
    Fixtures fixtures;
    Mailbox mailbox;
    String partner;
    String partnerName;
    Api partnerAdmin;
    String partnerAdminEmail;
    Api userManager;

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        mailbox = new Mailbox(operator);
        partner = fixtures.partner();
        partnerName = operator.get("/api/v1/partners/" + partner).text("name");
        partnerAdminEmail = staff("PARTNER_ADMIN");
        partnerAdmin = Api.at(port).signIn(partnerAdminEmail, PASSWORD);
        userManager = Api.at(port).signIn(staff("PARTNER_USER_MANAGER"), PASSWORD);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_company_opened_by_a_partner_starts_with_an_active_grant_of_both_scopes_for_one_year() {
        String company = fixtures.companyOf(partner, 3);
        JsonNode grant = only(operator.get(accessOf(company)));
        assertThat(grant.get("partnerId").asString()).isEqualTo(partner);
        assertThat(grant.get("partnerName").asString()).isEqualTo(partnerName);
        assertThat(grant.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(grant.get("scope").toString()).isEqualTo("[\"users\",\"billing\"]");
        Instant endsAt = Instant.parse(grant.get("endsAt").asString());
        assertThat(endsAt).isBetween(clock.instant().plus(364, ChronoUnit.DAYS), clock.instant().plus(367, ChronoUnit.DAYS));
        assertThat(partnerAdmin.get("/api/v1/companies/" + company + "/users").status()).isEqualTo(200);
    }

    @Test
    void a_request_waits_for_the_company_whose_administrators_are_told_then_the_acceptance_opens_the_company() {
        Company other = companyOfItsOwn();
        var asked = partnerAdmin.post(requests(), Map.of("companySlug", other.slug()));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.text("status")).isEqualTo("PENDING");
        String grantId = asked.text("grantId");
        assertThat(mailbox.count(other.adminEmail(), "PARTNER_ACCESS_REQUESTED")).isEqualTo(1);
        assertThat(other.admin().get("/api/v1/me/notifications").body()).contains(partnerName);

        // pending: the partner sees the name and the status only, and reaches nothing
        JsonNode listed = companyInPartnerList(other.id());
        assertThat(listed.get("name").asString()).isNotBlank();
        assertThat(listed.get("licensesPurchased").isNull()).isTrue();
        assertThat(listed.get("access").get("status").asString()).isEqualTo("PENDING");
        assertThat(partnerAdmin.get("/api/v1/companies/" + other.id()).status()).isEqualTo(404);
        assertThat(partnerAdmin.post(requests(), Map.of("companySlug", other.slug())).text("code"))
                .isEqualTo("ACCESS_ALREADY_REQUESTED");

        String end = clock.instant().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        var accepted = other.admin().post(accessOf(other.id()) + "/" + grantId + "/accept",
                Map.of("scope", List.of("users"), "endsAt", end));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("ACTIVE");
        assertThat(accepted.text("endsAt")).isEqualTo(end);
        assertThat(mailbox.count(partnerAdminEmail, "PARTNER_ACCESS_ACCEPTED")).isEqualTo(1);

        // the users scope only: users yes, licenses no
        assertThat(partnerAdmin.get("/api/v1/companies/" + other.id() + "/users").status()).isEqualTo(200);
        var licenses = partnerAdmin.put("/api/v1/companies/" + other.id() + "/licenses", Map.of("licensesPurchased", 9));
        assertThat(licenses.status()).isEqualTo(403);
        assertThat(licenses.text("code")).isEqualTo("PERMISSION_NEEDED");
        assertThat(userIdsAcrossPartner(partnerAdmin)).contains(other.adminUserId());
        assertThat(audit(other, "partner_access.accepted")).isTrue();
        assertThat(audit(other, "partner_access.requested")).isTrue();
    }

    @Test
    void revocation_cuts_the_partners_access_at_once_in_the_api_and_the_cross_company_list() {
        Company other = companyOfItsOwn();
        String grantId = partnerAdmin.post(requests(), Map.of("companySlug", other.slug())).text("grantId");
        other.admin().post(accessOf(other.id()) + "/" + grantId + "/accept", Map.of());
        assertThat(userManager.get("/api/v1/companies/" + other.id() + "/users").status()).isEqualTo(200);
        assertThat(userIdsAcrossPartner(userManager)).contains(other.adminUserId());

        var revoked = other.admin().post(accessOf(other.id()) + "/" + grantId + "/revoke", null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");

        assertThat(userManager.get("/api/v1/companies/" + other.id() + "/users").status()).isEqualTo(404);
        assertThat(partnerAdmin.get("/api/v1/companies/" + other.id()).status()).isEqualTo(404);
        assertThat(userIdsAcrossPartner(userManager)).doesNotContain(other.adminUserId());
        assertThat(userManager.get("/api/v1/partners/" + partner + "/users?companyId=" + other.id()).status()).isEqualTo(404);
        assertThat(companyInPartnerList(other.id()).get("access").get("status").asString()).isEqualTo("REVOKED");
        assertThat(mailbox.count(partnerAdminEmail, "PARTNER_ACCESS_REVOKED")).isEqualTo(1);
        assertThat(audit(other, "partner_access.revoked")).isTrue();

        var again = other.admin().post(accessOf(other.id()) + "/" + grantId + "/accept", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("GRANT_ENDED");
        // renewal: the partner asks again, and the grant waits once more
        assertThat(partnerAdmin.post(requests(), Map.of("companySlug", other.slug())).text("status")).isEqualTo("PENDING");
    }

    /**
     * The grant is made to end in a day before the clock moves two days: the expiry job then marks
     * this grant only, not the year-long grants of the other tests sharing the database.
     */
    @Test
    void the_end_date_cuts_access_at_once_and_the_job_marks_the_grant_expired_and_tells_the_partner() {
        String company = fixtures.companyOf(partner, 2);
        String ownUser = (String) createUserIn(company).get("userId");
        assertThat(userIdsAcrossPartner(userManager)).contains(ownUser);
        String grantId = only(operator.get(accessOf(company))).get("id").asString();
        var shortened = operator.post(accessOf(company) + "/" + grantId + "/accept",
                Map.of("endsAt", clock.instant().plus(1, ChronoUnit.DAYS).toString()));
        assertThat(shortened.status()).as(shortened.toString()).isEqualTo(200);

        clock.advance(Duration.ofDays(2));
        assertThat(userManager.get("/api/v1/companies/" + company + "/users").status()).isEqualTo(404);
        assertThat(userIdsAcrossPartner(userManager)).doesNotContain(ownUser);
        JsonNode ended = only(operator.get(accessOf(company)));
        assertThat(ended.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(ended.get("current").asBoolean()).isFalse();

        access.expireEnded(1000);
        assertThat(only(operator.get(accessOf(company))).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(mailbox.count(partnerAdminEmail, "PARTNER_ACCESS_EXPIRED")).isEqualTo(1);
        assertThat(operator.get("/api/v1/companies/" + company + "/audit?action=partner_access.expired")
                .json().get("items").size()).isEqualTo(1);

        // a renewal asked and accepted opens it again
        String slug = operator.get("/api/v1/companies/" + company).text("slug");
        assertThat(partnerAdmin.post(requests(), Map.of("companySlug", slug)).text("status")).isEqualTo("PENDING");
        assertThat(operator.post(accessOf(company) + "/" + grantId + "/accept", Map.of()).status()).isEqualTo(200);
        assertThat(userManager.get("/api/v1/companies/" + company + "/users").status()).isEqualTo(200);
    }

    @Test
    void an_acceptance_refuses_an_end_in_the_past_or_beyond_three_years_and_an_empty_or_unknown_scope() {
        String company = fixtures.companyOf(partner, 1);
        String grantId = only(operator.get(accessOf(company))).get("id").asString();
        String accept = accessOf(company) + "/" + grantId + "/accept";
        assertThat(operator.post(accept, Map.of("endsAt", clock.instant().minusSeconds(60).toString())).json()
                .get("errors").get(0).get("code").asString()).isEqualTo("GRANT_END_OUT_OF_RANGE");
        assertThat(operator.post(accept, Map.of("endsAt", clock.instant().plus(4 * 366, ChronoUnit.DAYS).toString()))
                .status()).isEqualTo(400);
        assertThat(operator.post(accept, Map.of("scope", List.of())).json().get("errors").get(0).get("code").asString())
                .isEqualTo("GRANT_SCOPE_EMPTY");
        assertThat(operator.post(accept, Map.of("scope", List.of("everything"))).status()).isEqualTo(400);
        assertThat(partnerAdmin.post(requests(), Map.of("companySlug", "no-such-company-slug")).text("code"))
                .isEqualTo("NO_COMPANY_SLUG");
        // the partner's own administrator cannot answer for the company
        assertThat(partnerAdmin.post(accept, Map.of()).text("code")).isEqualTo("COMPANY_ADMIN_ONLY");
    }

    @Test
    void declining_a_first_request_refuses_it_and_the_partner_is_told() {
        Company other = companyOfItsOwn();
        String grantId = partnerAdmin.post(requests(), Map.of("companySlug", other.slug())).text("grantId");

        var declined = other.admin().post(accessOf(other.id()) + "/" + grantId + "/decline", null);
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.text("status")).isEqualTo("REVOKED");
        assertThat(declined.json().get("requestWaiting").asBoolean()).isFalse();

        assertThat(partnerAdmin.get("/api/v1/companies/" + other.id()).status()).isEqualTo(404);
        assertThat(userIdsAcrossPartner(partnerAdmin)).doesNotContain(other.adminUserId());
        assertThat(mailbox.count(partnerAdminEmail, "PARTNER_ACCESS_DECLINED")).isEqualTo(1);
        assertThat(partnerAdmin.get("/api/v1/me/notifications").body())
                .contains("declined");
        assertThat(audit(other, "partner_access.declined")).isTrue();
        // the partner may ask again
        assertThat(partnerAdmin.post(requests(), Map.of("companySlug", other.slug())).text("status")).isEqualTo("PENDING");
    }

    @Test
    void declining_a_renewal_keeps_the_current_access_with_its_scope_and_end() {
        Company other = companyOfItsOwn();
        String grantId = partnerAdmin.post(requests(), Map.of("companySlug", other.slug())).text("grantId");
        String end = clock.instant().plus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(other.admin().post(accessOf(other.id()) + "/" + grantId + "/accept",
                Map.of("scope", List.of("users"), "endsAt", end)).status()).isEqualTo(200);
        var renewal = partnerAdmin.post(requests(), Map.of("companySlug", other.slug()));
        assertThat(renewal.text("status")).isEqualTo("ACTIVE");
        assertThat(renewal.json().get("requestWaiting").asBoolean()).isTrue();

        var declined = other.admin().post(accessOf(other.id()) + "/" + grantId + "/decline", null);
        assertThat(declined.status()).as(declined.toString()).isEqualTo(200);
        assertThat(declined.text("status")).isEqualTo("ACTIVE");
        assertThat(declined.text("endsAt")).isEqualTo(end);
        assertThat(declined.json().get("scope").toString()).isEqualTo("[\"users\"]");
        assertThat(declined.json().get("requestWaiting").asBoolean()).isFalse();
        assertThat(declined.json().get("current").asBoolean()).isTrue();

        // the access goes on
        assertThat(userManager.get("/api/v1/companies/" + other.id() + "/users").status()).isEqualTo(200);
        assertThat(userIdsAcrossPartner(userManager)).contains(other.adminUserId());
        assertThat(mailbox.count(partnerAdminEmail, "PARTNER_ACCESS_DECLINED")).isEqualTo(1);
        var entries = other.admin().get("/api/v1/companies/" + other.id() + "/audit?action=partner_access.declined")
                .json().get("items");
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).toString()).contains("ACTIVE").doesNotContain("REVOKED");
        // the partner may ask for its renewal again
        assertThat(partnerAdmin.post(requests(), Map.of("companySlug", other.slug())).status()).isEqualTo(201);
    }

    @Test
    void declining_with_no_request_waiting_is_a_conflict_in_english_and_french() {
        Company other = companyOfItsOwn();
        String grantId = partnerAdmin.post(requests(), Map.of("companySlug", other.slug())).text("grantId");
        other.admin().post(accessOf(other.id()) + "/" + grantId + "/accept", Map.of());
        String decline = accessOf(other.id()) + "/" + grantId + "/decline";

        var active = other.admin().withHeader("Accept-Language", "en").post(decline, null);
        assertThat(active.status()).as(active.toString()).isEqualTo(409);
        assertThat(active.text("code")).isEqualTo("NO_REQUEST_WAITING");
        assertThat(active.text("detail")).isEqualTo("No request of this partner waits for an answer");
        var inFrench = other.admin().withHeader("Accept-Language", "fr").post(decline, null);
        assertThat(inFrench.text("code")).isEqualTo("NO_REQUEST_WAITING");
        assertThat(inFrench.text("detail")).isEqualTo("Aucune demande de ce partenaire n'attend de réponse");

        // the partner's own administrator cannot answer for the company
        assertThat(partnerAdmin.post(requests(), Map.of("companySlug", other.slug())).status()).isEqualTo(201);
        assertThat(partnerAdmin.post(decline, null).text("code")).isEqualTo("COMPANY_ADMIN_ONLY");

        other.admin().post(accessOf(other.id()) + "/" + grantId + "/revoke", null);
        var revoked = other.admin().post(decline, null);
        assertThat(revoked.status()).isEqualTo(409);
        assertThat(revoked.text("code")).isEqualTo("NO_REQUEST_WAITING");
        assertThat(only(other.admin().get(accessOf(other.id()))).get("status").asString()).isEqualTo("REVOKED");
    }

    // ---------------------------------------------------------------------------------------------

    /** A company without a partner, with an administrator who signs in. */
    record Company(String id, String slug, Api admin, String adminEmail, String adminUserId) {
    }

    private Company companyOfItsOwn() {
        String id = fixtures.company(5);
        Map<String, Object> admin = createUserIn(id, "ADMINISTRATOR");
        return new Company(id, operator.get("/api/v1/companies/" + id).text("slug"),
                Api.at(port).signIn((String) admin.get("email"), PASSWORD), (String) admin.get("email"),
                (String) admin.get("userId"));
    }

    private Map<String, Object> createUserIn(String company, String... roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD,
                "emailVerified", true, "roles", roles.length == 0 ? List.of("MEMBER") : List.of(roles));
        var created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        return body;
    }

    private String staff(String role) {
        String handle = Fixtures.unique("staff").toLowerCase();
        String email = handle + "@example.com";
        var added = operator.post("/api/v1/partners/" + partner + "/members", Map.of("userId", handle, "firstName", "Paul",
                "lastName", "Partner", "email", email, "emailVerified", true, "role", role, "password", PASSWORD));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return email;
    }

    private String requests() {
        return "/api/v1/partners/" + partner + "/access-requests";
    }

    private static String accessOf(String company) {
        return "/api/v1/companies/" + company + "/partner-access";
    }

    private static JsonNode only(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(items.size()).as(response.toString()).isEqualTo(1);
        return items.get(0);
    }

    private JsonNode companyInPartnerList(String company) {
        for (JsonNode item : partnerAdmin.get("/api/v1/partners/" + partner + "/companies?limit=200").json().get("items")) {
            if (item.get("id").asString().equals(company)) {
                return item;
            }
        }
        throw new AssertionError("company " + company + " not in the partner's list");
    }

    private List<String> userIdsAcrossPartner(Api as) {
        var listed = as.get("/api/v1/partners/" + partner + "/users?limit=200");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json().get("items").valueStream().map(item -> item.get("user").get("userId").asString()).toList();
    }

    private boolean audit(Company company, String action) {
        return company.admin().get("/api/v1/companies/" + company.id() + "/audit?action=" + action).json()
                .get("items").size() > 0;
    }
}
