package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.shared.CompanyId;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.TestClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The partner's cross-company Users list (docs/rules.md §7) over real HTTP: the companies the
 * partner opened (one walk of the partner's index) and one it asked access to (a second leg) make
 * one list, paged by cursor across companies and searched; a company whose grant is pending,
 * revoked, past its end date (before the expiry job) or without the users scope leaves the list
 * and its count at once.
 */
@IntegrationTest
class PartnerUsersListIntegrationTests {

    private static final String PASSWORD = "Quiet-Harbor-Orbit-7319";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    UsersTable table;

    Api operator;
    Fixtures fixtures;
    String partner;
    Api staff;
    String tag;

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        partner = fixtures.partner();
        String handle = Fixtures.unique("plist").toLowerCase();
        var added = operator.post("/api/v1/partners/" + partner + "/members", Map.of("userId", handle, "firstName", "Paul",
                "lastName", "Partner", "email", handle + "@example.com", "emailVerified", true, "role",
                "PARTNER_USER_MANAGER", "password", PASSWORD));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        staff = Api.at(port).signIn(handle + "@example.com", PASSWORD);
        tag = Fixtures.unique("pl").toLowerCase();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_company_leaves_the_list_and_its_count_at_once_when_its_grant_stops_being_current() {
        String kept = opened("a");
        String revoked = opened("b");
        String pending = opened("c");
        String ended = opened("d");
        String billingOnly = opened("e");
        String asked = askedFor("f");
        String askedBillingOnly = askedFor("g");
        List<String> all = List.of("a", "b", "c", "d", "e", "f", "g");
        assertThat(walk("", 3)).containsExactlyElementsOf(expected(all));
        assertThat(count(null, null)).isEqualTo(all.size() * 2);
        assertThat(searched("tour")).containsExactlyInAnyOrderElementsOf(expected(all).stream()
                .filter(userId -> userId.endsWith("1")).toList());

        operator.post(answer(revoked, "revoke"), null);
        operator.post(answer(pending, "revoke"), null);
        String slug = operator.get("/api/v1/companies/" + pending).text("slug");
        assertThat(operator.post("/api/v1/partners/" + partner + "/access-requests", Map.of("companySlug", slug))
                .text("status")).isEqualTo("PENDING");
        assertThat(operator.post(answer(ended, "accept"), Map.of("endsAt",
                clock.instant().plus(1, ChronoUnit.DAYS).toString())).status()).isEqualTo(200);
        assertThat(operator.post(answer(billingOnly, "accept"), Map.of("scope", List.of("billing"))).status())
                .isEqualTo(200);
        assertThat(operator.post(answer(askedBillingOnly, "accept"), Map.of("scope", List.of("billing"))).status())
                .isEqualTo(200);
        // the end date passes: the expiry job has not run, the grant is still ACTIVE
        clock.advance(Duration.ofDays(2));
        assertThat(operator.get("/api/v1/companies/" + ended + "/partner-access").json().get("items").get(0)
                .get("status").asString()).isEqualTo("ACTIVE");

        List<String> current = List.of("a", "f");
        assertThat(walk("", 1)).containsExactlyElementsOf(expected(current));
        assertThat(walk("&sort=-lastName", 2)).containsExactlyElementsOf(byLastNameDescending(current));
        assertThat(count(null, null)).isEqualTo(4);
        assertThat(count(null, "tour")).isEqualTo(2);
        assertThat(searched("tour")).containsExactlyInAnyOrder(tag + "a1", tag + "f1");
        assertThat(searched(tag + "b")).isEmpty();
        assertThat(count(null, tag + "b")).isZero();
        for (String gone : List.of(revoked, pending, ended, billingOnly, askedBillingOnly)) {
            assertThat(staff.get("/api/v1/partners/" + partner + "/users?companyId=" + gone).status()).isEqualTo(404);
            assertThat(count(gone, null)).isZero();
        }
        assertThat(count(kept, null)).isEqualTo(2);
        assertThat(count(asked, null)).isEqualTo(2);
        assertThat(walk("&companyId=" + asked, 1)).containsExactly(tag + "f0", tag + "f1");
    }

    @Test
    void pages_by_cursor_cross_companies_in_every_order_and_a_search_finds_words_in_every_leg() {
        opened("a");
        opened("b");
        askedFor("c");
        List<String> letters = List.of("a", "b", "c");
        assertThat(walk("", 1)).containsExactlyElementsOf(expected(letters));
        assertThat(walk("&sort=-userId", 4)).containsExactlyElementsOf(expected(letters).reversed());
        assertThat(walk("&sort=lastName", 2)).containsExactlyElementsOf(byLastNameDescending(letters).reversed());
        assertThat(walk("&q=tour&sort=lastName", 1)).containsExactly(tag + "a1", tag + "b1", tag + "c1");
        assertThat(walk("&q=" + tag + "&status=DRAFT", 5)).containsExactlyElementsOf(expected(letters));
        assertThat(walk("&q=" + tag + "&status=ACTIVE", 5)).isEmpty();
        assertThat(count(null, "ACTIVE", null)).isZero();
        assertThat(count(null, "DRAFT", tag)).isEqualTo(6);
        assertThat(count(null, "lefev")).isEqualTo(3);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * A company the partner opened, with two DRAFT users: {tag}{letter}0 "Ana Lefèvre-{letter}" and
     * {tag}{letter}1 "Luc de la Tour-{letter}" (a later word, "tour", found by the words' index).
     */
    private String opened(String letter) {
        String company = fixtures.companyOf(partner, 3);
        addUsers(company, letter);
        return company;
    }

    /** A company without a partner, which the partner asked access to and which accepted it. */
    private String askedFor(String letter) {
        String company = fixtures.company(3);
        addUsers(company, letter);
        String slug = operator.get("/api/v1/companies/" + company).text("slug");
        var asked = operator.post("/api/v1/partners/" + partner + "/access-requests", Map.of("companySlug", slug));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(operator.post("/api/v1/companies/" + company + "/partner-access/" + asked.text("grantId") + "/accept",
                Map.of()).status()).isEqualTo(200);
        return company;
    }

    private void addUsers(String company, String letter) {
        var first = fixtures.createUser(company, Map.of("userId", tag + letter + "0", "firstName", "Ana",
                "lastName", "Lefèvre " + letter, "email", tag + letter + "0@example.com"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        var second = fixtures.createUser(company, Map.of("userId", tag + letter + "1", "firstName", "Luc",
                "lastName", "Zed de la Tour " + letter, "email", tag + letter + "1@example.com"));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
    }

    private List<String> expected(List<String> letters) {
        List<String> ids = new ArrayList<>();
        letters.forEach(letter -> {
            ids.add(tag + letter + "0");
            ids.add(tag + letter + "1");
        });
        return ids.stream().sorted().toList();
    }

    /** Sorted by last name descending: "Zed de la Tour …" before "Lefèvre …", each by its letter. */
    private List<String> byLastNameDescending(List<String> letters) {
        return expected(letters).stream().sorted(Comparator.comparing((String id) -> id.endsWith("1") ? 1 : 0)
                .thenComparing(id -> id.substring(id.length() - 2, id.length() - 1)).reversed()).toList();
    }

    /** Every page of the list as the staff reads it by Next, the userIds in order, with no repeat. */
    private List<String> walk(String filters, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            var page = staff.get("/api/v1/partners/" + partner + "/users?limit=" + limit + filters
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode items = page.json().get("items");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            items.valueStream().map(item -> item.get("user").get("userId").asString()).forEach(ids::add);
            JsonNode next = page.json().get("nextCursor");
            if (next == null || next.isNull()) {
                break;
            }
            cursor = next.asString();
        }
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        return ids;
    }

    private List<String> searched(String q) {
        var page = staff.get("/api/v1/partners/" + partner + "/users?limit=50&q=" + URLEncoder.encode(q,
                StandardCharsets.UTF_8));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> item.get("user").get("userId").asString()).toList();
    }

    private long count(String company, String q) {
        return count(company, null, q);
    }

    private long count(String company, String status, String q) {
        return table.countAcrossPartner(new PartnerId(partner), company == null ? null : new CompanyId(company),
                UsersQuery.of(status, null, q, null, PageRequest.first(20)));
    }

    private String answer(String company, String action) {
        String grantId = operator.get("/api/v1/companies/" + company + "/partner-access").json().get("items").get(0)
                .get("id").asString();
        return "/api/v1/companies/" + company + "/partner-access/" + grantId + "/" + action;
    }
}
