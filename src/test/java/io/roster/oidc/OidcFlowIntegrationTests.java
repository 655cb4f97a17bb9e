package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import io.roster.support.Api;
import io.roster.support.Browser;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

/**
 * Roster as the OpenID Connect provider of an app, over real HTTP: the console's sign-in page and
 * session, the company of the sign-in, the code redeemed by Spring Security's OAuth2 client, the ID
 * token checked with Nimbus, refresh and its refusal once the person lost access, introspection,
 * PKCE for public clients, exact redirect URIs, and the audit.
 */
@IntegrationTest
class OidcFlowIntegrationTests {

    static final String PASSWORD = "oidc-flow-password-1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuthorizationRetention retention;

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

    /** A client registered by the operator: its id and its secret (null for a public client). */
    record Registered(String clientId, String secret) {
    }

    Registered register(boolean confidential) {
        Api.Response created = operator.post("/api/v1/oidc-clients", Map.of("name", Fixtures.unique("App"),
                "redirectUris", List.of(OidcRelyingParty.REDIRECT_URI),
                "postLogoutRedirectUris", List.of("http://127.0.0.1:9/app/bye"), "confidential", confidential));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Registered(created.text("clientId"), confidential ? created.text("clientSecret") : null);
    }

    /** A person with a password and the MEMBER role in a new company: their account id and login. */
    record Person(String companyId, String accountId, String userId) {
    }

    Person person() {
        String company = fixtures.company(10);
        Api.Response user = fixtures.createUser(company, Fixtures.userWithPassword("ACTIVE", PASSWORD));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        return new Person(company, user.text("id"), user.text("userId"));
    }

    /** Follows the browser from the authorization request to the redirect to the app, signing in on the way. */
    static String signInThrough(Browser browser, String authorizePath, String login) {
        Browser.Page page = browser.get(authorizePath);
        List<String> visited = new java.util.ArrayList<>(List.of(authorizePath));
        for (int hops = 0; hops < 10; hops++) {
            if (page.status() != 302 && page.status() != 303) {
                throw new AssertionError("expected a redirect, got " + page.status() + " after " + visited);
            }
            String location = page.location();
            if (location.startsWith(OidcRelyingParty.REDIRECT_URI)) {
                return location;
            }
            if (location.contains("/login") && !location.contains("oauth2")) {
                page = browser.signIn(login, PASSWORD);
                continue;
            }
            visited.add(location);
            page = browser.get(location);
        }
        throw new AssertionError("too many redirects");
    }

    @Test
    void a_confidential_app_signs_a_person_in_and_refreshes_until_the_person_is_deactivated() throws Exception {
        Registered client = register(true);
        Person person = person();
        OidcRelyingParty app = new OidcRelyingParty(base(), client.clientId(), client.secret());

        String back = signInThrough(new Browser(port), app.authorizePath(true, Map.of()), person.userId());
        Map<String, String> answer = OidcRelyingParty.query(back);
        assertThat(answer).containsEntry("state", app.state).containsKey("code");

        OAuth2AccessTokenResponse tokens = app.redeem(answer.get("code"), true, null);
        JWTClaimsSet claims = app.verifiedIdToken(tokens);
        assertThat(claims.getSubject()).isEqualTo(person.accountId());
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(person.userId());
        assertThat(claims.getStringClaim("email")).isEqualTo(person.userId() + "@example.com");
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getStringClaim("given_name")).isEqualTo("Jeanne");
        assertThat(claims.getStringClaim("family_name")).isEqualTo("Binoche");
        assertThat(claims.getStringClaim("name")).isEqualTo("Jeanne Binoche");
        assertThat(claims.getStringClaim("company_id")).isEqualTo(person.companyId());
        assertThat(claims.getStringClaim("company_slug")).startsWith("co-");
        assertThat(claims.getStringListClaim("roles")).containsExactly("MEMBER");
        assertThat(claims.getBooleanClaim("external")).isFalse();

