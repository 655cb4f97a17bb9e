package io.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/rules.md §17: an Activate sent as a plain form post (no htmx: scripts off, or a page that
 * reloads) tells the same as the htmx row does: the amber notice with every reason and the way forward.
 */
@IntegrationTest
class DraftNoticeFormPostIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void a_plain_activate_that_stays_draft_lands_on_a_page_showing_the_draft_notice() {
        Api api = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(api).company(0);
        var draft = new Fixtures(api).createUser(company, Fixtures.validUser("DRAFT"));
        Browser browser = new Browser(port);
        browser.signIn(Operator.EMAIL, Operator.PASSWORD);
        browser.get("/companies/" + company + "/users");

        var answer = browser.post("/companies/" + company + "/users/" + draft.text("id") + "/activate", Map.of());

        assertThat(answer.status()).isEqualTo(302);
        var landed = browser.get(answer.location());
        assertThat(landed.status()).isEqualTo(200);
        assertThat(landed.html()).contains("id=\"draft-notice\"")
                .contains("is saved as a draft: it could not be activated.")
                .contains("No license available: 0 of 0 in use")
                .contains("id=\"draft-notice-billing\"");
        // shown once, for the row it is about, not on every row of a table
        assertThat(landed.html().split("id=\"draft-notice\"", -1)).hasSize(2);
    }
}
