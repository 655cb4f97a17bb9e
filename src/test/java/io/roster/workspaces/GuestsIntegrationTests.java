package io.roster.workspaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.roster.support.Api;
import io.roster.support.AtOnce;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Guests (docs/rules.md §8): an external invitation records its sender as the guest's sponsor and
 * may end the right at a date; the end date passes (the test clock moves) and the right goes; a
 * sponsor who leaves hands its guests to the workspace's ADMINs.
 */
@IntegrationTest
class GuestsIntegrationTests {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/invitations/[A-Za-z0-9_-]+)");
    private static final String PASSWORD = "guests-test-password";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    EndDates endDates;

    Fixtures fixtures;
    String company;
    Person admin;
    String workspace;

    record Person(String id, String email, Api api) {
    }

    @BeforeEach
    void aCompanyWithAWorkspace() {
        fixtures = new Fixtures(Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD));
        company = fixtures.company(20);
        admin = person("ADMINISTRATOR");
        workspace = admin.api.post(base() + "/workspaces", Map.of("name", Fixtures.unique("Guests"))).text("id");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void an_external_invitation_records_the_sponsor_and_the_end_date() {
        Instant endsAt = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        String email = Fixtures.unique("guest") + "@outside.example";

        var invited = admin.api.post(invitations(), Map.of("email", email, "right", "READ", "endsAt", endsAt.toString()));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(Instant.parse(invited.text("endsAt"))).isEqualTo(endsAt);
        assertThat(invited.text("invitedBy")).isEqualTo(admin.id);
        String guest = accept(email);

        JsonNode member = admin.api.get(members() + "/" + guest).json();
        assertThat(member.get("sponsorAccountId").asString()).isEqualTo(admin.id);
        assertThat(member.get("guest").asBoolean()).isTrue();
        assertThat(Instant.parse(member.get("endsAt").asString())).isEqualTo(endsAt);
        JsonNode creator = admin.api.get(members() + "/" + admin.id).json();
        assertThat(creator.get("guest").asBoolean()).isFalse();
        assertThat(creator.get("sponsorAccountId").isNull()).isTrue();
    }

    @Test
    void an_end_date_in_the_past_or_unreadable_is_refused_with_what_to_fix() {
        String email = Fixtures.unique("late") + "@outside.example";
        var past = admin.api.post(invitations(), Map.of("email", email, "right", "READ",
                "endsAt", Instant.now().minus(Duration.ofDays(1)).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("code")).isEqualTo("ENDS_AT_NOT_FUTURE");
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("endsAt");

        var french = admin.api.withHeader("Accept-Language", "fr").post(invitations(), Map.of("email", email,
                "right", "READ", "endsAt", "next tuesday"));
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.text("code")).isEqualTo("ENDS_AT_FORMAT");
        assertThat(french.text("detail")).contains("illisible");
        assertThat(admin.api.get(invitations()).json().get("items")).isEmpty();
    }

    @Test
    void an_administrator_sets_changes_and_clears_a_members_end_date_audited() {
        String guest = accept(invite(Fixtures.unique("dated") + "@outside.example", null));
        Instant first = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        Instant second = first.plus(Duration.ofDays(30));

        var set = admin.api.patch(members() + "/" + guest, Map.of("endsAt", first.toString()), Map.of());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(Instant.parse(set.text("endsAt"))).isEqualTo(first);
        assertThat(Instant.parse(admin.api.patch(members() + "/" + guest, Map.of("endsAt", second.toString()), Map.of())
                .text("endsAt"))).isEqualTo(second);
        Map<String, Object> clear = new HashMap<>();
        clear.put("endsAt", null);
        assertThat(admin.api.patch(members() + "/" + guest, clear, Map.of()).json().get("endsAt").isNull()).isTrue();

        assertThat(admin.api.patch(members() + "/" + guest, Map.of(), Map.of()).text("code")).isEqualTo("ENDS_AT_REQUIRED");
        assertThat(admin.api.patch(members() + "/" + guest, Map.of("endsAt", Instant.now().minusSeconds(60).toString()),
                Map.of()).status()).isEqualTo(400);
        Person plain = person("MEMBER");
        assertThat(plain.api.patch(members() + "/" + guest, Map.of("endsAt", second.toString()), Map.of()).status())
                .isIn(403, 404);

        assertThat(audit("workspace.end_date_changed")).hasSize(3);
    }

    @Test
    void at_its_end_date_the_right_goes_and_the_guest_vanishes_from_the_users_table() {
        String guest = accept(invite(Fixtures.unique("leaving") + "@outside.example",
                Instant.now().plus(Duration.ofDays(3))));
        assertThat(admin.api.get(users() + "/" + guest).status()).isEqualTo(200);

        endDates.endDue();
        assertThat(admin.api.get(members() + "/" + guest).status()).as("not due yet").isEqualTo(200);

        clock.advance(Duration.ofDays(4));
        endDates.endDue();

        assertThat(admin.api.get(members() + "/" + guest).status()).isEqualTo(404);
        assertThat(admin.api.get(users() + "/" + guest).status()).isEqualTo(404);
        assertThat(audit("workspace.right_ended")).singleElement()
                .satisfies(entry -> assertThat(entry.get("actorKind").asString()).isEqualTo("SYSTEM"));
        assertThat(audit("workspace.right_removed")).hasSize(1);
        assertThat(notificationKinds(admin)).contains("GUEST_RIGHT_ENDED");
    }

    @Test
    void a_guest_with_another_right_stays_in_the_users_table_when_one_right_ends() {
        String email = Fixtures.unique("twice") + "@outside.example";
        String guest = accept(invite(email, Instant.now().plus(Duration.ofDays(1))));
        String other = admin.api.post(base() + "/workspaces", Map.of("name", Fixtures.unique("Other"))).text("id");
        assertThat(admin.api.put(base() + "/workspaces/" + other + "/members/" + guest, Map.of("right", "READ")).status())
                .isEqualTo(201);

        clock.advance(Duration.ofDays(2));
        endDates.endDue();

        assertThat(admin.api.get(members() + "/" + guest).status()).isEqualTo(404);
        assertThat(admin.api.get(users() + "/" + guest).status()).isEqualTo(200);
    }

    @Test
    void two_runs_at_once_end_a_right_only_once() throws Exception {
        String guest = accept(invite(Fixtures.unique("race") + "@outside.example", Instant.now().plus(Duration.ofHours(2))));
        clock.advance(Duration.ofHours(3));

        AtOnce.twice(endDates::endDue);

        assertThat(admin.api.get(members() + "/" + guest).status()).isEqualTo(404);
        assertThat(audit("workspace.right_ended")).hasSize(1);
        assertThat(audit("workspace.right_removed")).hasSize(1);
    }

    @Test
    void the_last_admin_keeps_the_right_and_loses_its_end_date() {
        assertThat(admin.api.patch(members() + "/" + admin.id, Map.of("endsAt",
                Instant.now().plus(Duration.ofDays(1)).toString()), Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        endDates.endDue();

        JsonNode still = admin.api.get(members() + "/" + admin.id).json();
        assertThat(still.get("right").asString()).isEqualTo("ADMIN");
        assertThat(still.get("endsAt").isNull()).isTrue();
    }

    @Test
    void a_deactivated_sponsor_hands_its_guests_to_the_workspaces_admins() {
        Person sponsor = person("ADMINISTRATOR");
        assertThat(admin.api.put(members() + "/" + sponsor.id, Map.of("right", "ADMIN")).status()).isEqualTo(201);
        String email = Fixtures.unique("handed") + "@outside.example";
        assertThat(sponsor.api.post(invitations(), Map.of("email", email, "right", "WRITE")).status()).isEqualTo(201);
        String guest = accept(email);
        assertThat(admin.api.get(members() + "/" + guest).text("sponsorAccountId")).isEqualTo(sponsor.id);

        assertThat(admin.api.post(users() + "/" + sponsor.id + "/deactivate", null).status()).isEqualTo(200);

        JsonNode member = admin.api.get(members() + "/" + guest).json();
        assertThat(member.get("sponsorAccountId").isNull()).isTrue();
        assertThat(member.get("guest").asBoolean()).isTrue();
        assertThat(audit("workspace.guests_handed_over")).singleElement().satisfies(entry -> {
            assertThat(entry.get("before").get("sponsorAccountId").asString()).isEqualTo(sponsor.id);
            assertThat(entry.get("after").get("reason").asString()).isEqualTo("DEACTIVATED");
        });
        assertThat(notificationKinds(admin)).contains("GUESTS_HANDED_OVER");
    }

    @Test
    void a_sponsor_losing_its_right_on_the_workspace_hands_its_guests_over() {
        Person sponsor = person("MEMBER");
        assertThat(admin.api.put(members() + "/" + sponsor.id, Map.of("right", "ADMIN")).status()).isEqualTo(201);
        String email = Fixtures.unique("orphan") + "@outside.example";
        sponsor.api.post(invitations(), Map.of("email", email, "right", "READ"));
        String guest = accept(email);

        assertThat(admin.api.delete(members() + "/" + sponsor.id, Map.of()).status()).isEqualTo(204);

        assertThat(admin.api.get(members() + "/" + guest).json().get("sponsorAccountId").isNull()).isTrue();
        assertThat(audit("workspace.guests_handed_over")).singleElement().satisfies(entry ->
                assertThat(entry.get("after").get("reason").asString()).isEqualTo("RIGHT_REMOVED"));
    }

    private String invite(String email, Instant endsAt) {
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "right", "READ"));
        if (endsAt != null) {
            body.put("endsAt", endsAt.toString());
        }
        var invited = admin.api.post(invitations(), body);
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        return email;
    }

    /** The invited person creates an account from the mailed link; returns its account id. */
    private String accept(String email) {
        await().atMost(Duration.ofSeconds(5)).until(() -> !mailsTo(email).isEmpty());
        Matcher matcher = LINK.matcher(mailsTo(email).getLast());
        assertThat(matcher.find()).isTrue();
        String link = java.net.URI.create(matcher.group(1)).getRawPath();
        Browser browser = new Browser(port);
        browser.get(link);
        String handle = Fixtures.unique("g").toLowerCase();
        Browser.Page done = browser.post(link, Map.of("firstName", "Gaston", "lastName", "Lagaffe", "userId", handle,
                "password", "a guest password", "confirmation", "a guest password"));
        assertThat(done.html()).contains("Your account is created");
        return jdbc.sql("SELECT id FROM accounts WHERE user_id = ?").param(handle).query(String.class).single();
    }

    private List<String> mailsTo(String email) {
        return jdbc.sql("SELECT body_text FROM mail_outbox WHERE recipient = ? ORDER BY created_at, id")
                .param(email).query(String.class).list();
    }

    private List<JsonNode> audit(String action) {
        List<JsonNode> entries = new ArrayList<>();
        admin.api.get(base() + "/audit?action=" + action).json().get("items").forEach(entries::add);
        return entries;
    }

    private List<String> notificationKinds(Person person) {
        List<String> kinds = new ArrayList<>();
        person.api.get("/api/v1/me/notifications").json().get("items")
                .forEach(item -> kinds.add(item.get("kind").asString()));
        return kinds;
    }

    private Person person(String... roles) {
        Map<String, Object> body = Fixtures.with(Fixtures.validUser("ACTIVE"), "password", PASSWORD,
                "emailVerified", true, "roles", List.of(roles));
        var created = fixtures.createUser(company, body);
        assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        return new Person(created.text("id"), (String) body.get("email"),
                Api.at(port).signIn((String) body.get("userId"), PASSWORD));
    }

    private String base() {
        return "/api/v1/companies/" + company;
    }

    private String users() {
        return base() + "/users";
    }

    private String members() {
        return base() + "/workspaces/" + workspace + "/members";
    }

    private String invitations() {
        return base() + "/workspaces/" + workspace + "/invitations";
    }
}
