package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Mailbox;
import io.roster.support.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** docs/rules.md, "Seat waitlist": over real HTTP, every rule of the waitlist. */
@IntegrationTest
class SeatWaitlistIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void signIn() {
        api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(api);
    }

    @Test
    void the_waitlist_is_off_by_default_and_a_refused_activation_is_refused_as_before() {
        String company = fixtures.company(1);
        assertThat(api.get(settings(company)).json().get("seatWaitlist").asBoolean()).isFalse();
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));

        var refused = fixtures.createUser(company, Fixtures.validUser("ACTIVE"));

        assertThat(refused.text("status")).isEqualTo("DRAFT");
        assertThat(refused.text("validationResult")).isEqualTo("No license available: 1 of 1 in use");
        assertThat(api.get(waitlist(company)).json().get("items")).isEmpty();
    }

    @Test
    void with_the_waitlist_on_a_refused_activation_waits_and_tells_its_position_in_both_languages() {
        String company = waitlisted(1);
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));

        var first = fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        String draft = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");
        var second = api.post(users(company) + draft + "/activate", null);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.text("status")).isEqualTo("DRAFT");
        assertThat(first.text("validationResult")).isEqualTo("Waiting for a license (position 1)");
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.text("validationResult")).isEqualTo("Waiting for a license (position 2)");
        assertThat(api.withHeader("Accept-Language", "fr").get(users(company) + draft).text("validationResult"))
                .isEqualTo("En attente d'une licence (position 2)");
        assertThat(api.post(users(company) + draft + "/activate", null).text("validationResult"))
                .as("asking again keeps the place").isEqualTo("Waiting for a license (position 2)");
        List<JsonNode> items = items(company);
        assertThat(items).extracting(item -> item.get("userId").asString())
                .containsExactly(first.text("userId"), second.text("userId"));
        assertThat(items).extracting(item -> item.get("position").asInt()).containsExactly(1, 2);
        assertThat(items.get(0).get("since").asString()).isNotBlank();
    }

    @Test
    void a_waiting_row_is_activated_at_once_when_a_seat_frees_and_mailed_like_any_activation() {
        String company = waitlisted(1);
        String active = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        var first = fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        var second = fixtures.createUser(company, Fixtures.validUser("ACTIVE"));

        api.post(users(company) + active + "/deactivate", null);

        var activated = api.get(users(company) + first.text("id"));
        assertThat(activated.text("status")).isEqualTo("ACTIVE");
        assertThat(activated.text("validationResult")).isEqualTo("OK");
        assertThat(api.get(users(company) + second.text("id")).text("validationResult"))
                .isEqualTo("Waiting for a license (position 1)");
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isEqualTo(1);
        assertThat(new Mailbox(api).link(first.text("email"), "ACCOUNT_SETUP")).contains("/invitations/");
        assertThat(actions(company, first.text("id"))).contains("user.activated", "waitlist.activated", "waitlist.joined");
    }

    @Test
    void licenses_added_go_to_the_waiting_rows_in_order_and_never_beyond_the_purchase() {
        String company = waitlisted(1);
        fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id"));
        }

        assertThat(api.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 3)).status())
                .isEqualTo(200);

        assertThat(statusOf(company, waiting)).containsExactly("ACTIVE", "ACTIVE", "DRAFT", "DRAFT");
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isEqualTo(3);
        assertThat(api.get(users(company) + waiting.get(3)).text("validationResult"))
                .isEqualTo("Waiting for a license (position 2)");
    }

    @Test
    void while_someone_waits_a_new_activation_joins_the_queue_behind_them() {
        String company = waitlisted(1);
        String active = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        String early = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        api.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 1));

        String late = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        assertThat(api.get(users(company) + late).text("validationResult")).isEqualTo("Waiting for a license (position 2)");

        api.post(users(company) + active + "/deactivate", null);

        assertThat(statusOf(company, List.of(early, late))).containsExactly("ACTIVE", "DRAFT");
        var reactivation = api.post(users(company) + active + "/activate", null);
        assertThat(reactivation.status()).as("an inactive row does not wait: only drafts do").isEqualTo(409);
        assertThat(reactivation.text("code")).isEqualTo("NO_LICENSE");
    }

    @Test
    void a_deleted_or_invalidated_waiting_row_leaves_the_queue_and_the_rows_behind_move_up() {
        String company = waitlisted(0);
        String deleted = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        String invalidated = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        String last = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");

        assertThat(api.delete(users(company) + deleted, Map.of()).status()).isEqualTo(204);
        assertThat(api.get(users(company) + last).text("validationResult")).isEqualTo("Waiting for a license (position 2)");
        var edited = api.patch(users(company) + invalidated, Map.of("email", "not-an-email"), Map.of());
        assertThat(edited.status()).isEqualTo(200);

        assertThat(edited.text("validationResult")).isEqualTo("Email is invalid");
        assertThat(api.get(users(company) + last).text("validationResult")).isEqualTo("Waiting for a license (position 1)");
        assertThat(items(company)).extracting(item -> item.get("accountId").asString()).containsExactly(last);
        assertThat(actions(company, invalidated)).contains("waitlist.removed");
    }

    @Test
    void a_waiting_row_whose_user_id_was_taken_meanwhile_is_skipped_and_the_next_one_gets_the_seat() {
        String company = waitlisted(0);
        var taken = Fixtures.validUser("ACTIVE");
        String skipped = fixtures.createUser(company, taken).text("id");
        String next = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");
        fixtures.createUser(fixtures.company(1), Fixtures.with(taken, "email", Fixtures.unique("other") + "@example.com"));

        api.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 1));

        assertThat(statusOf(company, List.of(skipped, next))).containsExactly("DRAFT", "ACTIVE");
        assertThat(api.get(users(company) + skipped).text("validationResult")).isEqualTo("User ID already taken");
        assertThat(items(company)).isEmpty();
    }

    @Test
    void an_administrator_moves_a_waiting_row_and_removes_another_which_then_says_why() {
        String company = waitlisted(0);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id"));
        }
        String third = entryOf(company, rows.get(2));

        var moved = api.post(waitlist(company) + "/" + third + "/move", Map.of("position", 1));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("position").asInt()).isEqualTo(1);
        assertThat(items(company)).extracting(item -> item.get("accountId").asString())
                .containsExactly(rows.get(2), rows.get(0), rows.get(1));
        assertThat(api.get(users(company) + rows.get(0)).text("validationResult")).isEqualTo("Waiting for a license (position 2)");

        assertThat(api.delete(waitlist(company) + "/" + entryOf(company, rows.get(0)), Map.of()).status()).isEqualTo(204);
        var removed = api.get(users(company) + rows.get(0));
        assertThat(removed.text("status")).isEqualTo("DRAFT");
        assertThat(removed.text("validationResult")).startsWith("Removed from the waitlist by an administrator");
        assertThat(api.get(users(company) + rows.get(1)).text("validationResult")).isEqualTo("Waiting for a license (position 2)");
        assertThat(actions(company, rows.get(2))).contains("waitlist.moved");
        assertThat(actions(company, rows.get(0))).contains("waitlist.removed");

        api.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 1));
        assertThat(statusOf(company, rows)).containsExactly("DRAFT", "DRAFT", "ACTIVE");
    }

    @Test
    void a_bad_move_or_an_entry_of_another_company_is_refused_clearly() {
        String company = waitlisted(0);
        String entry = entryOf(company, fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id"));
        String other = waitlisted(0);

        var zero = api.post(waitlist(company) + "/" + entry + "/move", Map.of("position", 0));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.toString()).contains("position");
        assertThat(api.delete(waitlist(other) + "/" + entry, Map.of()).status()).isEqualTo(404);
        assertThat(api.post(waitlist(other) + "/" + entry + "/move", Map.of("position", 1)).status()).isEqualTo(404);
        assertThat(items(company)).hasSize(1);
    }

    @Test
    void turning_the_waitlist_off_empties_it_and_the_rows_say_so() {
        String company = waitlisted(0);
        String waiting = fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("id");

        var off = api.put(settings(company), Map.of("seatWaitlist", false));

        assertThat(off.json().get("seatWaitlist").asBoolean()).isFalse();
        assertThat(items(company)).isEmpty();
        assertThat(api.get(users(company) + waiting).text("validationResult")).startsWith("The waitlist was turned off");
        assertThat(fixtures.createUser(company, Fixtures.validUser("ACTIVE")).text("validationResult"))
                .isEqualTo("No license available: 0 of 0 in use");
    }

    @Test
    void a_csv_import_queues_the_rows_left_without_a_seat_in_the_order_of_the_file() {
        String company = waitlisted(1);
        String handle = Fixtures.unique("csvw").toLowerCase();
        StringBuilder file = new StringBuilder("userId,firstName,lastName,email,status\n");
        for (int i = 0; i < 3; i++) {
            file.append(handle).append(i).append(",Ada,Lovelace,").append(handle).append(i).append("@example.com,ACTIVE\n");
        }

        var imported = api.raw("POST", users(company) + "import", "text/csv", file.toString());

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(items(company)).extracting(item -> item.get("userId").asString()).containsExactly(handle + 1, handle + 2);
        var second = api.get("/api/v1/companies/" + company + "/users?q=" + handle + 2).json().get("items").get(0);
        assertThat(second.get("validationResult").asString()).isEqualTo("Waiting for a license (position 2)");

        api.put("/api/v1/companies/" + company + "/licenses", Map.of("licensesPurchased", 2));
        assertThat(items(company)).extracting(item -> item.get("userId").asString()).containsExactly(handle + 2);
    }

    @Test
    void the_waitlist_is_paginated_in_order() {
        String company = waitlisted(0);
        for (int i = 0; i < 3; i++) {
            fixtures.createUser(company, Fixtures.validUser("ACTIVE"));
        }

        var page = api.get(waitlist(company) + "?limit=2");

        assertThat(page.json().get("items")).hasSize(2);
        var next = api.get(waitlist(company) + "?limit=2&cursor=" + page.text("nextCursor"));
        assertThat(next.json().get("items").get(0).get("position").asInt()).isEqualTo(3);
        assertThat(next.text("nextCursor")).isNull();
    }

    private String waitlisted(int licenses) {
        String company = fixtures.company(licenses);
        var on = api.put(settings(company), Map.of("seatWaitlist", true));
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.json().get("seatWaitlist").asBoolean()).isTrue();
        return company;
    }

    private List<String> statusOf(String company, List<String> ids) {
        return ids.stream().map(id -> api.get(users(company) + id).text("status")).toList();
    }

    private List<JsonNode> items(String company) {
        List<JsonNode> items = new ArrayList<>();
        api.get(waitlist(company)).json().get("items").forEach(items::add);
        return items;
    }

    private String entryOf(String company, String accountId) {
        return items(company).stream().filter(item -> item.get("accountId").asString().equals(accountId))
                .findFirst().orElseThrow().get("id").asString();
    }

    private List<String> actions(String company, String accountId) {
        List<String> actions = new ArrayList<>();
        api.get("/api/v1/companies/" + company + "/audit?limit=200").json().get("items").forEach(entry -> {
            if (accountId.equals(entry.get("targetId").asString())) {
                actions.add(entry.get("action").asString());
            }
        });
        return actions;
    }

    static String settings(String company) {
        return "/api/v1/companies/" + company + "/settings";
    }

    static String waitlist(String company) {
        return "/api/v1/companies/" + company + "/waitlist";
    }

    static String users(String company) {
        return "/api/v1/companies/" + company + "/users/";
    }
}