        JsonNode userInfo = app.userInfo(tokens.getAccessToken());
        assertThat(userInfo.get("sub").asString()).isEqualTo(person.accountId());
        assertThat(userInfo.get("company_id").asString()).isEqualTo(person.companyId());
        assertThat(userInfo.get("roles").get(0).asString()).isEqualTo("MEMBER");

        // refresh tokens rotate: the new one works, and the old one is spent
        OAuth2AccessTokenResponse refreshed = app.refresh(tokens.getAccessToken(), tokens.getRefreshToken());
        assertThat(refreshed.getRefreshToken().getTokenValue()).isNotEqualTo(tokens.getRefreshToken().getTokenValue());
        assertThat(app.verifiedAccessToken(refreshed, base()).getStringClaim("company_id")).isEqualTo(person.companyId());
        assertThat(app.lastAccessTokenHeader.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(app.verifiedIdToken(refreshed).getSubject()).isEqualTo(person.accountId());
        assertThat(app.userInfo(refreshed.getAccessToken()).get("sub").asString()).isEqualTo(person.accountId());
        assertThat(app.introspect(refreshed.getAccessToken().getTokenValue(), client.secret()).get("active").asBoolean())
                .isTrue();

        assertThat(operator.post("/api/v1/companies/" + person.companyId() + "/users/" + person.accountId()
                + "/deactivate", Map.of()).status()).isEqualTo(200);
        assertThatThrownBy(() -> app.refresh(refreshed.getAccessToken(), refreshed.getRefreshToken()))
                .isInstanceOfSatisfying(OAuth2AuthorizationException.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_grant"));
        assertThat(app.introspect(refreshed.getAccessToken().getTokenValue(), client.secret()).get("active").asBoolean())
                .isFalse();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'oidc.sign_in' AND company_id = ?"
                + " AND actor_account_id = ?").params(person.companyId(), person.accountId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void access_tokens_are_signed_es256_with_the_ec_key_of_the_jwks_and_id_tokens_rs256() throws Exception {
        Registered client = register(true);
        Person person = person();
        OidcRelyingParty app = new OidcRelyingParty(base(), client.clientId(), client.secret());
        String code = OidcRelyingParty.query(signInThrough(new Browser(port), app.authorizePath(true, Map.of()),
                person.userId())).get("code");
        OAuth2AccessTokenResponse tokens = app.redeem(code, true, null);

        // a resource server reading the JWKS through Spring's decoder (Nimbus), ES256 only
        JsonNode discovery = OidcRelyingParty.json(OidcRelyingParty.get(base() + "/.well-known/openid-configuration",
                null).body());
        NimbusJwtDecoder resourceServer = NimbusJwtDecoder.withJwkSetUri(discovery.get("jwks_uri").asString())
                .jwsAlgorithm(SignatureAlgorithm.ES256).build();
        Jwt accessToken = resourceServer.decode(tokens.getAccessToken().getTokenValue());
        assertThat(accessToken.getHeaders()).containsEntry("alg", "ES256");
        assertThat(accessToken.getSubject()).isEqualTo(person.accountId());
        assertThat(accessToken.getClaimAsString("company_id")).isEqualTo(person.companyId());
        JsonNode ecKey = jwk(discovery.get("jwks_uri").asString(), (String) accessToken.getHeaders().get("kid"));
        assertThat(ecKey.get("kty").asString()).isEqualTo("EC");
        assertThat(ecKey.get("crv").asString()).isEqualTo("P-256");
        assertThat(ecKey.get("alg").asString()).isEqualTo("ES256");
        assertThat(ecKey.get("use").asString()).isEqualTo("sig");
        assertThat(ecKey.has("d")).as("no private part published").isFalse();

        assertThat(OidcRelyingParty.idTokenAlgorithm(tokens)).isEqualTo(JWSAlgorithm.RS256);
        app.verifiedIdToken(tokens);
        assertThat(jwk(discovery.get("jwks_uri").asString(), app.lastKeyId).get("kty").asString()).isEqualTo("RSA");
        assertThat(discovery.get("id_token_signing_alg_values_supported").toString()).contains("RS256");

        // userinfo and introspection take the ES256 access token
        assertThat(app.userInfo(tokens.getAccessToken()).get("company_id").asString()).isEqualTo(person.companyId());
        assertThat(app.introspect(tokens.getAccessToken().getTokenValue(), client.secret()).get("active").asBoolean())
                .isTrue();
    }

    /** The key of the JWKS with this id, or fails. */
    static JsonNode jwk(String jwksUri, String kid) {
        for (JsonNode key : OidcRelyingParty.json(OidcRelyingParty.get(jwksUri, null).body()).get("keys")) {
            if (kid.equals(key.get("kid").asString())) {
                return key;
            }
        }
        throw new AssertionError("no key " + kid + " in the JWKS");
    }

    /** A browser signed in to the console as the person, ready to ask for sign-ins to apps. */
    Browser signedIn(Person person) {
        Browser browser = new Browser(port);
        Browser.Page page = browser.signIn(person.userId(), PASSWORD);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).doesNotContain("error");
        return browser;
    }

    @Test
    void a_public_client_must_use_pkce_and_gets_no_secret() throws Exception {
        Registered client = register(false);
        assertThat(client.secret()).isNull();
        Person person = person();
        OidcRelyingParty app = new OidcRelyingParty(base(), client.clientId(), null);
        Browser browser = signedIn(person);

        Browser.Page withoutPkce = browser.get(app.authorizePath(false, Map.of("company", person.companyId())));
        assertThat(withoutPkce.status()).isEqualTo(302);
        assertThat(OidcRelyingParty.query(withoutPkce.location())).containsEntry("error", "invalid_request")
                .doesNotContainKey("code");

        String back = signInThrough(browser, app.authorizePath(true, Map.of()), person.userId());
        OAuth2AccessTokenResponse tokens = app.redeem(OidcRelyingParty.query(back).get("code"), true, null);
        assertThat(app.verifiedIdToken(tokens).getSubject()).isEqualTo(person.accountId());
    }

    @Test
    void redirect_uris_are_matched_exactly_so_roster_is_no_open_redirect() {
        Registered client = register(true);
        Person person = person();
        OidcRelyingParty app = new OidcRelyingParty(base(), client.clientId(), client.secret());
        Browser browser = signedIn(person);
        for (String elsewhere : List.of("https://evil.example/app/callback", OidcRelyingParty.REDIRECT_URI + "/more",
                OidcRelyingParty.REDIRECT_URI + "?next=https://evil.example", "http://127.0.0.1:9/app/callbac")) {
            Browser.Page page = browser.get(app.authorizePath(true, Map.of("redirect_uri", elsewhere)));
            assertThat(page.status()).as(elsewhere).isEqualTo(400);
            assertThat(page.location()).as(elsewhere).isNull();
        }
    }

    @Test
    void a_company_without_standing_is_access_denied_at_the_app_and_audited() {
        Registered client = register(true);
        Person person = person();
        String elsewhere = fixtures.company(1);
        OidcRelyingParty app = new OidcRelyingParty(base(), client.clientId(), client.secret());
        Browser.Page page = signedIn(person).get(app.authorizePath(true, Map.of("company", elsewhere)));
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).startsWith(OidcRelyingParty.REDIRECT_URI + "?");
        assertThat(OidcRelyingParty.query(page.location())).containsEntry("error", "access_denied")
                .containsEntry("state", app.state).containsKey("error_description").doesNotContainKey("code");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'oidc.refused' AND company_id = ?"
                + " AND actor_account_id = ?").params(elsewhere, person.accountId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void losing_the_last_role_in_the_company_ends_the_sign_ins_there_only() throws Exception {
        Registered client = register(true);
        Person person = person();
        String other = fixtures.company(5);
        assertThat(operator.post("/api/v1/companies/" + other + "/users/" + person.accountId() + "/roles",
                Map.of("roleId", "MEMBER")).status()).isEqualTo(201);
        Browser browser = signedIn(person);

        OidcRelyingParty home = new OidcRelyingParty(base(), client.clientId(), client.secret());
        OAuth2AccessTokenResponse homeTokens = home.redeem(OidcRelyingParty.query(signInThrough(browser,
                home.authorizePath(true, Map.of("company", person.companyId())), person.userId())).get("code"), true, null);
        OidcRelyingParty outside = new OidcRelyingParty(base(), client.clientId(), client.secret());
        OAuth2AccessTokenResponse outsideTokens = outside.redeem(OidcRelyingParty.query(signInThrough(browser,
                outside.authorizePath(true, Map.of("company", other)), person.userId())).get("code"), true, null);
        JWTClaimsSet claims = outside.verifiedIdToken(outsideTokens);
        assertThat(claims.getStringClaim("company_id")).isEqualTo(other);
        assertThat(claims.getBooleanClaim("external")).isTrue();

        assertThat(operator.delete("/api/v1/companies/" + other + "/users/" + person.accountId() + "/roles/MEMBER",
                Map.of()).status()).isEqualTo(204);
        assertThat(outside.introspect(outsideTokens.getAccessToken().getTokenValue(), client.secret()).get("active")
                .asBoolean()).isFalse();
        assertThatThrownBy(() -> outside.refresh(outsideTokens.getAccessToken(), outsideTokens.getRefreshToken()))
                .isInstanceOfSatisfying(OAuth2AuthorizationException.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_grant"));
        // the home company's sign-in goes on
        assertThat(home.refresh(homeTokens.getAccessToken(), homeTokens.getRefreshToken()).getAccessToken()).isNotNull();
    }

    static final String POST_LOGOUT_URI = "http://127.0.0.1:9/app/bye";

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void the_app_signs_the_person_out_of_the_console_and_is_sent_back_only_to_a_registered_address() throws Exception {
        Registered client = register(true);
        Person person = person();
        OidcRelyingParty app = new OidcRelyingParty(base(), client.clientId(), client.secret());
        Browser browser = new Browser(port);
        OAuth2AccessTokenResponse tokens = app.redeem(OidcRelyingParty.query(signInThrough(browser,
                app.authorizePath(true, Map.of()), person.userId())).get("code"), true, null);
        String idToken = (String) tokens.getAdditionalParameters().get("id_token");
        String endSession = OidcRelyingParty.json(OidcRelyingParty.get(base() + "/.well-known/openid-configuration", null)
                .body()).get("end_session_endpoint").asString();
        String logout = URI.create(endSession).getPath() + "?id_token_hint=" + enc(idToken) + "&state=" + enc(app.state)
                + "&post_logout_redirect_uri=";

        // an address the client did not register is refused, not followed, and the session goes on
        for (String elsewhere : List.of("https://evil.example/app/bye", POST_LOGOUT_URI + "/more",
                POST_LOGOUT_URI + "?next=https://evil.example")) {
            Browser.Page refused = browser.get(logout + enc(elsewhere));
            assertThat(refused.status()).as(elsewhere).isEqualTo(400);
            assertThat(refused.location()).as(elsewhere).isNull();
        }
        assertThat(landing(browser, app.authorizePath(true, Map.of()))).startsWith(OidcRelyingParty.REDIRECT_URI + "?");

        Browser.Page out = browser.get(logout + enc(POST_LOGOUT_URI));
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).startsWith(POST_LOGOUT_URI + "?");
        assertThat(OidcRelyingParty.query(out.location())).containsEntry("state", app.state);

        // the console session is over: the next sign-in to the app asks for the password again
        assertThat(landing(browser, app.authorizePath(true, Map.of()))).contains("/login")
                .doesNotStartWith(OidcRelyingParty.REDIRECT_URI);
    }

    /** Where an authorization request ends without signing in: the app's redirect, or the sign-in page. */
    static String landing(Browser browser, String authorizePath) {
        Browser.Page page = browser.get(authorizePath);
        for (int hops = 0; hops < 10; hops++) {
            assertThat(page.status()).isIn(302, 303);
            String location = page.location();
            if (location.startsWith(OidcRelyingParty.REDIRECT_URI) || location.contains("/login")) {
                return location;
            }
            page = browser.get(location);
        }
        throw new AssertionError("too many redirects");
    }

    /** The authorization the person's (only) sign-in to an app made. */
    String authorizationOf(Person person) {
        return jdbc.sql("SELECT authorization_id FROM oidc_sign_ins WHERE account_id = ?").param(person.accountId())
                .query(String.class).single();
    }

    long count(String table, String column, String value) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(value).query(Long.class)
                .single();
    }

