package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import io.roster.support.Api;
import io.roster.support.Chromium;
import io.roster.support.ConsoleBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;

/**
 * Signing in to an app in a real Chromium, in French: the app sends the browser to Roster, the
 * console's sign-in page asks for the password, the chooser lists the person's two companies, and
 * the app receives a code for the one picked, which Spring Security's OAuth2 client redeems.
 */
@IntegrationTest
class OidcChooserBrowserIntegrationTests extends ConsoleBrowserTest {

    @Test
    void a_person_of_two_companies_signs_in_to_an_app_in_the_one_they_pick_on_the_french_chooser() throws Exception {
        String base = "http://127.0.0.1:" + port;
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        Fixtures fixtures = new Fixtures(operator);
        String homeName = Fixtures.unique("Maison");
        String otherName = Fixtures.unique("Atelier");
        String home = operator.post("/api/v1/companies", Map.of("name", homeName, "slug", Fixtures.unique("maison"),
                "licensesPurchased", 5)).text("id");
        String other = operator.post("/api/v1/companies", Map.of("name", otherName, "slug", Fixtures.unique("atelier"),
                "licensesPurchased", 5)).text("id");
        Api.Response user = fixtures.createUser(home,
                Fixtures.with(Fixtures.userWithPassword("ACTIVE", OidcFlowIntegrationTests.PASSWORD), "locale", "fr"));
        assertThat(operator.post("/api/v1/companies/" + other + "/users/" + user.text("id") + "/roles",
                Map.of("roleId", "MEMBER")).status()).isEqualTo(201);
        // the app's callback: a real HTTP endpoint that answers the browser and keeps what it got
        AtomicReference<String> callback = new AtomicReference<>();
        HttpServer appServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        appServer.createContext("/app/callback", exchange -> {
            callback.set(exchange.getRequestURI().toString());
            byte[] body = "signed in".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        appServer.start();
        String redirectUri = "http://127.0.0.1:" + appServer.getAddress().getPort() + "/app/callback";
        Api.Response client = operator.post("/api/v1/oidc-clients", Map.of("name", Fixtures.unique("App"),
                "redirectUris", List.of(redirectUri), "confidential", true));
        OidcRelyingParty app = new OidcRelyingParty(base, client.text("clientId"), client.text("clientSecret"),
                redirectUri);

        Page page = chromium.newPage(base, "fr-FR");
        page.navigate(app.authorizePath(true, Map.of()));
        page.waitForURL(url -> url.contains("/login"));
        page.getByLabel(Pattern.compile("Email or user ID|E-mail ou identifiant")).fill(user.text("userId"));
        page.locator("#password").fill(OidcFlowIntegrationTests.PASSWORD);
        page.locator("form button[type=submit]").click();

        page.waitForURL(url -> url.contains("/oauth2/choose-company"));
        Chromium.screenshot(page, "oidc-company-chooser-fr");
        assertThat(page.locator("h1").textContent()).isEqualTo("Choisir une entreprise");
        assertThat(page.locator("a.company-choice").allTextContents()).containsExactlyInAnyOrder(homeName, otherName);
        String href = page.locator("a.company-choice", new Page.LocatorOptions().setHasText(otherName)).getAttribute("href");
        page.locator("a.company-choice", new Page.LocatorOptions().setHasText(otherName)).click();
        try {
            page.waitForURL(url -> url.startsWith(redirectUri));
        } catch (RuntimeException e) {
            Chromium.screenshot(page, "oidc-company-chosen");
            throw new AssertionError("after " + href + " the browser is at " + page.url() + ": " + page.content(), e);
        }

        Map<String, String> answer = OidcRelyingParty.query(callback.get());
        assertThat(answer).containsEntry("state", app.state);
        OAuth2AccessTokenResponse tokens = app.redeem(answer.get("code"), true, null);
        assertThat(app.verifiedIdToken(tokens).getStringClaim("company_id")).isEqualTo(other);
        assertThat(app.verifiedIdToken(tokens).getBooleanClaim("external")).isTrue();
        page.context().close();
        appServer.stop(0);
    }
}
