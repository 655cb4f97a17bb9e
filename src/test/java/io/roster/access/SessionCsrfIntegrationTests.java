package io.roster.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A call that rides on the console's session cookie needs the CSRF token, whatever other
 * Authorization header it carries; only a bearer token, which authenticates the call by itself,
 * spares it.
 */
@IntegrationTest
class SessionCsrfIntegrationTests {

    private static final String PASSWORD = "Quiet-Harbor-Orbit-7319";

    @LocalServerPort
    int port;

    @Test
    void a_session_call_with_a_basic_or_unknown_authorization_header_still_needs_the_csrf_token() {
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(operator).company(3);
        var body = Fixtures.userWithPassword("ACTIVE", PASSWORD);
        operator.post("/api/v1/companies/" + company + "/users", body);
        String login = (String) body.get("userId");
        var issued = Api.at(port).basic(login, PASSWORD).post("/api/v1/tokens", null);
        Api bearer = Api.at(port).bearer(issued.text("token"));
        Browser browser = new Browser(port);
        browser.signIn(login, PASSWORD);
        String path = "/api/v1/tokens/" + issued.text("id");
        String junk = "Basic " + Base64.getEncoder().encodeToString("junk:junk".getBytes(StandardCharsets.UTF_8));

        for (String authorization : new String[] {junk, "Digest x", "Negotiate abc", "Bearer"}) {
            var forged = browser.send("DELETE", path, Map.of("Accept", "application/json", "Authorization", authorization), null);
            assertThat(forged.status()).as(authorization + ": " + forged).isEqualTo(403);
        }
        assertThat(bearer.get("/api/v1/me").status()).as("the token survived the forged calls").isEqualTo(200);

        var withToken = browser.send("DELETE", path, Map.of("Accept", "application/json",
                "Authorization", "Bearer " + issued.text("token")), null);

        assertThat(withToken.status()).as("a bearer token authenticates the call by itself: " + withToken).isEqualTo(204);
        assertThat(bearer.get("/api/v1/me").status()).isEqualTo(401);
    }
}
