package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;

/**
 * A client's {@code id_token_signed_response_alg}: registered ES256, its ID tokens are signed with
 * the EC key of the JWKS at the code exchange and at every refresh, and a relying party (Spring's
 * OAuth2 client and Nimbus) verifies them; a client that names none stays RS256; a change applies
 * from the next token and is audited; any other value is refused, in both languages.
 */
@IntegrationTest
class OidcIdTokenAlgorithmIntegrationTests {

    /** The password {@link OidcFlowIntegrationTests#signInThrough} signs in with. */
    static final String PASSWORD = OidcFlowIntegrationTests.PASSWORD;
    static final String CLIENTS = "/api/v1/oidc-clients";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api operator;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        fixtures = new Fixtures(operator);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Registers a confidential client, with {@code idTokenSignedResponseAlg} when not null. */
    Api.Response register(String idTokenAlg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Fixtures.unique("Alg app"));
        body.put("redirectUris", List.of(OidcRelyingParty.REDIRECT_URI));
        body.put("confidential", true);
        if (idTokenAlg != null) {
            body.put("idTokenSignedResponseAlg", idTokenAlg);
        }
        return operator.post(CLIENTS, body);
    }

    /** A person with the MEMBER role in a new company, signed in to the app through the console. */
    OAuth2AccessTokenResponse signIn(OidcRelyingParty app) {
        String company = fixtures.company(10);
        Api.Response user = fixtures.createUser(company, Fixtures.userWithPassword("ACTIVE", PASSWORD));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        String back = OidcFlowIntegrationTests.signInThrough(new Browser(port), app.authorizePath(true, Map.of()),
                user.text("userId"));
        return app.redeem(OidcRelyingParty.query(back).get("code"), true, null);
    }

    @Test
    void an_es256_client_gets_id_tokens_signed_with_the_ec_key_at_the_exchange_and_at_every_refresh()
            throws Exception {
        Api.Response registered = register("ES256");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.text("idTokenSignedResponseAlg")).isEqualTo("ES256");
        String clientId = registered.text("clientId");
        assertThat(operator.get(CLIENTS + "/" + clientId).text("idTokenSignedResponseAlg")).isEqualTo("ES256");
        OidcRelyingParty app = new OidcRelyingParty(base(), clientId, registered.text("clientSecret"));
        app.idTokenAlgorithm = JWSAlgorithm.ES256;

        OAuth2AccessTokenResponse tokens = signIn(app);
        String subject = app.verifiedIdToken(tokens).getSubject();
        JsonNode key = OidcFlowIntegrationTests.jwk(app.registration.getProviderDetails().getJwkSetUri(), app.lastKeyId);
        assertThat(key.get("kty").asString()).isEqualTo("EC");
        assertThat(key.get("crv").asString()).isEqualTo("P-256");
        Jwt decoded = app.decodedIdToken(tokens);
        assertThat(decoded.getHeaders()).containsEntry("alg", "ES256");
        assertThat(decoded.getSubject()).isEqualTo(subject);
        assertThat(decoded.getClaimAsString("company_id")).isNotBlank();
        // the ID token and the access token are signed by the same EC key
        assertThat(app.verifiedAccessToken(tokens, base()).getSubject()).isEqualTo(subject);
        assertThat(app.lastAccessTokenHeader.getKeyID()).isEqualTo(app.lastKeyId);

        OAuth2AccessTokenResponse refreshed = app.refresh(tokens.getAccessToken(), tokens.getRefreshToken());
        assertThat(app.verifiedIdToken(refreshed).getSubject()).isEqualTo(subject);
        assertThat(app.decodedIdToken(refreshed).getSubject()).isEqualTo(subject);
        OAuth2AccessTokenResponse again = app.refresh(refreshed.getAccessToken(), refreshed.getRefreshToken());
        assertThat(OidcRelyingParty.idTokenAlgorithm(again)).isEqualTo(JWSAlgorithm.ES256);
        assertThat(app.decodedIdToken(again).getSubject()).isEqualTo(subject);
    }

    @Test
    void a_client_that_names_no_algorithm_stays_rs256_and_a_change_applies_from_the_next_refresh_and_is_audited()
            throws Exception {
        Api.Response registered = register(null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.text("idTokenSignedResponseAlg")).isEqualTo("RS256");
        String clientId = registered.text("clientId");
        OidcRelyingParty app = new OidcRelyingParty(base(), clientId, registered.text("clientSecret"));

        OAuth2AccessTokenResponse tokens = signIn(app);
        app.verifiedIdToken(tokens);
        assertThat(app.decodedIdToken(tokens).getHeaders()).containsEntry("alg", "RS256");
        JsonNode rsa = OidcFlowIntegrationTests.jwk(app.registration.getProviderDetails().getJwkSetUri(), app.lastKeyId);
        assertThat(rsa.get("kty").asString()).isEqualTo("RSA");

        // an edit of the name alone keeps the algorithm
        assertThat(operator.patch(CLIENTS + "/" + clientId, Map.of("name", "Renamed app"), Map.of())
                .text("idTokenSignedResponseAlg")).isEqualTo("RS256");
        Api.Response changed = operator.patch(CLIENTS + "/" + clientId, Map.of("idTokenSignedResponseAlg", "ES256"),
                Map.of());
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.text("idTokenSignedResponseAlg")).isEqualTo("ES256");
        assertThat(changed.text("name")).isEqualTo("Renamed app");
        assertThat(changed.json().get("redirectUris").get(0).asString()).isEqualTo(OidcRelyingParty.REDIRECT_URI);

        app.idTokenAlgorithm = JWSAlgorithm.ES256;
        OAuth2AccessTokenResponse refreshed = app.refresh(tokens.getAccessToken(), tokens.getRefreshToken());
        app.verifiedIdToken(refreshed);
        assertThat(app.decodedIdToken(refreshed).getHeaders()).containsEntry("alg", "ES256");

        String after = jdbc.sql("SELECT after_json FROM audit_entries WHERE action = 'oidc_client.updated'"
                + " AND target_id = ? AND after_json LIKE '%ES256%'").param(clientId).query(String.class).single();
        assertThat(after).contains("\"idSignatureAlg\"");
        String before = jdbc.sql("SELECT before_json FROM audit_entries WHERE action = 'oidc_client.updated'"
                + " AND target_id = ? AND after_json LIKE '%ES256%'").param(clientId).query(String.class).single();
        assertThat(before).contains("RS256");
        assertThat(jdbc.sql("SELECT after_json FROM audit_entries WHERE action = 'oidc_client.registered'"
                + " AND target_id = ?").param(clientId).query(String.class).single()).contains("RS256");
    }

    @Test
    void discovery_offers_rs256_and_es256_for_id_tokens() {
        JsonNode discovery = OidcRelyingParty.json(OidcRelyingParty.get(base() + "/.well-known/openid-configuration",
                null).body());
        assertThat(discovery.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\",\"ES256\"]");
    }

    @Test
    void another_algorithm_is_refused_with_its_code_in_english_and_french_and_nothing_changes() {
        Api french = operator.withHeader("Accept-Language", "fr-FR,fr;q=0.9");
        for (String wrong : List.of("HS256", "none", "es256", "RS512", "")) {
            Api.Response refused = register(wrong);
            assertThat(refused.status()).as(wrong + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("INVALID_INPUT");
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("idTokenSignedResponseAlg");
            assertThat(error.get("code").asString()).isEqualTo("ID_TOKEN_ALG_UNSUPPORTED");
        }
        assertThat(register("HS256").text("detail")).contains("RS256").contains("ES256").contains("HS256");

        Api.Response good = register(null);
        String client = CLIENTS + "/" + good.text("clientId");
        Api.Response inFrench = french.patch(client, Map.of("idTokenSignedResponseAlg", "HS256"), Map.of());
        assertThat(inFrench.status()).isEqualTo(400);
        assertThat(inFrench.text("detail")).isEqualTo(
                "idTokenSignedResponseAlg : Les jetons d’identité peuvent être signés RS256 ou ES256, pas « HS256 »");
        assertThat(inFrench.json().get("errors").get(0).get("code").asString()).isEqualTo("ID_TOKEN_ALG_UNSUPPORTED");
        assertThat(operator.get(client).text("idTokenSignedResponseAlg")).isEqualTo("RS256");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'oidc_client.updated' AND target_id = ?")
                .param(good.text("clientId")).query(Long.class).single()).isZero();
    }

    @Test
    void the_console_page_registers_an_es256_client_shows_it_and_switches_it_back() {
        Browser console = new Browser(port);
        console.signIn(Operator.EMAIL, Operator.PASSWORD);
        Browser.Page page = console.get("/admin/oidc-clients");
        assertThat(page.html()).contains("name=\"idTokenSignedResponseAlg\"").contains("ID tokens signed with");
        String name = Fixtures.unique("Console ES app");
        Browser.Page registered = console.post("/admin/oidc-clients", Map.of("name", name,
                "redirectUris", "https://console-es-app.example/callback", "confidential", "true",
                "idTokenSignedResponseAlg", "ES256"));
        assertThat(registered.status()).isEqualTo(200);
        String clientId = null;
        for (JsonNode client : operator.get(CLIENTS).json().get("items")) {
            if (name.equals(client.get("name").asString())) {
                clientId = client.get("clientId").asString();
            }
        }
        assertThat(clientId).as("the client registered on the page").isNotNull();
        assertThat(operator.get(CLIENTS + "/" + clientId).text("idTokenSignedResponseAlg")).isEqualTo("ES256");
        assertThat(console.get("/admin/oidc-clients").html()).contains("ID tokens signed ES256");

        Browser.Page edited = console.post("/admin/oidc-clients/" + clientId + "/redirect-uris", Map.of(
                "redirectUris", "https://console-es-app.example/callback", "idTokenSignedResponseAlg", "RS256"));
        assertThat(edited.status()).isEqualTo(302);
        assertThat(operator.get(CLIENTS + "/" + clientId).text("idTokenSignedResponseAlg")).isEqualTo("RS256");

        Browser.Page refused = console.post("/admin/oidc-clients/" + clientId + "/redirect-uris", Map.of(
                "redirectUris", "https://console-es-app.example/callback", "idTokenSignedResponseAlg", "HS256"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("id=\"oidc-error\"").contains("The ID tokens can be signed RS256 or ES256");
    }
}