    @Test
    void authorizations_whose_tokens_all_expired_long_ago_are_purged_with_their_sign_in_record_live_ones_stay()
            throws Exception {
        Registered client = register(true);
        Person gone = person();
        Person live = person();
        OidcRelyingParty goneApp = new OidcRelyingParty(base(), client.clientId(), client.secret());
        goneApp.redeem(OidcRelyingParty.query(signInThrough(new Browser(port), goneApp.authorizePath(true, Map.of()),
                gone.userId())).get("code"), true, null);
        OidcRelyingParty liveApp = new OidcRelyingParty(base(), client.clientId(), client.secret());
        OAuth2AccessTokenResponse liveTokens = liveApp.redeem(OidcRelyingParty.query(signInThrough(new Browser(port),
                liveApp.authorizePath(true, Map.of()), live.userId())).get("code"), true, null);
        String goneId = authorizationOf(gone);
        String liveId = authorizationOf(live);

        // past the retention (7 days by default): every token of one expired 8 days ago; the other's
        // code and access token did too, but its refresh token is still good
        OffsetDateTime eightDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(8);
        String aged = "authorization_code_issued_at = :issued, authorization_code_expires_at = :old,"
                + " access_token_issued_at = :issued, access_token_expires_at = :old,"
                + " oidc_id_token_issued_at = :issued, oidc_id_token_expires_at = :old";
        jdbc.sql("UPDATE oauth2_authorization SET " + aged + ", refresh_token_issued_at = :issued,"
                        + " refresh_token_expires_at = :old WHERE id = :id")
                .param("issued", eightDaysAgo.minusHours(1)).param("old", eightDaysAgo).param("id", goneId).update();
        jdbc.sql("UPDATE oauth2_authorization SET " + aged + " WHERE id = :id")
                .param("issued", eightDaysAgo.minusHours(1)).param("old", eightDaysAgo).param("id", liveId).update();
        jdbc.sql("UPDATE oidc_sign_ins SET signed_in_at = ? WHERE authorization_id IN (?, ?)")
                .params(eightDaysAgo, goneId, liveId).update();

        assertThat(retention.purge(Instant.now())).isGreaterThanOrEqualTo(2);

        assertThat(count("oauth2_authorization", "id", goneId)).isZero();
        assertThat(count("oidc_sign_ins", "authorization_id", goneId)).isZero();
        assertThat(count("oauth2_authorization", "id", liveId)).isEqualTo(1);
        assertThat(count("oidc_sign_ins", "authorization_id", liveId)).isEqualTo(1);
        assertThat(liveApp.refresh(liveTokens.getAccessToken(), liveTokens.getRefreshToken()).getAccessToken()).isNotNull();
    }

