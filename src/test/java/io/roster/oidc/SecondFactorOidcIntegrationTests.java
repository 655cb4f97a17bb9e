package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import io.roster.support.Totp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/rules.md §21 in the apps' sign-in: the second step comes inside the authorize flow, and the
 * ID token's {@code amr} says what the person proved.
 */
@IntegrationTest
class SecondFactorOidcIntegrationTests {

    private static final String PASSWORD = "Quiet-Harbor-Orbit-7319";

    @LocalServerPort
    int port;

    Api operator;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
    }

    @Test
    void the_second_step_comes_inside_the_authorize_flow_and_the_id_token_says_otp() throws Exception {
        var client = register();
        String company = fixtures.company(5);
        var user = fixtures.createUser(company, Fixtures.userWithPassword("ACTIVE", PASSWORD));
        String login = user.text("userId");
        long step = Totp.freshStep();
        String secret = enrol(login, step - 1);
        OidcRelyingParty app = new OidcRelyingParty(base(), client[0], client[1]);
        Browser browser = new Browser(port);

        var toLogin = browser.get(app.authorizePath(true, Map.of()));
        var password = browser.signIn(login, PASSWORD);
        var stillOwed = browser.get(app.authorizePath(true, Map.of()));
        browser.get("/login/second-factor");
        var proved = browser.post("/login/second-factor", Map.of("code", Totp.code(secret, step)));
        String back = follow(browser, proved.location());

        assertThat(toLogin.location()).endsWith("/login");
        assertThat(password.location()).endsWith("/login/second-factor");
        assertThat(stillOwed.location()).as("no code for an app before the second factor").endsWith("/login/second-factor");
        assertThat(proved.location()).contains("/oauth2/authorize");
        JWTClaimsSet claims = app.verifiedIdToken(app.redeem(OidcRelyingParty.query(back).get("code"), true, null));
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd", "otp", "mfa");
    }

    @Test
    void a_password_sign_in_says_pwd() throws Exception {
        var client = register();
        String company = fixtures.company(5);
        String login = fixtures.createUser(company, Fixtures.userWithPassword("ACTIVE", PASSWORD)).text("userId");
        OidcRelyingParty app = new OidcRelyingParty(base(), client[0], client[1]);
        Browser browser = new Browser(port);

        browser.get(app.authorizePath(true, Map.of()));
        var signedIn = browser.signIn(login, PASSWORD);
        String back = follow(browser, signedIn.location());

        JWTClaimsSet claims = app.verifiedIdToken(app.redeem(OidcRelyingParty.query(back).get("code"), true, null));
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
    }

    /** Follows the authorize flow's redirects (the company it adds) to the app's address. */
    private static String follow(Browser browser, String location) {
        for (int hops = 0; hops < 5; hops++) {
            if (location.startsWith(OidcRelyingParty.REDIRECT_URI)) {
                return location;
            }
            assertThat(location).contains("/oauth2/authorize");
            location = browser.get(location).location();
        }
        throw new AssertionError("too many redirects");
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String[] register() {
        Api.Response created = operator.post("/api/v1/oidc-clients", Map.of("name", Fixtures.unique("App"),
                "redirectUris", List.of(OidcRelyingParty.REDIRECT_URI), "confidential", true));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new String[] {created.text("clientId"), created.text("clientSecret")};
    }

    private String enrol(String login, long step) throws Exception {
        Api api = Api.at(port).signIn(login, PASSWORD);
        String secret = api.post("/api/v1/me/mfa/totp", null).text("secret");
        assertThat(api.post("/api/v1/me/mfa/totp/confirm", Map.of("code", Totp.code(secret, step))).status()).isEqualTo(200);
        return secret;
    }
}
