package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app sign-in's company chooser for someone with standing in more companies than a page
 * shows (a partner's staff may hold a role in thousands): pages of 20 by name with a Next link, a
 * search by the start of the name, each keeping the authorization request; naming the company
 * still leads straight to a code.
 */
@IntegrationTest
class OidcChooserManyCompaniesIntegrationTests {

    static final String PASSWORD = "oidc-chooser-password-1";
    /** Three pages: a first, a full middle one and a short last one. */
    static final int COMPANIES = 2 * SignInCompanies.PAGE_SIZE + 10;

    private static final Pattern CHOICE = Pattern.compile(
            "<a class=\"company-choice\" href=\"([^\"]*)\" data-slug=\"([^\"]*)\">([^<]*)</a>");
    private static final Pattern NEXT = Pattern.compile("<a id=\"companies-next\" href=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;
    String tag;
    List<String> names;
    List<String> slugs;
    String userId;
    String accountId;
    OidcRelyingParty app;

    @Autowired
    SignInCompanies signInCompanies;

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
        tag = UUID.randomUUID().toString().substring(0, 6);
        names = new ArrayList<>();
        slugs = new ArrayList<>();
        accountId = null;
        for (int i = 0; i < COMPANIES; i++) {
            // every other name in capitals: the order and the search are those of the folded name
            String name = (i % 2 == 0 ? "Chooser " + tag : "CHOOSER " + tag.toUpperCase(Locale.ROOT)) + " "
                    + String.format(Locale.ROOT, "%02d", i);
            String slug = "chooser-" + tag + "-" + i;
            Api.Response company = operator.post("/api/v1/companies", Map.of("name", name, "slug", slug,
                    "licensesPurchased", 5));
            assertThat(company.status()).as(company.body()).isEqualTo(201);
            if (accountId == null) {
                Api.Response user = fixtures.createUser(company.text("id"), Fixtures.userWithPassword("ACTIVE", PASSWORD));
                assertThat(user.status()).as(user.body()).isEqualTo(201);
                accountId = user.text("id");
                userId = user.text("userId");
            } else {
                assertThat(operator.post("/api/v1/companies/" + company.text("id") + "/users/" + accountId + "/roles",
                        Map.of("roleId", "MEMBER")).status()).isEqualTo(201);
            }
            names.add(name);
            slugs.add(slug);
        }
        Api.Response client = operator.post("/api/v1/oidc-clients", Map.of("name", Fixtures.unique("App"),
                "redirectUris", List.of(OidcRelyingParty.REDIRECT_URI), "confidential", true));
        assertThat(client.status()).as(client.body()).isEqualTo(201);
        app = new OidcRelyingParty("http://127.0.0.1:" + port, client.text("clientId"), client.text("clientSecret"));
    }

    @Test
    void the_chooser_shows_a_page_of_twenty_by_name_and_next_pages_reach_every_company_once() {
        Browser browser = signedIn();
        Browser.Page authorize = browser.get(app.authorizePath(true, Map.of()));
        assertThat(authorize.status()).isEqualTo(302);
        assertThat(authorize.location()).contains("/oauth2/choose-company");

        List<String> seen = new ArrayList<>();
        String next = authorize.location();
        int pages = 0;
        while (next != null && pages++ < 50) {
            Browser.Page page = browser.get(next);
            assertThat(page.status()).isEqualTo(200);
            List<String> onPage = choices(page.html()).stream().map(c -> c[2]).toList();
            assertThat(onPage.size()).isLessThanOrEqualTo(SignInCompanies.PAGE_SIZE);
            assertThat(onPage).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            seen.addAll(onPage);
            Matcher more = NEXT.matcher(page.html());
            next = more.find() ? unescape(more.group(1)) : null;
        }
        List<String> mine = seen.stream().filter(name -> name.toLowerCase(Locale.ROOT).startsWith("chooser " + tag)).toList();
        assertThat(mine).containsExactlyElementsOf(names);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void a_search_by_the_start_of_the_name_narrows_the_choices_and_each_choice_signs_in_with_its_company() {
        Browser browser = signedIn();
        String chooser = browser.get(app.authorizePath(true, Map.of())).location();
        Browser.Page page = browser.get(chooser + "&q=" + URLEncoder.encode("chooser " + tag.toUpperCase(Locale.ROOT) + " 1",
                StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        List<String[]> found = choices(page.html());
        assertThat(found.stream().map(c -> c[2]).toList()).containsExactlyElementsOf(names.subList(10, 20));
        assertThat(NEXT.matcher(page.html()).find()).isFalse();
        // the search form carries the authorization request on
        assertThat(page.html()).contains("name=\"client_id\"").contains("name=\"redirect_uri\"");

        Browser.Page chosen = browser.get(unescape(found.getFirst()[0]));
        assertThat(chosen.status()).isEqualTo(302);
        assertThat(chosen.location()).startsWith(OidcRelyingParty.REDIRECT_URI + "?");
        assertThat(OidcRelyingParty.query(chosen.location())).containsKey("code").containsEntry("state", app.state);

        Browser.Page none = browser.get(chooser + "&q=" + URLEncoder.encode("no such " + tag, StandardCharsets.UTF_8));
        assertThat(none.status()).isEqualTo(200);
        assertThat(choices(none.html())).isEmpty();
        assertThat(none.html()).contains("role=\"status\"");
    }

    @Test
    void naming_the_company_by_slug_still_leads_straight_to_a_code() {
        Browser browser = signedIn();
        Browser.Page page = browser.get(app.authorizePath(true, Map.of("company", slugs.get(COMPANIES - 1))));
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).startsWith(OidcRelyingParty.REDIRECT_URI + "?");
        assertThat(OidcRelyingParty.query(page.location())).containsKey("code");
    }

    @Test
    void the_pages_follow_the_folded_name_another_persons_companies_stay_out_and_a_search_ignores_case() {
        // someone else holds a role in a company of the same prefix: never among this person's choices
        String other = operator.post("/api/v1/companies", Map.of("name", "Chooser " + tag + " 05 other", "slug",
                "chooser-" + tag + "-other", "licensesPurchased", 5)).text("id");
        assertThat(fixtures.createUser(other, Fixtures.userWithPassword("ACTIVE", PASSWORD)).status()).isEqualTo(201);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SignInCompanies.ChoicePage page = signInCompanies.page(accountId, null, cursor);
            assertThat(page.choices()).hasSizeLessThanOrEqualTo(SignInCompanies.PAGE_SIZE);
            if (page.nextCursor() != null) {
                assertThat(page.choices()).hasSize(SignInCompanies.PAGE_SIZE);
            }
            page.choices().forEach(choice -> seen.add(choice.name()));
            cursor = page.nextCursor();
        } while (cursor != null && ++pages < 10);
        assertThat(pages).isEqualTo(2);
        assertThat(seen).containsExactlyElementsOf(names);

        SignInCompanies.ChoicePage searched = signInCompanies.page(accountId, "cHoOsEr " + tag + " 0", null);
        assertThat(searched.choices().stream().map(SignInCompanies.CompanyChoice::name).toList())
                .containsExactlyElementsOf(names.subList(0, 10));
        assertThat(searched.nextCursor()).isNull();
        // a cursor that is not one starts at the beginning
        assertThat(signInCompanies.page(accountId, null, "n%%%").choices().getFirst().name()).isEqualTo(names.getFirst());
    }

    private Browser signedIn() {
        Browser browser = new Browser(port);
        Browser.Page page = browser.signIn(userId, PASSWORD);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).doesNotContain("error");
        return browser;
    }

    /** href, slug and name of each choice on the page. */
    private static List<String[]> choices(String html) {
        List<String[]> found = new ArrayList<>();
        Matcher choice = CHOICE.matcher(html);
        while (choice.find()) {
            found.add(new String[] {choice.group(1), choice.group(2), choice.group(3)});
        }
        return found;
    }

    private static String unescape(String href) {
        return href.replace("&amp;", "&");
    }
}
