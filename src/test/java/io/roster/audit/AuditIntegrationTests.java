package io.roster.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.access.Caller;
import io.roster.licensing.LicensePool;
import io.roster.licensing.LicensesChanged;
import io.roster.shared.CompanyId;
import io.roster.shared.Secrets;
import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The audit log over real HTTP (docs/rules.md §12, §14): every change with who, in which capacity, before →
 * after, client address and request id; who may read it; filters and pages; sign-ins; no secret;
 * append-only; written in the change's own transaction.
 */
@IntegrationTest
class AuditIntegrationTests {

    static final String PASSWORD = "audit-test-password-4417";
    private static final Pattern LINK = Pattern.compile("(http://\\S+/invitations/([A-Za-z0-9_-]+))");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LicensePool licenses;

    Api operator;
    Fixtures fixtures;
    String company;
    Person admin;

    @BeforeEach
    void aCompanyWithAnAdministrator() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        company = fixtures.company(10);
        admin = person(company, "ADMINISTRATOR");
    }

    // ---- what is recorded ---------------------------------------------------------------------

    @Test
    void each_lifecycle_change_is_recorded_with_its_actor_before_after_and_request_id() {
        Api as = admin.api;
        var created = as.withHeader("X-Request-Id", "req-create.1").post(users(company),
                Fixtures.with(Fixtures.validUser("DRAFT"), "firstName", "Jeanne"));
        String id = created.text("id");
        String userId = created.text("userId");
        assertThat(created.header("X-Request-Id")).isEqualTo("req-create.1");
        as.withHeader("X-Request-Id", "req-edit-2").patch(users(company) + "/" + id, Map.of("firstName", "Jeanine"), Map.of());
        as.withHeader("X-Request-Id", "req-activate-3").post(users(company) + "/" + id + "/activate", null);
        as.withHeader("X-Request-Id", "req-deactivate-4").post(users(company) + "/" + id + "/deactivate", null);
        var deleted = as.withHeader("X-Request-Id", "req-delete-5").delete(users(company) + "/" + id, Map.of());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);

        List<JsonNode> trail = all(as, audit(company) + "?actor=" + admin.userId);

        JsonNode creation = only(trail, "user.created", id);
        assertThat(creation.get("requestId").asString()).isEqualTo("req-create.1");
        assertThat(creation.get("actorUserId").asString()).isEqualTo(admin.userId);
        assertThat(creation.get("actorAccountId").asString()).isEqualTo(admin.id);
        assertThat(creation.get("actorKind").asString()).isEqualTo("USER");
        assertThat(creation.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(creation.get("companyId").asString()).isEqualTo(company);
        assertThat(creation.get("targetType").asString()).isEqualTo("user");
        assertThat(creation.get("before").isNull()).isTrue();
        assertThat(creation.get("after").get("userId").asString()).isEqualTo(userId);
        assertThat(creation.get("after").get("status").asString()).isEqualTo("DRAFT");

        JsonNode edit = only(trail, "user.edited", id);
        assertThat(edit.get("requestId").asString()).isEqualTo("req-edit-2");
        assertThat(edit.get("before").get("firstName").asString()).isEqualTo("Jeanne");
        assertThat(edit.get("after").get("firstName").asString()).isEqualTo("Jeanine");
        assertThat(edit.get("after").has("lastName")).as("only what changed").isFalse();

        JsonNode activation = only(trail, "user.activated", id);
        assertThat(activation.get("requestId").asString()).isEqualTo("req-activate-3");
        assertThat(activation.get("before").get("status").asString()).isEqualTo("DRAFT");
        assertThat(activation.get("after").get("status").asString()).isEqualTo("ACTIVE");

        JsonNode deactivation = only(trail, "user.deactivated", id);
        assertThat(deactivation.get("requestId").asString()).isEqualTo("req-deactivate-4");
        assertThat(deactivation.get("before").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(deactivation.get("after").get("status").asString()).isEqualTo("INACTIVE");

        JsonNode deletion = only(trail, "user.deleted", id);
        assertThat(deletion.get("requestId").asString()).isEqualTo("req-delete-5");
        assertThat(deletion.get("before").get("userId").asString()).isEqualTo(userId);
        assertThat(deletion.get("before").get("status").asString()).isEqualTo("INACTIVE");
        assertThat(deletion.get("after").isNull()).isTrue();

        assertThat(trail.stream().map(e -> e.get("action").asString()).toList())
                .as("newest first").containsSubsequence("user.deleted", "user.deactivated", "user.activated",
                        "user.edited", "user.created");
    }

    @Test
    void roles_emails_workspaces_and_licenses_are_recorded_too() {
        String id = operator.post(users(company), Fixtures.validUser("ACTIVE")).text("id");
        admin.api.post(users(company) + "/" + id + "/roles", Map.of("roleId", "AUDITOR"));
        admin.api.delete(users(company) + "/" + id + "/roles/AUDITOR", Map.of());
        admin.api.patch(users(company) + "/" + id, Map.of("email", Fixtures.unique("new").toLowerCase() + "@example.com"), Map.of());
        String role = admin.api.post("/api/v1/companies/" + company + "/roles",
                Map.of("name", "Readers", "permissions", List.of("users.read", "audit.read"))).text("id");
        admin.api.put("/api/v1/companies/" + company + "/roles/" + role,
                Map.of("name", "Auditors", "permissions", List.of("audit.read")));
        String workspace = admin.api.post("/api/v1/companies/" + company + "/workspaces", Map.of("name", "Launch")).text("id");
        admin.api.put("/api/v1/companies/" + company + "/workspaces/" + workspace + "/members/" + id, Map.of("right", "READ"));
        admin.api.put("/api/v1/companies/" + company + "/workspaces/" + workspace + "/members/" + id, Map.of("right", "WRITE"));
        admin.api.delete("/api/v1/companies/" + company + "/workspaces/" + workspace + "/members/" + id, Map.of());
        admin.api.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 12));

        List<JsonNode> trail = all(admin.api, audit(company));

        assertThat(only(trail, "role.granted", id).get("after").get("roleId").asString()).isEqualTo("AUDITOR");
        assertThat(only(trail, "role.revoked", id).get("before").get("roleId").asString()).isEqualTo("AUDITOR");
        assertThat(only(trail, "user.email_change_requested", id).get("after").get("pendingEmail").asString())
                .startsWith("new-");
        assertThat(only(trail, "role.created", role).get("after").get("permissions").toString())
                .contains("users.read", "audit.read");
        JsonNode updated = only(trail, "role.updated", role);
        assertThat(updated.get("before").get("name").asString()).isEqualTo("Readers");
        assertThat(updated.get("after").get("name").asString()).isEqualTo("Auditors");
        assertThat(updated.get("after").get("permissions").toString()).contains("audit.read").doesNotContain("users.read");
        assertThat(only(trail, "workspace.created", workspace).get("after").get("name").asString()).isEqualTo("Launch");
        assertThat(only(trail, "workspace.right_granted", workspace).get("after").get("right").asString()).isEqualTo("READ");
        JsonNode changed = only(trail, "workspace.right_changed", workspace);
        assertThat(changed.get("before").get("right").asString()).isEqualTo("READ");
        assertThat(changed.get("after").get("right").asString()).isEqualTo("WRITE");
        assertThat(only(trail, "workspace.right_removed", workspace).get("before").get("right").asString()).isEqualTo("WRITE");
        JsonNode seats = only(trail, "licenses.changed", company);
        assertThat(seats.get("before").get("licensesPurchased").asInt()).isEqualTo(10);
        assertThat(seats.get("after").get("licensesPurchased").asInt()).isEqualTo(12);
        assertThat(only(trail, "company.created", company).get("actorKind").asString()).isEqualTo("OPERATOR");
    }

    @Test
    void invitations_email_confirmations_and_cleared_sign_in_locks_are_recorded() {
        var invited = operator.post(users(company), Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("MEMBER")));
        String id = invited.text("id");
        admin.api.post(users(company) + "/" + id + "/invite", null);
        admin.api.delete(users(company) + "/" + id + "/invitation", Map.of());
        String newEmail = Fixtures.unique("moved").toLowerCase() + "@example.com";
        admin.api.patch(users(company) + "/" + id, Map.of("email", newEmail), Map.of());
        String link = linkFor(newEmail);
        Browser browser = new Browser(port);
        browser.get(link);
        assertThat(browser.post(link, Map.of()).html()).contains("Your email is confirmed");
        Person locked = person(company, "MEMBER");
        Api.at(port).basic(locked.userId, "not-the-password-at-all").post("/api/v1/tokens", null);
        admin.api.delete(users(company) + "/" + locked.id + "/sign-in-lock", Map.of());

        List<JsonNode> trail = all(admin.api, audit(company));

        List<JsonNode> invitations = trail.stream().filter(e -> e.get("action").asString().equals("user.invited")
                && id.equals(e.get("targetId").asString())).toList();
        assertThat(invitations).extracting(e -> e.get("actorKind").asString()).containsExactly("USER", "OPERATOR");
        assertThat(invitations.getFirst().get("actorAccountId").asString()).isEqualTo(admin.id);
        assertThat(invitations.getFirst().get("after").get("email").asString()).isEqualTo(invited.text("email"));
        assertThat(only(trail, "user.invitation_revoked", id).get("before").get("invitationId").asString())
                .isEqualTo(invitations.getFirst().get("after").get("invitationId").asString());
        JsonNode confirmed = only(trail, "user.email_confirmed", id);
        assertThat(confirmed.get("actorAccountId").asString()).as("the person, through the link").isEqualTo(id);
        assertThat(confirmed.get("after").get("email").asString()).isEqualTo(newEmail);
        assertThat(only(trail, "user.sign_in_lock_cleared", locked.id).get("actorAccountId").asString()).isEqualTo(admin.id);
        assertThat(trail.toString()).doesNotContain(link.substring(link.lastIndexOf('/') + 1));
    }

    @Test
    void a_refused_activation_is_recorded_with_its_validation_result() {
        String full = fixtures.company(1);
        Person only = person(full, "ADMINISTRATOR");

        var refused = only.api.post(users(full), Fixtures.validUser("ACTIVE"));

        assertThat(refused.text("status")).isEqualTo("DRAFT");
        JsonNode entry = only(all(only.api, audit(full)), "user.activation_refused", refused.text("id"));
        assertThat(entry.get("actorUserId").asString()).isEqualTo(only.userId);
        assertThat(entry.get("after").get("validationResult").asString()).isEqualTo("NO_LICENSE:used=1,purchased=1");
        assertThat(entry.get("after").get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void an_operator_action_is_marked_operator() {
        operator.withHeader("X-Request-Id", "ops-1").put("/api/v1/companies/" + company + "/licenses",
                Map.of("licensesPurchased", 15));

        JsonNode entry = only(all(admin.api, audit(company) + "?action=licenses.changed"), "licenses.changed", company);
        assertThat(entry.get("actorKind").asString()).isEqualTo("OPERATOR");
        assertThat(entry.get("actorUserId").asString()).isEqualTo("operator");
        assertThat(entry.get("requestId").asString()).isEqualTo("ops-1");
        assertThat(entry.get("partnerId").isNull()).isTrue();
    }

    @Test
    void a_partner_admins_action_in_an_attached_company_is_partner_staff_and_appears_in_the_partners_audit() {
        String partner = fixtures.partner();
        Person staff = partnerMember(partner, "PARTNER_ADMIN");
        String client = staff.api.post("/api/v1/companies", Map.of("name", Fixtures.unique("Client"),
                "slug", Fixtures.unique("client"), "licensesPurchased", 5, "partnerId", partner)).text("id");
        String user = staff.api.withHeader("X-Request-Id", "partner-req-1").post(users(client), Fixtures.validUser("ACTIVE"))
                .text("id");

        Person clientAdmin = person(client, "ADMINISTRATOR");
        String own = clientAdmin.api.post(users(client), Fixtures.validUser("DRAFT")).text("id");

        List<JsonNode> companyTrail = all(staff.api, audit(client));
        List<JsonNode> partnerTrail = all(staff.api, "/api/v1/partners/" + partner + "/audit");

        for (List<JsonNode> trail : List.of(companyTrail, partnerTrail)) {
            JsonNode created = only(trail, "user.created", user);
            assertThat(created.get("actorKind").asString()).isEqualTo("PARTNER_STAFF");
            assertThat(created.get("actorAccountId").asString()).isEqualTo(staff.id);
            assertThat(created.get("companyId").asString()).isEqualTo(client);
            assertThat(created.get("partnerId").asString()).isEqualTo(partner);
            assertThat(created.get("requestId").asString()).isEqualTo("partner-req-1");
            assertThat(only(trail, "user.activated", user).get("actorKind").asString()).isEqualTo("PARTNER_STAFF");
            assertThat(only(trail, "company.created", client).get("actorKind").asString()).isEqualTo("PARTNER_STAFF");
        }
        JsonNode added = only(partnerTrail, "partner.member_added", staff.id);
        assertThat(added.get("actorKind").asString()).isEqualTo("OPERATOR");
        assertThat(added.get("after").get("role").asString()).isEqualTo("PARTNER_ADMIN");
        assertThat(ids(partnerTrail)).as("the partner sees its own actions, not the company's own")
                .doesNotContain(only(companyTrail, "user.created", own).get("id").asString());
        assertThat(all(clientAdmin.api, audit(client) + "?actor=" + clientAdmin.id)).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.get("actorKind").asString()).isEqualTo("USER");
                    assertThat(e.get("partnerId").isNull()).isTrue();
                });
    }

    // ---- who may read it ----------------------------------------------------------------------

    @Test
    void another_companys_administrator_gets_404_a_user_manager_403_and_an_auditor_the_log() {
        Person stranger = person(fixtures.company(5), "ADMINISTRATOR");
        Person manager = person(company, "USER_MANAGER");
        Person auditor = person(company, "AUDITOR");

        assertThat(stranger.api.get(audit(company)).status()).isEqualTo(404);
        assertThat(stranger.api.get(audit(company) + "/export").status()).isEqualTo(404);
        var refused = manager.api.get(audit(company));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("audit.read");
        assertThat(manager.api.get(audit(company) + "/export").status()).isEqualTo(403);
        assertThat(auditor.api.get(audit(company)).status()).isEqualTo(200);
        assertThat(Api.at(port).get(audit(company)).status()).isEqualTo(401);
    }

    @Test
    void only_partner_administrators_and_the_operator_read_a_partners_audit() {
        String partner = fixtures.partner();
        Person partnerAdmin = partnerMember(partner, "PARTNER_ADMIN");
        Person userManager = partnerMember(partner, "PARTNER_USER_MANAGER");
        Person otherPartnerAdmin = partnerMember(fixtures.partner(), "PARTNER_ADMIN");
        String path = "/api/v1/partners/" + partner + "/audit";

        assertThat(partnerAdmin.api.get(path).status()).isEqualTo(200);
        assertThat(operator.get(path).status()).isEqualTo(200);
        assertThat(userManager.api.get(path).status()).isEqualTo(403);
        assertThat(otherPartnerAdmin.api.get(path).status()).isEqualTo(404);
        assertThat(admin.api.get(path).status()).isEqualTo(404);
        assertThat(operator.get("/api/v1/partners/no-such-partner/audit").status()).isEqualTo(404);
    }

    // ---- filters and pages --------------------------------------------------------------------

    @Test
    void filters_and_cursor_pagination_walk_every_entry_once() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(admin.api.post(users(company), Fixtures.validUser("DRAFT")).text("id"));
        }
        for (String id : ids.subList(0, 3)) {
            admin.api.patch(users(company) + "/" + id, Map.of("lastName", "Renamed"), Map.of());
        }
        List<JsonNode> everything = all(admin.api, audit(company));

        List<JsonNode> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = admin.api.get(audit(company) + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(walked::add);
            cursor = page.text("nextCursor");
            pages++;
        } while (cursor != null);

        assertThat(ids(walked)).as("each entry once, in the same order").containsExactlyElementsOf(ids(everything));
        assertThat(new HashSet<>(ids(walked))).hasSize(walked.size());
        assertThat(pages).isEqualTo((everything.size() + 1) / 2);
        List<Instant> times = walked.stream().map(e -> Instant.parse(e.get("occurredAt").asString())).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).as("newest first").isBeforeOrEqualTo(times.get(i - 1));
        }

        assertThat(actions(all(admin.api, audit(company) + "?action=user.created"))).hasSize(8)
                .containsOnly("user.created");
        assertThat(actions(all(admin.api, audit(company) + "?action=user.*")))
                .containsOnly("user.created", "user.activated", "user.edited").hasSize(12);
        assertThat(actions(all(admin.api, audit(company) + "?action=user."))).hasSize(12);
        // the administrator's sign-in, its 7 creations and 3 edits
        assertThat(all(admin.api, audit(company) + "?actor=" + admin.userId)).hasSize(11)
                .allSatisfy(e -> assertThat(e.get("actorAccountId").asString()).isEqualTo(admin.id));
        assertThat(ids(all(admin.api, audit(company) + "?actor=" + admin.id)))
                .isEqualTo(ids(all(admin.api, audit(company) + "?actor=" + admin.userId)));
        assertThat(all(admin.api, audit(company) + "?actor=" + admin.userId + "&action=user.edited")).hasSize(3);

        String middle = walked.get(walked.size() / 2).get("occurredAt").asString();
        List<JsonNode> since = all(admin.api, audit(company) + "?from=" + enc(middle));
        List<JsonNode> before = all(admin.api, audit(company) + "?to=" + enc(middle));
        assertThat(since.size() + before.size()).isEqualTo(everything.size());
        assertThat(since).allSatisfy(e -> assertThat(Instant.parse(e.get("occurredAt").asString()))
                .isAfterOrEqualTo(Instant.parse(middle)));
        assertThat(before).allSatisfy(e -> assertThat(Instant.parse(e.get("occurredAt").asString()))
                .isBefore(Instant.parse(middle)));
        String offset = Instant.parse(middle).atOffset(java.time.ZoneOffset.ofHours(2)).toString();
        assertThat(ids(all(admin.api, audit(company) + "?from=" + enc(offset)))).isEqualTo(ids(since));
    }

    @Test
    void bad_filters_are_problems_naming_the_field() {
        assertThat(badField(audit(company) + "?action=" + enc("user created"))).isEqualTo("action");
        assertThat(badField(audit(company) + "?action=" + enc("%"))).isEqualTo("action");
        assertThat(badField(audit(company) + "?from=yesterday")).isEqualTo("from");
        assertThat(badField(audit(company) + "?to=2025-13-01T00:00:00Z")).isEqualTo("to");
        assertThat(badField(audit(company) + "?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z")).isEqualTo("to");
        assertThat(badField(audit(company) + "?actor=" + enc("a b"))).isEqualTo("actor");
        assertThat(badField(audit(company) + "?cursor=not-a-cursor")).isEqualTo("cursor");
        assertThat(badField(audit(company) + "?limit=0")).isEqualTo("limit");
        assertThat(badField(audit(company) + "?limit=201")).isEqualTo("limit");
        String usersCursor = new io.roster.shared.Cursor("userId", "abc", "x").encode();
        assertThat(badField(audit(company) + "?cursor=" + usersCursor)).isEqualTo("cursor");
        assertThat(admin.api.get(audit(company) + "/export?from=never").status()).isEqualTo(400);
    }

    @Test
    void an_insane_request_id_is_replaced_by_a_generated_one_that_the_entry_carries() {
        var response = admin.api.withHeader("X-Request-Id", "has spaces and ; semicolons")
                .post(users(company), Fixtures.validUser("DRAFT"));
        var tooLong = admin.api.withHeader("X-Request-Id", "x".repeat(65)).get("/api/v1/me");

        String generated = response.header("X-Request-Id");
        assertThat(generated).isNotBlank().isNotEqualTo("has spaces and ; semicolons").matches("[A-Za-z0-9._-]{1,64}");
        assertThat(tooLong.header("X-Request-Id")).isNotEqualTo("x".repeat(65)).hasSizeLessThanOrEqualTo(64);
        assertThat(only(all(admin.api, audit(company)), "user.created", response.text("id")).get("requestId").asString())
                .isEqualTo(generated);
        assertThat(Api.at(port).get("/api/v1/me").header("X-Request-Id")).as("even on a 401").isNotBlank();
    }

    // ---- sign-ins -----------------------------------------------------------------------------

    @Test
    void sign_in_successes_and_failures_appear_in_the_home_company_without_the_password() {
        Person person = person(company, "MEMBER");
        var wrong = Api.at(port).withHeader("X-Request-Id", "wrong-pw").basic(person.userId, "not-the-password-at-all")
                .post("/api/v1/tokens", null);
        assertThat(wrong.status()).isEqualTo(401);
        Browser console = new Browser(port);
        console.get("/login");
        assertThat(console.post("/login", Map.of("login", person.userId, "password", PASSWORD)).status()).isEqualTo(302);

        List<JsonNode> signIns = all(admin.api, audit(company) + "?action=sign_in.");

        List<JsonNode> mine = signIns.stream().filter(e -> person.id.equals(e.get("targetId").asString())).toList();
        assertThat(actions(mine)).containsExactly("sign_in.succeeded", "sign_in.failed", "sign_in.succeeded");
        JsonNode failed = mine.get(1);
        assertThat(failed.get("actorKind").asString()).isEqualTo("ANONYMOUS");
        assertThat(failed.get("actorAccountId").isNull()).isTrue();
        assertThat(failed.get("after").get("outcome").asString()).isEqualTo("WRONG_CREDENTIALS");
        assertThat(failed.get("requestId").asString()).isEqualTo("wrong-pw");
        assertThat(failed.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        JsonNode viaConsole = mine.get(0);
        assertThat(viaConsole.get("actorKind").asString()).isEqualTo("USER");
        assertThat(viaConsole.get("actorAccountId").asString()).isEqualTo(person.id);
        assertThat(viaConsole.get("after").get("channel").asString()).isEqualTo("CONSOLE");
        assertThat(mine.get(2).get("after").get("channel").asString()).isEqualTo("API");
        assertThat(mine.toString()).doesNotContain("not-the-password-at-all", PASSWORD);
    }

    @Test
    void no_password_token_or_hash_of_either_reaches_any_column() {
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, Operator.PASSWORD));
        Person person = person(company, "MEMBER");
        String apiToken = Api.at(port).basic(person.userId, PASSWORD).post("/api/v1/tokens", null).text("token");
        secrets.add(apiToken);
        Api.at(port).basic(person.userId, "a-wrong-password-typed").post("/api/v1/tokens", null);
        secrets.add("a-wrong-password-typed");
        var invited = operator.post(users(company), Fixtures.with(Fixtures.validUser("ACTIVE"), "roles", List.of("MEMBER")));
        String link = linkFor(invited.text("email"));
        String linkToken = link.substring(link.lastIndexOf('/') + 1);
        Browser browser = new Browser(port);
        browser.get(link);
        String newPassword = "set-through-the-link-8841";
        assertThat(browser.post(link, Map.of("password", newPassword, "confirmation", newPassword)).html())
                .contains("Your password is set");
        secrets.addAll(List.of(newPassword, linkToken));
        String newToken = Api.at(port).basic(invited.text("userId"), newPassword).post("/api/v1/tokens", null).text("token");
        secrets.add(newToken);
        admin.api.post(users(company), Fixtures.userWithPassword("ACTIVE", "yet-another-password-5510"));
        secrets.add("yet-another-password-5510");
        for (String token : List.of(apiToken, linkToken, newToken)) {
            secrets.add(Secrets.sha256(token));
        }
        secrets.addAll(jdbc.sql("SELECT password_hash FROM accounts WHERE home_company_id = ? AND password_hash IS NOT NULL")
                .param(company).query(String.class).list());
        secrets.addAll(jdbc.sql("SELECT t.token_hash FROM api_tokens t JOIN accounts a ON a.id = t.account_id"
                + " WHERE a.home_company_id = ?").param(company).query(String.class).list());
        secrets.addAll(jdbc.sql("SELECT token_hash FROM invitations WHERE company_id = ?").param(company)
                .query(String.class).list());

        List<JsonNode> trail = all(admin.api, audit(company));
        assertThat(actions(trail)).contains("user.password_changed", "sign_in.failed", "sign_in.succeeded");
        List<String> rows = jdbc.sql("SELECT * FROM audit_entries WHERE company_id = ?").param(company).query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                row.append(rs.getString(column)).append('|');
            }
            return row.toString();
        }).list();
        assertThat(rows).isNotEmpty();
        for (String secret : secrets) {
            assertThat(rows).as("no column holds a secret").noneMatch(row -> row.contains(secret));
        }
    }

    // ---- append-only, in the change's transaction ---------------------------------------------

    @Test
    void the_database_refuses_to_update_or_delete_an_entry() {
        String id = all(admin.api, audit(company)).getFirst().get("id").asString();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entries SET action = 'tampered' WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entries WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entries WHERE company_id = ?").param(company).update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT action FROM audit_entries WHERE id = ?").param(id).query(String.class).single())
                .isNotEqualTo("tampered");
    }

    @Test
    void a_rolled_back_change_leaves_no_entry() {
        tx.executeWithoutResult(status -> {
            events.publishEvent(new LicensesChanged(new CompanyId(company), 10, 99, 1));
            assertThat(count(company, "licenses.changed")).as("filed for the commit, not yet written").isZero();
            status.flush();
            assertThat(count(company, "licenses.changed")).as("written in the same transaction").isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(count(company, "licenses.changed")).isZero();
    }

    @Test
    void a_transaction_started_inside_another_commits_its_own_entries_when_the_outer_one_rolls_back() {
        TransactionTemplate requiresNew = new TransactionTemplate(tx.getTransactionManager());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.executeWithoutResult(outer -> {
            events.publishEvent(new LicensesChanged(new CompanyId(company), 20, 21, 1));
            requiresNew.executeWithoutResult(inner -> events.publishEvent(new LicensesChanged(new CompanyId(company), 21, 22, 1)));
            outer.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT after_json FROM audit_entries WHERE company_id = ? AND action = 'licenses.changed'")
                .param(company).query(String.class).list())
                .singleElement().asString().contains("\"licensesPurchased\":22");
    }

    @Test
    void entries_filed_after_a_savepoint_that_is_rolled_back_are_never_written_and_the_others_commit() {
        tx.executeWithoutResult(status -> {
            events.publishEvent(new LicensesChanged(new CompanyId(company), 10, 11, 1));
            Object savepoint = status.createSavepoint();
            events.publishEvent(new LicensesChanged(new CompanyId(company), 11, 12, 1));
            status.rollbackToSavepoint(savepoint);
            events.publishEvent(new LicensesChanged(new CompanyId(company), 11, 13, 1));
        });
        tx.executeWithoutResult(status -> {
            Object savepoint = status.createSavepoint();
            events.publishEvent(new LicensesChanged(new CompanyId(company), 13, 14, 1));
            status.flush();
            status.rollbackToSavepoint(savepoint);
        });

        assertThat(jdbc.sql("SELECT after_json FROM audit_entries WHERE company_id = ? AND action = 'licenses.changed'"
                + " ORDER BY occurred_at, id").param(company).query(String.class).list())
                .hasSize(2)
                .anyMatch(json -> json.contains("\"licensesPurchased\":11"))
                .anyMatch(json -> json.contains("\"licensesPurchased\":13"));
    }

    @Test
    void a_change_whose_entry_cannot_be_written_does_not_commit() {
        // an actor whose userId does not fit the column: the entry fails, so the change must too
        Caller impossible = new Caller(admin.id, "x".repeat(65), false, company, null, null, null);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(impossible, null, List.of()));
        try {
            assertThatThrownBy(() -> licenses.changePurchased(new CompanyId(company), 42)).isNotNull();
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(licenses.usage(new CompanyId(company)).purchased()).isEqualTo(10);
        assertThat(count(company, "licenses.changed")).isZero();
    }

    @Test
    void a_change_outside_any_request_is_recorded_as_the_system() {
        licenses.changePurchased(new CompanyId(company), 11);

        JsonNode entry = only(all(admin.api, audit(company)), "licenses.changed", company);
        assertThat(entry.get("actorKind").asString()).isEqualTo("SYSTEM");
        assertThat(entry.get("actorAccountId").isNull()).isTrue();
        assertThat(entry.get("requestId").isNull()).isTrue();
    }

    // ---- helpers ------------------------------------------------------------------------------

    record Person(String id, String userId, Api api) {
    }

    Person person(String companyId, String role) {
        var created = operator.post(users(companyId),
                Fixtures.with(Fixtures.userWithPassword("ACTIVE", PASSWORD), "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.text("userId");
        return new Person(created.text("id"), userId, Api.at(port).signIn(userId, PASSWORD));
    }

    Person partnerMember(String partner, String role) {
        String userId = Fixtures.unique("staff").toLowerCase();
        var created = operator.post("/api/v1/partners/" + partner + "/members", Map.of("userId", userId,
                "firstName", "Paula", "lastName", "Partner", "email", userId + "@partner.example", "password", PASSWORD,
                "emailVerified", true, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Person(created.text("accountId"), userId, Api.at(port).signIn(userId, PASSWORD));
    }

    /** Every entry of a list, page after page. */
    static List<JsonNode> all(Api as, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            var page = as.get(path + (path.contains("?") ? "&" : "?") + "limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            cursor = page.text("nextCursor");
        } while (cursor != null);
        return items;
    }

    static JsonNode only(List<JsonNode> trail, String action, String targetId) {
        List<JsonNode> found = trail.stream().filter(e -> e.get("action").asString().equals(action)
                && targetId.equals(e.get("targetId").asString())).toList();
        assertThat(found).as(action + " on " + targetId + " in " + trail).hasSize(1);
        return found.getFirst();
    }

    private String badField(String path) {
        var response = admin.api.get(path);
        assertThat(response.status()).as(path + " → " + response).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        return response.json().get("errors").get(0).get("field").asString();
    }

    private String linkFor(String email) {
        for (int attempt = 0; attempt < 50; attempt++) {
            JsonNode mails = operator.get("/api/v1/mail?recipient=" + enc(email)).json().get("items");
            for (JsonNode mail : mails) {
                Matcher matcher = LINK.matcher(mail.get("bodyText").asString());
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            sleep();
        }
        throw new AssertionError("no link mailed to " + email);
    }

    private long count(String companyId, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE company_id = ? AND action = ?")
                .params(companyId, action).query(Long.class).single();
    }

    static List<String> ids(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("id").asString()).toList();
    }

    static List<String> actions(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("action").asString()).toList();
    }

    static String users(String companyId) {
        return "/api/v1/companies/" + companyId + "/users";
    }

    static String audit(String companyId) {
        return "/api/v1/companies/" + companyId + "/audit";
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