    static final int LOCK_AFTER = 25;

    @Test
    void the_lockout_after_too_many_failed_sign_ins_ends_the_persons_sign_ins_to_apps_at_once() throws Exception {
        Registered client = register(true);
        Person person = person();
        OidcRelyingParty app = new OidcRelyingParty(base(), client.clientId(), client.secret());
        OAuth2AccessTokenResponse tokens = app.redeem(OidcRelyingParty.query(signInThrough(new Browser(port),
                app.authorizePath(true, Map.of()), person.userId())).get("code"), true, null);
        String accessToken = tokens.getAccessToken().getTokenValue();

        for (int i = 1; i < LOCK_AFTER; i++) {
            assertThat(Api.at(port).basic(person.userId(), "wrong-password-" + i).post("/api/v1/tokens", null).status())
                    .isEqualTo(401);
        }
        // failures short of the lockout end nothing
        assertThat(app.introspect(accessToken, client.secret()).get("active").asBoolean()).isTrue();
        assertThat(count("oauth2_authorization", "principal_name", person.accountId())).isEqualTo(1);

        assertThat(Api.at(port).basic(person.userId(), "wrong-password-last").post("/api/v1/tokens", null).status())
                .isEqualTo(401);
        assertThat(app.introspect(accessToken, client.secret()).get("active").asBoolean()).isFalse();
        assertThat(count("oauth2_authorization", "principal_name", person.accountId())).isZero();
        assertThat(count("oidc_sign_ins", "account_id", person.accountId())).isZero();
        assertThatThrownBy(() -> app.refresh(tokens.getAccessToken(), tokens.getRefreshToken()))
                .isInstanceOfSatisfying(OAuth2AuthorizationException.class,
                        refused -> assertThat(refused.getError().getErrorCode()).isEqualTo("invalid_grant"));
    }

