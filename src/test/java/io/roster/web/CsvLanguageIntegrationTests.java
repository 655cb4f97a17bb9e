package io.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/rules.md §15: the CSV export reads in the language of its reader: the console's language
 * (which a saved preference or a switch may make other than the browser's) for its link, the
 * caller's Accept-Language for an API client; the columns and codes stay the same.
 */
@IntegrationTest
class CsvLanguageIntegrationTests {

    private static final Pattern EXPORT_LINK = Pattern.compile("id=\"export-link\" href=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void the_export_linked_from_a_french_console_is_in_french_whatever_the_browser_asks() {
        Api api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(api).company(0);
        new Fixtures(api).createUser(company, Fixtures.validUser("ACTIVE"));
        Browser browser = new Browser(port); // its Accept-Language is English
        browser.signIn(Operator.EMAIL, Operator.PASSWORD);

        String frenchLink = exportLink(browser.get("/companies/" + company + "/users/import?lang=fr").html());
        String frenchCsv = browser.get(frenchLink.replace("&amp;", "&")).html();
        String englishLink = exportLink(browser.get("/companies/" + company + "/users/import?lang=en").html());
        String englishCsv = browser.get(englishLink.replace("&amp;", "&")).html();

        assertThat(frenchCsv).contains("Aucune licence disponible : 0 sur 0 utilisées").contains(",DRAFT,");
        assertThat(englishCsv).contains("No license available: 0 of 0 in use").contains(",DRAFT,");
        assertThat(frenchCsv.lines().findFirst()).isEqualTo(englishCsv.lines().findFirst());
    }

    @Test
    void an_api_client_reads_the_export_in_its_accept_language() {
        Api api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(api).company(0);
        new Fixtures(api).createUser(company, Fixtures.validUser("ACTIVE"));

        String csv = api.withHeader("Accept-Language", "fr-CA,fr;q=0.9")
                .get("/api/v1/companies/" + company + "/users/export").body();

        assertThat(csv).contains("Aucune licence disponible : 0 sur 0 utilisées");
    }

    @Test
    void the_import_report_and_its_refusals_read_in_the_callers_language() {
        Api api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(api).company(0);
        Api french = api.withHeader("Accept-Language", "fr-FR,fr;q=0.9");
        String users = "/api/v1/companies/" + company + "/users/import";
        String userId = Fixtures.unique("csv");

        var report = french.raw("POST", users, "text/csv",
                "userId,firstName,lastName,email,status\n" + userId + ",Léa,Martin," + userId + "@example.com,ACTIVE\n");
        var refused = french.raw("POST", users, "text/csv", "userId,email,nickname\n");
        var refusedInEnglish = api.withHeader("Accept-Language", "en").raw("POST", users, "text/csv", "userId,email,nickname\n");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().get("errors").get(0).get("validationResult").asString())
                .isEqualTo("Aucune licence disponible : 0 sur 0 utilisées");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("detail")).startsWith("Colonnes inconnues 'nickname' : les colonnes sont ");
        assertThat(refused.text("code")).isEqualTo("CSV_UNKNOWN_COLUMNS").isEqualTo(refusedInEnglish.text("code"));
        assertThat(refusedInEnglish.text("detail")).startsWith("Unknown column 'nickname': the columns are ");
    }

    private static String exportLink(String html) {
        Matcher link = EXPORT_LINK.matcher(html);
        assertThat(link.find()).as("the import page links the export").isTrue();
        return link.group(1);
    }
}
