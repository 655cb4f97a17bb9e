package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** docs/rules.md §1, §14: the Users table's filters, prefix search, sorts and keyset pagination. */
@IntegrationTest
class UsersListIntegrationTests {

    private static final List<String> FIRST_NAMES = List.of("Anne", "Paul", "Chloe", "Louis", "Emma", "Hugo",
            "Lea", "Jules", "Manon", "Gabriel", "Ines", "Arthur");
    // ties on purpose (several Martins), and one lower-case particle that only a case-insensitive sort puts first
    private static final List<String> LAST_NAMES = List.of("Martin", "Bernard", "Martin", "Dubois", "de la Tour",
            "Martin", "Bernard", "Thomas", "Martin", "Robert", "Dubois", "Martin", "Richard", "Bernard", "Petit",
            "Durand", "Thomas", "Leroy", "Moreau", "Simon", "Bernard", "Laurent", "Lefebvre", "Michel");

    @LocalServerPort
    int port;

    Api api;
    Fixtures fixtures;
    String company;
    String tag;
    /** Every row created in {@link #company}, by id, as the API returned it at creation. */
    Map<String, JsonNode> rows;
    Map<String, String> idsByUserId;

    @BeforeEach
    void aCompanyOfThirtyTwoUsers() {
        api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(api);
        company = fixtures.company(40);
        tag = "t" + UUID.randomUUID().toString().substring(0, 6);
        rows = new LinkedHashMap<>();
        idsByUserId = new HashMap<>();
        for (int i = 0; i < LAST_NAMES.size(); i++) {
            String handle = tag + "u" + String.format("%02d", i);
            String local = i % 4 == 0 ? handle.toUpperCase(Locale.ROOT) : handle;
            create(user(handle, FIRST_NAMES.get(i % FIRST_NAMES.size()), LAST_NAMES.get(i), local + "@example.com",
                    i % 3 == 2 ? "DRAFT" : "ACTIVE"));
        }
        create(user(tag + "ab_c1", "Olivia", "Underwood", "s1." + tag + "@example.com", "ACTIVE"));
        create(user(tag + "abxc1", "Oscar", "Underhill", "s2." + tag + "@example.com", "ACTIVE"));
        create(user(tag + "pct1", "Nina", "Per%cent", "s3." + tag + "@example.com", "DRAFT"));
        create(user(tag + "pct2", "Noah", "Perxcent", "s4." + tag + "@example.com", "DRAFT"));
        create(user(tag + "xan", "Xanthippe", "Greco", "s5." + tag + "@example.com", "ACTIVE"));
        create(user(tag + "quack", "Victor", "Quackenbush", "s6." + tag + "@example.com", "ACTIVE"));
        create(user(tag + "zeb", "Yves", "Vidal", "Zebedee." + tag + "@Example.org", "ACTIVE"));
        Map<String, Object> nameless = new HashMap<>();
        nameless.put("userId", tag + "nameless");
        create(nameless);
        String deactivated = idsByUserId.get(tag + "u00");
        assertThat(api.post(users() + "/" + deactivated + "/deactivate", null).text("status")).isEqualTo("INACTIVE");
        rows.put(deactivated, api.get(users() + "/" + deactivated).json());

        String other = fixtures.company(5);
        fixtures.createUser(other, user(tag + "ab_c9", "Xanthippe", "Martin", "other." + tag + "@example.com", "ACTIVE"));
        fixtures.createUser(other, user(tag + "per", "Pernille", "Per%cent", "per." + tag + "@example.com", "DRAFT"));
    }

