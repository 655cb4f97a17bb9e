package io.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * docs/rules.md §1: search ignores case and accents and finds a name by the start of any of its
 * words; sorting follows the French dictionary (accents do not move a name).
 */
@IntegrationTest
class UsersSearchIntegrationTests {

    @LocalServerPort
    int port;

    Api api;
    String company;
    String tag;
    Map<String, String> idsByLastName = new HashMap<>();

    @BeforeEach
    void aCompanyOfFrenchNames() {
        api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        Fixtures fixtures = new Fixtures(api);
        company = fixtures.company(20);
        tag = "s" + UUID.randomUUID().toString().substring(0, 6);
        create("Élodie", "Lefèvre", "ACTIVE");
        create("Jean", "Dupré", "ACTIVE");
        create("Marie-Claire", "Besançon", "ACTIVE");
        create("Luc", "Bélanger", "DRAFT");
        create("Anne", "de la Tour", "ACTIVE");
        create("Œdipe", "Bernard", "DRAFT");
        create("Paul", "Dupont", "ACTIVE");
    }

    @Test
    void a_search_ignores_case_and_accents_in_what_is_typed_and_in_the_names() {
        assertThat(lastNames("lefevre")).containsExactly("Lefèvre");
        assertThat(lastNames("LEFÈVRE")).containsExactly("Lefèvre");
        assertThat(lastNames("dupre")).containsExactly("Dupré");
        assertThat(lastNames("Dupré")).containsExactly("Dupré");
        assertThat(lastNames("elo")).containsExactly("Lefèvre");
        assertThat(lastNames("oed")).containsExactly("Bernard");
        assertThat(lastNames("dup")).containsExactlyInAnyOrder("Dupré", "Dupont");
    }

    @Test
    void a_search_finds_a_name_by_the_start_of_any_of_its_words_but_not_inside_a_word() {
        assertThat(lastNames("claire")).containsExactly("Besançon");
        assertThat(lastNames("tour")).containsExactly("de la Tour");
        assertThat(lastNames("la t")).isEmpty();
        assertThat(lastNames("de la")).containsExactly("de la Tour");
        assertThat(lastNames("evre")).isEmpty();
        assertThat(lastNames("aire")).isEmpty();
    }

    @Test
    void the_words_follow_an_edit_of_the_names() {
        String id = idsByLastName.get("Dupont");
        var edited = api.patch(users() + "/" + id, Map.of("lastName", "Dupont-Moreau"), Map.of());
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        assertThat(lastNames("moreau")).containsExactly("Dupont-Moreau");

        api.patch(users() + "/" + id, Map.of("lastName", "Dupont"), Map.of());
        assertThat(lastNames("moreau")).isEmpty();
    }

    @Test
    void the_last_name_order_is_the_french_dictionary_order() {
        List<String> order = new ArrayList<>();
        api.get(users() + "?sort=lastName&limit=50").json().get("items").valueStream()
                .forEach(item -> order.add(item.get("lastName").asString()));

        assertThat(order).containsExactly("Bélanger", "Bernard", "Besançon", "de la Tour", "Dupont", "Dupré", "Lefèvre");
    }

    @Test
    void a_search_by_word_pages_like_any_other() {
        // "b" matches Bélanger, Bernard and Besançon by their last names: one page at a time
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(users() + "?q=b&sort=lastName&limit=1" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").valueStream().forEach(item -> paged.add(item.get("lastName").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null && paged.size() < 10);

        assertThat(paged).containsExactly("Bélanger", "Bernard", "Besançon");
    }

    @Test
    void a_word_search_holds_with_a_filter_and_with_every_sort() {
        assertThat(lastNamesOf(users() + "?limit=50&status=ACTIVE&q=claire")).containsExactly("Besançon");
        assertThat(lastNamesOf(users() + "?limit=50&status=DRAFT&q=claire")).isEmpty();
        for (String sort : List.of("userId", "-userId", "lastName", "-lastName", "email", "-email", "status", "-status")) {
            assertThat(lastNamesOf(users() + "?limit=50&sort=" + sort + "&q=tour")).as(sort).containsExactly("de la Tour");
        }
    }

    @Test
    void the_partner_space_searches_its_companies_by_word_and_without_accents() {
        Fixtures fixtures = new Fixtures(api);
        String partner = fixtures.partner();
        String first = fixtures.companyOf(partner, 5);
        String second = fixtures.companyOf(partner, 5);
        fixtures.createUser(first, Map.of("userId", tag + "p1", "firstName", "Jean-Édouard", "lastName", "Lefèvre",
                "email", tag + "p1@example.com"));
        fixtures.createUser(second, Map.of("userId", tag + "p2", "firstName", "Anne", "lastName", "Dupré-Édouard",
                "email", tag + "p2@example.com"));

        String base = "/api/v1/partners/" + partner + "/users?limit=50";
        assertThat(lastNamesOf(base + "&q=edouard")).containsExactlyInAnyOrder("Lefèvre", "Dupré-Édouard");
        assertThat(lastNamesOf(base + "&q=edouard&companyId=" + second)).containsExactly("Dupré-Édouard");
        assertThat(lastNamesOf(base + "&q=lefevre&sort=lastName")).containsExactly("Lefèvre");
    }

    private List<String> lastNamesOf(String path) {
        var response = api.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("items").valueStream().forEach(item -> names.add(
                (item.has("user") ? item.get("user") : item).get("lastName").asString()));
        return names;
    }

    private List<String> lastNames(String q) {
        var response = api.get(users() + "?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().get("items").valueStream().forEach(item -> names.add(item.get("lastName").asString()));
        return names;
    }

    private void create(String firstName, String lastName, String status) {
        String handle = tag + idsByLastName.size();
        var created = api.post(users(), Map.of("userId", handle, "firstName", firstName, "lastName", lastName,
                "email", handle + "@example.com", "status", status));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        idsByLastName.put(lastName, created.json().get("id").asString());
    }

    private String users() {
        return "/api/v1/companies/" + company + "/users";
    }
}
