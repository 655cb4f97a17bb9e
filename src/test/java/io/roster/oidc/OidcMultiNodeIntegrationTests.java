package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import io.roster.RosterApplication;
import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one database: a code issued by one is redeemed on the other, both sign with the same
 * keys (RSA for ID tokens, EC for access tokens) and publish the same JWKS, and a key rotation by
 * the operator keeps the previous keys published.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcMultiNodeIntegrationTests {

    static final String PASSWORD = OidcFlowIntegrationTests.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    ConfigurableApplicationContext second;

    @BeforeAll
    void startSecondNode() {
        second = startNode("oidc-second-node");
    }

    /** Another node on the same database, with these settings on top. */
    ConfigurableApplicationContext startNode(String name, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--roster.bootstrap.admin-email=", "--roster.bootstrap.admin-password=",
                "--roster.shutdown.drain=0s", "--roster.sign-in.delay-unit=PT0S",
                "--spring.datasource.hikari.pool-name=" + name, "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.datasource.hikari.minimum-idle=1",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", "")));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(RosterApplication.class).run(arguments.toArray(String[]::new));
    }

    @AfterAll
    void stopSecondNode() {
        if (second != null) {
            second.close();
        }
    }

    String secondBase() {
        return base(second);
    }

    static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void a_code_issued_by_one_node_is_redeemed_on_the_other_and_keys_rotate_with_the_old_one_kept() throws Exception {
        String first = "http://127.0.0.1:" + port;
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        Fixtures fixtures = new Fixtures(operator);
        Api.Response client = operator.post("/api/v1/oidc-clients", Map.of("name", Fixtures.unique("App"),
                "redirectUris", List.of(OidcRelyingParty.REDIRECT_URI), "confidential", true));
        String company = fixtures.company(5);
        Api.Response user = fixtures.createUser(company, Fixtures.userWithPassword("ACTIVE", PASSWORD));
        Browser browser = new Browser(port);
        browser.signIn(user.text("userId"), PASSWORD);

        OidcRelyingParty app = new OidcRelyingParty(first, client.text("clientId"), client.text("clientSecret"));
        String code = OidcRelyingParty.query(OidcFlowIntegrationTests.signInThrough(browser,
                app.authorizePath(true, Map.of()), user.text("userId"))).get("code");
        OAuth2AccessTokenResponse tokens = app.redeem(code, true, secondBase() + "/oauth2/token");
        // the second node signed it (its own address is its issuer here) with the key the first publishes
        assertThat(app.verifiedIdToken(tokens, secondBase()).getStringClaim("company_id")).isEqualTo(company);
        String before = app.lastKeyId;
        // and its access token with the EC key the first node publishes, the one the first node signs with
        assertThat(app.verifiedAccessToken(tokens, secondBase()).getStringClaim("company_id")).isEqualTo(company);
        assertThat(app.lastAccessTokenHeader.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        String ecBefore = app.lastAccessTokenHeader.getKeyID();
        assertThat(accessTokenKeyId(browser, first, client, user.text("userId"), null)).isEqualTo(ecBefore);

        Api.Response rotated = operator.post("/api/v1/oidc-keys/rotate", null);
        assertThat(rotated.status()).isEqualTo(200);
        String after = rotated.text("keyId");
        String ecAfter = rotated.text("ecKeyId");
        assertThat(after).isNotEqualTo(before);
        assertThat(ecAfter).isNotEqualTo(ecBefore).isNotEqualTo(after);
        assertThat(keyIds(first)).contains(before, after, ecBefore, ecAfter);

        OidcRelyingParty again = new OidcRelyingParty(first, client.text("clientId"), client.text("clientSecret"));
        String second = OidcRelyingParty.query(OidcFlowIntegrationTests.signInThrough(browser,
                again.authorizePath(true, Map.of()), user.text("userId"))).get("code");
        OAuth2AccessTokenResponse renewed = again.redeem(second, true, null);
        again.verifiedIdToken(renewed);
        assertThat(again.lastKeyId).isEqualTo(after);
        again.verifiedAccessToken(renewed, first);
        assertThat(again.lastAccessTokenHeader.getKeyID()).isEqualTo(ecAfter);
        // the other node publishes the new keys within its few seconds of caching, and still the old ones
        long deadline = System.currentTimeMillis() + 15_000;
        while (!keyIds(secondBase()).containsAll(List.of(after, ecAfter)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertThat(keyIds(secondBase())).contains(before, after, ecBefore, ecAfter);
        // and signs with the new EC key
        assertThat(accessTokenKeyId(browser, first, client, user.text("userId"), secondBase() + "/oauth2/token"))
                .isEqualTo(ecAfter);
    }

    @Test
    void a_node_set_to_rs256_signs_access_tokens_with_the_rsa_key_and_id_tokens_still_rs256() throws Exception {
        String first = "http://127.0.0.1:" + port;
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        Fixtures fixtures = new Fixtures(operator);
        Api.Response client = operator.post("/api/v1/oidc-clients", Map.of("name", Fixtures.unique("App"),
                "redirectUris", List.of(OidcRelyingParty.REDIRECT_URI), "confidential", true));
        String company = fixtures.company(5);
        Api.Response user = fixtures.createUser(company, Fixtures.userWithPassword("ACTIVE", PASSWORD));
        Browser browser = new Browser(port);
        browser.signIn(user.text("userId"), PASSWORD);

        try (ConfigurableApplicationContext rs256 = startNode("oidc-rs256-node",
                "--roster.oidc.access-token-algorithm=RS256")) {
            OidcRelyingParty app = new OidcRelyingParty(first, client.text("clientId"), client.text("clientSecret"));
            String code = OidcRelyingParty.query(OidcFlowIntegrationTests.signInThrough(browser,
                    app.authorizePath(true, Map.of()), user.text("userId"))).get("code");
            OAuth2AccessTokenResponse tokens = app.redeem(code, true, base(rs256) + "/oauth2/token");
            assertThat(app.verifiedAccessToken(tokens, base(rs256)).getStringClaim("company_id")).isEqualTo(company);
            assertThat(app.lastAccessTokenHeader.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            app.verifiedIdToken(tokens, base(rs256));
            assertThat(app.lastAccessTokenHeader.getKeyID()).isEqualTo(app.lastKeyId);
            // the userinfo endpoint of an ES256 node reads it too
            assertThat(app.userInfo(tokens.getAccessToken()).get("company_id").asString()).isEqualTo(company);
        }
    }

    /** The key id of the access token a new sign-in gets at this token endpoint (null: the first node's). */
    private static String accessTokenKeyId(Browser browser, String first, Api.Response client, String userId,
            String tokenUri) throws Exception {
        OidcRelyingParty app = new OidcRelyingParty(first, client.text("clientId"), client.text("clientSecret"));
        String code = OidcRelyingParty.query(OidcFlowIntegrationTests.signInThrough(browser,
                app.authorizePath(true, Map.of()), userId)).get("code");
        OAuth2AccessTokenResponse tokens = app.redeem(code, true, tokenUri);
        app.verifiedAccessToken(tokens, tokenUri == null ? first : tokenUri.replace("/oauth2/token", ""));
        assertThat(app.lastAccessTokenHeader.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        return app.lastAccessTokenHeader.getKeyID();
    }

    private static List<String> keyIds(String base) {
        JsonNode keys = OidcRelyingParty.json(OidcRelyingParty.get(base + "/oauth2/jwks", null).body()).get("keys");
        List<String> ids = new ArrayList<>();
        keys.forEach(key -> ids.add(key.get("kid").asString()));
        return ids;
    }
}