    @Test
    void the_operator_registers_edits_rotates_and_deletes_clients_and_the_secret_is_stored_hashed() {
        Registered client = register(true);
        String stored = jdbc.sql("SELECT client_secret FROM oauth2_registered_client WHERE client_id = ?")
                .param(client.clientId()).query(String.class).single();
        assertThat(stored).startsWith("sha256:").doesNotContain(client.secret());
        assertThat(operator.get("/api/v1/oidc-clients/" + client.clientId()).body()).doesNotContain("Secret");

        Api.Response bad = operator.post("/api/v1/oidc-clients", Map.of("name", "x", "confidential", true,
                "redirectUris", List.of("https://app.example/*")));
        assertThat(bad.status()).isEqualTo(400);

        Api.Response edited = operator.patch("/api/v1/oidc-clients/" + client.clientId(),
                Map.of("redirectUris", List.of("https://app.example/cb")), Map.of());
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("redirectUris").get(0).asString()).isEqualTo("https://app.example/cb");

        Api.Response rotated = operator.post("/api/v1/oidc-clients/" + client.clientId() + "/rotate-secret", null);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("clientSecret")).isNotEqualTo(client.secret());

        assertThat(operator.delete("/api/v1/oidc-clients/" + client.clientId(), Map.of()).status()).isEqualTo(204);
        assertThat(operator.get("/api/v1/oidc-clients/" + client.clientId()).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE target_id = ? AND action LIKE 'oidc_client.%'")
                .param(client.clientId()).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void the_console_page_registers_a_client_for_the_operator_only_and_shows_its_secret_once() {
        Browser console = new Browser(port);
        console.signIn(Operator.EMAIL, Operator.PASSWORD);
        assertThat(console.get("/admin/oidc-clients").status()).isEqualTo(200);
        String name = Fixtures.unique("Console app");
        Browser.Page registered = console.post("/admin/oidc-clients", Map.of("name", name,
                "redirectUris", "https://console-app.example/callback", "confidential", "true"));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.html()).contains(name).contains("id=\"oidc-secret\"");
        assertThat(console.get("/admin/oidc-clients").html()).contains(name).doesNotContain("id=\"oidc-secret\"");

        Browser.Page refused = signedIn(person()).get("/admin/oidc-clients");
        assertThat(refused.status()).isIn(403, 404);
    }
}
