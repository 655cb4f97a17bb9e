package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.nimbusds.jwt.JWTClaimsSet;
import io.roster.support.Chromium;
import io.roster.support.SignInBrowserTest;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.VirtualAuthenticator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md §21 in an app's sign-in, in a real Chromium with a virtual authenticator: an app
 * sends the person to Roster, who signs in with a passkey, and the ID token's {@code amr} says what
 * they proved: {@code hwk} for the passkey alone, {@code pwd}, {@code hwk} and {@code mfa} for the
 * passkey as the second step after the password. The pages are on {@code localhost} (WebAuthn takes
 * no IP address); the app's callback is on the server's other address, where the test reads the code.
 */
@IntegrationTest
class PasskeyOidcBrowserIntegrationTests extends SignInBrowserTest {

    private static final String PASSWORD = "passkey-oidc-password";

    @Test
    void a_passkey_sign_in_inside_the_authorize_flow_gives_an_id_token_saying_hwk() throws Exception {
        String login = person(fixtures.company(5), PASSWORD).text("userId");
        String issuer = "http://localhost:" + port;
        // the app's callback on this server's other address: the browser lands on a page of Roster's (the
        // person is not signed in there), and the test reads the code from the request that went there
        String callback = base() + "/app/callback";
        String[] client = register(callback);
        Page page = VirtualAuthenticator.attach(browser("en", issuer));
        Chromium.signIn(page, login, PASSWORD);
        VirtualAuthenticator.addPasskey(page, "Laptop");
        signOut(page);

        // the passkey alone
        OidcRelyingParty app = new OidcRelyingParty(issuer, client[0], client[1], callback);
        page.navigate(app.authorizePath(true, Map.of()));
        page.waitForURL(Pattern.compile(".*/login$"));
        String back = backAtTheApp(page, callback);
        JWTClaimsSet alone = app.verifiedIdToken(app.redeem(OidcRelyingParty.query(back).get("code"), true, null));
        // the callback is answered by a redirect to the sign-in page on that address: let it land before
        // the next navigation, which it would otherwise interrupt
        page.waitForURL(url -> url.startsWith(base() + "/login"));

        // after the password, the passkey as the second step
        page.navigate(issuer + "/profile");
        signOut(page);
        OidcRelyingParty again = new OidcRelyingParty(issuer, client[0], client[1], callback);
        page.navigate(again.authorizePath(true, Map.of()));
        page.waitForURL(Pattern.compile(".*/login$"));
        page.locator("#login").fill(login);
        page.locator("#password").fill(PASSWORD);
        page.locator("form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/login/second-factor$"));
        String backAgain = backAtTheApp(page, callback);
        JWTClaimsSet second = again.verifiedIdToken(again.redeem(OidcRelyingParty.query(backAgain).get("code"), true,
                null));

        assertThat(alone.getStringListClaim("amr")).containsExactly("hwk");
        assertThat(second.getStringListClaim("amr")).containsExactly("pwd", "hwk", "mfa");
    }

    /** Clicks the passkey button and answers the address the browser was sent back to the app with. */
    private static String backAtTheApp(Page page, String callback) {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(request -> seen.add(request.url()));
        try {
            return page.waitForRequest(request -> request.url().startsWith(callback),
                    new Page.WaitForRequestOptions().setTimeout(30_000), () -> page.locator("#passkey-sign-in").click()).url();
        } catch (com.microsoft.playwright.TimeoutError notBack) {
            Object tried = page.evaluate("async () => { const b = document.getElementById('passkey-sign-in');"
                    + " const h = {'Content-Type': 'application/json', 'Accept': 'application/json'}; h[b.dataset.csrfHeader] = b.dataset.csrf;"
                    + " const r = await fetch(b.dataset.options, {method: 'POST', headers: h, credentials: 'same-origin'});"
                    + " const text = await r.text(); let got = '';"
                    + " try { const o = JSON.parse(text); const d = v => Uint8Array.from(atob(v.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));"
                    + " o.challenge = d(o.challenge); o.allowCredentials = (o.allowCredentials || []).map(c => Object.assign({}, c, {id: d(c.id)}));"
                    + " const c = await navigator.credentials.get({publicKey: o}); got = 'credential ' + c.id; } catch (e) { got = e.name + ': ' + e.message; }"
                    + " return r.status + ' ' + text + ' -> ' + got; }");
            throw new AssertionError("Not sent back to the app; at " + page.url() + " after " + seen + "; error shown: "
                    + page.locator("#passkey-error").isVisible() + "; again: " + tried, notBack);
        }
    }

    private String[] register(String callback) {
        var created = operator.post("/api/v1/oidc-clients", Map.of("name", Fixtures.unique("App"),
                "redirectUris", List.of(callback), "confidential", true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new String[] {created.text("clientId"), created.text("clientSecret")};
    }
}