    @Test
    void the_list_holds_every_row_of_the_company_and_none_of_another_company() {
        List<JsonNode> all = list("limit=200");

        assertThat(all).hasSize(32);
        assertThat(idsOf(all)).containsExactlyInAnyOrderElementsOf(rows.keySet());
        assertThat(api.get(users()).json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void each_row_of_a_page_carries_its_own_roles_sorted_by_role_id() {
        String anne = idsByUserId.get(tag + "u01");
        String louis = idsByUserId.get(tag + "u03");
        grant(anne, "USER_MANAGER");
        grant(anne, "AUDITOR");
        grant(louis, "BILLING_MANAGER");

        for (int limit : new int[] {200, 5}) {
            Map<String, List<String>> rolesById = new HashMap<>();
            String cursor = null;
            do {
                JsonNode page = api.get(users() + "?sort=userId&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.get("items").valueStream().forEach(item -> rolesById.put(item.get("id").asString(),
                        item.get("roles").valueStream().map(JsonNode::asString).toList()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            } while (cursor != null);

            assertThat(rolesById).hasSize(32);
            assertThat(rolesById.get(anne)).as("limit " + limit).containsExactly("AUDITOR", "USER_MANAGER");
            assertThat(rolesById.get(louis)).as("limit " + limit).containsExactly("BILLING_MANAGER");
            rolesById.forEach((id, roles) -> {
                if (!id.equals(anne) && !id.equals(louis)) {
                    assertThat(roles).as("roles of " + id).isEmpty();
                }
            });
        }
    }

    @Test
    void the_status_filter_keeps_only_rows_of_that_status() {
        Set<String> active = idsWhere(row -> row.get("status").asString().equals("ACTIVE"));
        Set<String> draft = idsWhere(row -> row.get("status").asString().equals("DRAFT"));

        List<JsonNode> activeRows = list("status=ACTIVE&limit=200");
        List<JsonNode> draftRows = list("status=DRAFT&limit=200");
        List<JsonNode> inactiveRows = list("status=INACTIVE&limit=200");

        assertThat(active).hasSize(20);
        assertThat(draft).hasSize(11);
        assertThat(idsOf(activeRows)).containsExactlyInAnyOrderElementsOf(active);
        assertThat(idsOf(draftRows)).containsExactlyInAnyOrderElementsOf(draft);
        assertThat(idsOf(inactiveRows)).containsExactly(idsByUserId.get(tag + "u00"));
        assertThat(idsOf(list("status=draft&limit=200"))).containsExactlyInAnyOrderElementsOf(draft);
        assertThat(api.get("/api/v1/companies/" + company).json().get("licensesUsed").asInt()).isEqualTo(20);
    }

    @Test
    void q_is_a_case_insensitive_prefix_of_the_user_id() {
        assertThat(userIdsOf(search(tag.toUpperCase(Locale.ROOT) + "AB"))).containsExactlyInAnyOrder(tag + "ab_c1",
                tag + "abxc1");
        assertThat(userIdsOf(search(tag + "pct"))).containsExactlyInAnyOrder(tag + "pct1", tag + "pct2");
        assertThat(search(tag + "u")).hasSize(24);
    }

    @Test
    void q_is_a_case_insensitive_prefix_of_the_first_name() {
        assertThat(userIdsOf(search("XANTH"))).containsExactly(tag + "xan");
        assertThat(userIdsOf(search("xanthippe"))).containsExactly(tag + "xan");
    }

    @Test
    void q_is_a_case_insensitive_prefix_of_the_last_name() {
        assertThat(userIdsOf(search("QUACK"))).containsExactly(tag + "quack");
        assertThat(userIdsOf(search("underw"))).containsExactly(tag + "ab_c1");
        assertThat(search("martin")).hasSize(5);
        assertThat(search("DE LA")).hasSize(1);
    }

    @Test
    void q_is_a_case_insensitive_prefix_of_the_email() {
        assertThat(userIdsOf(search("ZEBEDEE"))).containsExactly(tag + "zeb");
        assertThat(userIdsOf(search("zebedee." + tag + "@example.ORG"))).containsExactly(tag + "zeb");
        assertThat(userIdsOf(search("s6." + tag.toUpperCase(Locale.ROOT)))).containsExactly(tag + "quack");
    }

    @Test
    void q_matches_a_prefix_only_not_the_middle_of_a_word() {
        assertThat(search("ckenbush")).isEmpty();
        assertThat(search("ebedee")).isEmpty();
        assertThat(search("example.com")).isEmpty();
    }

    @Test
    void underscore_and_percent_in_q_are_literal_characters_not_wildcards() {
        assertThat(userIdsOf(search(tag + "ab_"))).containsExactly(tag + "ab_c1");
        assertThat(userIdsOf(search(tag + "ab_c"))).containsExactly(tag + "ab_c1");
        assertThat(userIdsOf(search("per%"))).containsExactly(tag + "pct1");
        assertThat(userIdsOf(search("Per%c"))).containsExactly(tag + "pct1");
        assertThat(search("%")).isEmpty();
        assertThat(search("_")).isEmpty();
        assertThat(search("%" + tag)).isEmpty();
        assertThat(search(tag + "\\")).isEmpty();
    }

    @Test
    void q_combines_with_the_status_filter() {
        Set<String> expected = idsWhere(row -> row.get("status").asString().equals("DRAFT")
                && row.get("userId").asString().startsWith(tag + "u"));

        List<JsonNode> found = list("status=DRAFT&limit=200&q=" + encode(tag + "U"));

        assertThat(expected).hasSize(8);
        assertThat(idsOf(found)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void users_of_another_company_never_appear_even_when_they_match() {
        assertThat(search("xanth")).hasSize(1);
        assertThat(search(tag + "ab_c")).hasSize(1);
        assertThat(userIdsOf(search("per%"))).containsExactly(tag + "pct1");
        assertThat(userIdsOf(list("limit=200"))).doesNotContain(tag + "ab_c9", tag + "per");
    }

    @Test
    void sort_by_user_id_is_the_default_and_is_case_insensitive_ascending() {
        List<String> sorted = idsOf(list("sort=userId&limit=200"));

        assertThat(sorted).containsExactlyElementsOf(expectedOrder(UsersListIntegrationTests::userIdKey, false));
        assertThat(idsOf(list("limit=200"))).containsExactlyElementsOf(sorted);
        assertThat(idsOf(list("sort=-userId&limit=200")))
                .containsExactlyElementsOf(expectedOrder(UsersListIntegrationTests::userIdKey, true));
    }

    @Test
    void sort_by_last_name_ascending_and_descending_is_case_insensitive_with_ties_broken_by_id() {
        List<String> ascending = idsOf(list("sort=lastName&limit=200"));
        List<String> descending = idsOf(list("sort=-lastName&limit=200"));

        assertThat(ascending).containsExactlyElementsOf(expectedOrder(row -> key(row, "lastName"), false));
        assertThat(descending).containsExactlyElementsOf(expectedOrder(row -> key(row, "lastName"), true));
        assertThat(descending).containsExactlyElementsOf(ascending.reversed());
        // the nameless draft first, then "de la Tour" before "Dubois" whatever the case
        assertThat(lastNamesOf(list("sort=lastName&limit=3"))).containsExactly(null, "Bernard", "Bernard");
        assertThat(lastNamesOf(list("sort=lastName&limit=200"))).containsSubsequence("de la Tour", "Dubois", "Durand");
        assertThat(lastNamesOf(list("sort=-lastName&limit=2"))).containsExactly("Vidal", "Underwood");
    }

    @Test
    void sort_by_email_is_case_insensitive() {
        List<String> ascending = idsOf(list("sort=email&limit=200"));

        assertThat(ascending).containsExactlyElementsOf(expectedOrder(row -> key(row, "email"), false));
        assertThat(idsOf(list("sort=-email&limit=200")))
                .containsExactlyElementsOf(expectedOrder(row -> key(row, "email"), true));
        assertThat(userIdsOf(list("sort=-email&limit=1"))).containsExactly(tag + "zeb");
    }

    @Test
    void sort_by_status_puts_active_then_draft_then_inactive() {
        List<JsonNode> ascending = list("sort=status&limit=200");
        List<JsonNode> descending = list("sort=-status&limit=200");

        assertThat(idsOf(ascending)).containsExactlyElementsOf(expectedOrder(row -> row.get("status").asString(), false));
        assertThat(idsOf(descending)).containsExactlyElementsOf(expectedOrder(row -> row.get("status").asString(), true));
        assertThat(ascending.getFirst().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(ascending.getLast().get("status").asString()).isEqualTo("INACTIVE");
    }

    @Test
    void pages_of_seven_walk_every_row_exactly_once_in_every_sort() {
        for (String sort : List.of("userId", "-userId", "lastName", "-lastName", "email", "-email", "status", "-status")) {
            List<String> walked = walk("sort=" + sort, 7);
            List<String> onePage = idsOf(list("sort=" + sort + "&limit=200"));

            assertThat(walked).as("sort " + sort).doesNotHaveDuplicates().hasSize(32);
            assertThat(walked).as("sort " + sort).containsExactlyElementsOf(onePage);
        }
    }

    @Test
    void pages_walk_a_filtered_list_exactly_once_too() {
        Set<String> active = idsWhere(row -> row.get("status").asString().equals("ACTIVE"));

        List<String> ascending = walk("status=ACTIVE&sort=lastName", 7);
        List<String> descending = walk("status=ACTIVE&sort=-lastName", 7);

        assertThat(ascending).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(active);
        assertThat(descending).containsExactlyElementsOf(ascending.reversed());
        assertThat(walk("q=" + encode(tag + "u") + "&sort=-status", 5)).doesNotHaveDuplicates().hasSize(24);
    }

    @Test
    void a_status_filter_walks_in_user_id_order_both_ways_with_and_without_a_search() {
        for (String status : List.of("ACTIVE", "DRAFT")) {
            List<String> expected = expectedOrder(UsersListIntegrationTests::userIdKey, false).stream()
                    .filter(idsWhere(row -> row.get("status").asString().equals(status))::contains).toList();

            assertThat(walk("status=" + status, 3)).as(status).containsExactlyElementsOf(expected);
            assertThat(walk("status=" + status + "&sort=-userId", 3)).as(status).containsExactlyElementsOf(expected.reversed());
            assertThat(walk("status=" + status + "&q=" + encode(tag + "u"), 2)).as(status)
                    .doesNotHaveDuplicates().isSubsetOf(expected)
                    .containsExactlyElementsOf(idsOf(list("status=" + status + "&limit=200&q=" + encode(tag + "u"))));
        }
    }

    @Test
    void a_page_boundary_inside_a_run_of_ties_loses_and_repeats_nothing() {
        // 5 Martins: pages of 1, 2 and 4 cut the run at every position
        for (int limit : List.of(1, 2, 4)) {
            List<String> walked = walk("q=martin&sort=lastName", limit);
            assertThat(walked).as("limit " + limit).doesNotHaveDuplicates().hasSize(5);
            assertThat(walked).containsExactlyElementsOf(idsOf(list("q=martin&sort=lastName&limit=200")));
        }
    }

    @Test
    void pagination_survives_any_character_typed_in_a_draft() {
        String drafts = fixtures.company(1);
        // control characters (the cursor's separator among them) are refused as input since issue 12
        for (String lastName : List.of("a\ta", "b\u2028b", "c")) {
            assertThat(fixtures.createUser(drafts, Map.of("userId", Fixtures.unique("d"), "lastName", lastName)).status())
                    .isEqualTo(201);
        }
        String base = "/api/v1/companies/" + drafts + "/users?sort=lastName&limit=1";
        List<String> lastNames = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            var response = api.get(base + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.status()).as("page " + page + ": " + response).isEqualTo(200);
            lastNames.add(response.json().get("items").get(0).get("lastName").asString());
            cursor = response.json().get("nextCursor").isNull() ? null : response.json().get("nextCursor").asString();
        }
        assertThat(lastNames).containsExactly("a\ta", "b\u2028b", "c");
        assertThat(cursor).isNull();
    }

    @Test
    void a_cursor_reused_with_another_sort_is_a_400() {
        String cursor = api.get(users() + "?sort=lastName&limit=7").json().get("nextCursor").asString();

        var otherField = api.get(users() + "?sort=email&limit=7&cursor=" + cursor);
        var otherDirection = api.get(users() + "?sort=-lastName&limit=7&cursor=" + cursor);
        var defaultSort = api.get(users() + "?limit=7&cursor=" + cursor);
        var sameSort = api.get(users() + "?sort=lastName&limit=7&cursor=" + cursor);

        for (var refused : List.of(otherField, otherDirection, defaultSort)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        }
        assertThat(sameSort.status()).isEqualTo(200);
        assertThat(sameSort.json().get("items").size()).isEqualTo(7);
    }

    private List<String> walk(String query, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var response = api.get(users() + "?" + query + "&limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode items = response.json().get("items");
            JsonNode next = response.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asString();
            if (cursor != null) {
                assertThat(items.size()).as("a page with a next page is full").isEqualTo(limit);
            }
            items.valueStream().forEach(item -> ids.add(item.get("id").asString()));
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("pagination of " + query + " did not end after 100 pages");
    }

    private List<String> expectedOrder(Function<JsonNode, String> sortKey, boolean descending) {
        Comparator<JsonNode> order = Comparator.comparing(sortKey).thenComparing(row -> row.get("id").asString());
        return rows.values().stream().sorted(descending ? order.reversed() : order)
                .map(row -> row.get("id").asString()).toList();
    }

    private static String userIdKey(JsonNode row) {
        return key(row, "userId");
    }

    private static String key(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? "" : value.asString().trim().toLowerCase(Locale.ROOT);
    }

    private Set<String> idsWhere(java.util.function.Predicate<JsonNode> condition) {
        Set<String> ids = new HashSet<>();
        rows.forEach((id, row) -> {
            if (condition.test(row)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private List<JsonNode> search(String q) {
        return list("limit=200&q=" + encode(q));
    }

    private List<JsonNode> list(String query) {
        var response = api.get(users() + "?" + query);
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(200);
        return response.json().get("items").valueStream().toList();
    }

    private static List<String> idsOf(List<JsonNode> items) {
        return items.stream().map(item -> item.get("id").asString()).toList();
    }

    private static List<String> userIdsOf(List<JsonNode> items) {
        return items.stream().map(item -> item.get("userId").asString()).toList();
    }

    private static List<String> lastNamesOf(List<JsonNode> items) {
        return items.stream().map(item -> key(item, "lastName").isEmpty() ? null : item.get("lastName").asString()).toList();
    }

    private void create(Map<String, Object> body) {
        var created = fixtures.createUser(company, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        if ("ACTIVE".equals(body.get("status"))) {
            assertThat(created.text("status")).as(created.toString()).isEqualTo("ACTIVE");
        }
        rows.put(created.text("id"), created.json());
        idsByUserId.put(created.text("userId"), created.text("id"));
    }

    private void grant(String accountId, String roleId) {
        var granted = api.post(users() + "/" + accountId + "/roles", Map.of("roleId", roleId));
        assertThat(granted.status()).as(granted.toString()).isIn(200, 201, 204);
    }

    private static Map<String, Object> user(String userId, String firstName, String lastName, String email, String status) {
        return Map.of("userId", userId, "firstName", firstName, "lastName", lastName, "email", email, "status", status);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String users() {
        return "/api/v1/companies/" + company + "/users";
    }
}
