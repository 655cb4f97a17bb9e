package io.roster.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An app that signs people in through Roster, as a real relying party does: its registration is
 * read from the discovery document by Spring Security's OAuth2 client, which also redeems the code
 * and refreshes the tokens; the ID token's signature is checked with Nimbus against the JWKS.
 */
final class OidcRelyingParty {

    static final String REDIRECT_URI = "http://127.0.0.1:47001/app/callback";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final String issuer;
    final String redirectUri;
    String lastKeyId;
    /** What the ID tokens are expected to be signed with: the client's registration (RS256 by default). */
    JWSAlgorithm idTokenAlgorithm = JWSAlgorithm.RS256;
    /** The header of the last access token checked by {@link #verifiedAccessToken}. */
    JWSHeader lastAccessTokenHeader;
    final ClientRegistration registration;
    final String verifier = random();
    final String state = random();

    OidcRelyingParty(String issuer, String clientId, String clientSecret) {
        this(issuer, clientId, clientSecret, REDIRECT_URI);
    }

    OidcRelyingParty(String issuer, String clientId, String clientSecret, String redirectUri) {
        this.issuer = issuer;
        this.redirectUri = redirectUri;
        ClientRegistration.Builder builder = ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId("roster").clientId(clientId).redirectUri(redirectUri)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE).scope("openid", "profile", "email");
        this.registration = clientSecret == null
                ? builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE).build()
                : builder.clientSecret(clientSecret).clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .build();
    }

    /** The path and query of the authorization request (with PKCE S256), plus any extra parameters. */
    String authorizePath(boolean pkce, Map<String, String> extra) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", registration.getClientId());
        parameters.put("redirect_uri", redirectUri);
        parameters.put("scope", "openid profile email");
        parameters.put("state", state);
        if (pkce) {
            parameters.put("code_challenge", challenge(verifier));
            parameters.put("code_challenge_method", "S256");
        }
        parameters.putAll(extra);
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return URI.create(registration.getProviderDetails().getAuthorizationUri()).getPath() + "?" + query;
    }

    /** Redeems the code at the token endpoint of {@code tokenUri} (another node's, for instance). */
    OAuth2AccessTokenResponse redeem(String code, boolean pkce, String tokenUri) {
        ClientRegistration target = tokenUri == null ? registration
                : ClientRegistration.withClientRegistration(registration).tokenUri(tokenUri).build();
        OAuth2AuthorizationRequest.Builder request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(target.getProviderDetails().getAuthorizationUri())
                .clientId(target.getClientId()).redirectUri(redirectUri).scopes(target.getScopes()).state(state);
        if (pkce) {
            request.attributes(attributes -> attributes.put(PkceParameterNames.CODE_VERIFIER, verifier))
                    .additionalParameters(p -> {
                        p.put(PkceParameterNames.CODE_CHALLENGE, challenge(verifier));
                        p.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
                    });
        }
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code).redirectUri(redirectUri)
                .state(state).build();
        return new RestClientAuthorizationCodeTokenResponseClient().getTokenResponse(
                new OAuth2AuthorizationCodeGrantRequest(target, new OAuth2AuthorizationExchange(request.build(), response)));
    }

    OAuth2AccessTokenResponse refresh(OAuth2AccessToken accessToken, OAuth2RefreshToken refreshToken) {
        return new RestClientRefreshTokenTokenResponseClient().getTokenResponse(
                new OAuth2RefreshTokenGrantRequest(registration, accessToken, refreshToken));
    }

    /** The ID token's claims, once its signature is checked against the provider's JWKS. */
    JWTClaimsSet verifiedIdToken(OAuth2AccessTokenResponse tokens) throws Exception {
        return verifiedIdToken(tokens, issuer);
    }

    /** As {@link #verifiedIdToken(OAuth2AccessTokenResponse)}, for a token another node issued. */
    JWTClaimsSet verifiedIdToken(OAuth2AccessTokenResponse tokens, String expectedIssuer) throws Exception {
        SignedJWT idToken = SignedJWT.parse((String) tokens.getAdditionalParameters().get("id_token"));
        JWKSet keys = JWKSet.parse(get(registration.getProviderDetails().getJwkSetUri(), null).body());
        lastKeyId = idToken.getHeader().getKeyID();
        assertThat(idToken.getHeader().getAlgorithm()).as("ID tokens are " + idTokenAlgorithm)
                .isEqualTo(idTokenAlgorithm);
        JWK key = keys.getKeyByKeyId(lastKeyId);
        assertThat(key).as("the JWKS key named by the ID token's kid").isNotNull();
        assertThat(key.getAlgorithm()).isEqualTo(idTokenAlgorithm);
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        boolean verified = JWSAlgorithm.ES256.equals(idTokenAlgorithm)
                ? idToken.verify(new ECDSAVerifier(key.toECKey()))
                : idToken.verify(new RSASSAVerifier(key.toRSAKey()));
        assertThat(verified).as("ID token signature").isTrue();
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(expectedIssuer);
        assertThat(claims.getAudience()).containsExactly(registration.getClientId());
        return claims;
    }

    /**
     * The access token's claims, once its signature is checked with the JWKS key its header names,
     * as a resource server does (the key's kind, algorithm and use must match the header's).
     */
    JWTClaimsSet verifiedAccessToken(OAuth2AccessTokenResponse tokens, String expectedIssuer) throws Exception {
        SignedJWT accessToken = SignedJWT.parse(tokens.getAccessToken().getTokenValue());
        JWKSet keys = JWKSet.parse(get(registration.getProviderDetails().getJwkSetUri(), null).body());
        lastAccessTokenHeader = accessToken.getHeader();
        JWK key = keys.getKeyByKeyId(lastAccessTokenHeader.getKeyID());
        assertThat(key).as("the JWKS key named by the access token's kid").isNotNull();
        assertThat(key.getAlgorithm()).isEqualTo(lastAccessTokenHeader.getAlgorithm());
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        boolean verified = JWSAlgorithm.ES256.equals(lastAccessTokenHeader.getAlgorithm())
                ? accessToken.verify(new ECDSAVerifier(key.toECKey()))
                : accessToken.verify(new RSASSAVerifier(key.toRSAKey()));
        assertThat(verified).as("access token signature").isTrue();
        JWTClaimsSet claims = accessToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(expectedIssuer);
        return claims;
    }

    /**
     * The ID token as Spring Security's OAuth2 client takes it at a sign-in: its decoder for this
     * registration (the JWKS of the discovery document, through Nimbus), accepting only the
     * algorithm the client registered, then the ID token's claims checked (issuer, audience, times).
     */
    Jwt decodedIdToken(OAuth2AccessTokenResponse tokens) {
        OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
        decoders.setJwsAlgorithmResolver(client -> SignatureAlgorithm.from(idTokenAlgorithm.getName()));
        return decoders.createDecoder(registration).decode((String) tokens.getAdditionalParameters().get("id_token"));
    }

    /** The algorithm in the ID token's header. */
    static JWSAlgorithm idTokenAlgorithm(OAuth2AccessTokenResponse tokens) throws Exception {
        return SignedJWT.parse((String) tokens.getAdditionalParameters().get("id_token")).getHeader().getAlgorithm();
    }

    JsonNode userInfo(OAuth2AccessToken accessToken) {
        HttpResponse<String> response = get(registration.getProviderDetails().getUserInfoEndpoint().getUri(),
                "Bearer " + accessToken.getTokenValue());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The introspection answer for a token, asked by this (confidential) client. */
    JsonNode introspect(String token, String clientSecret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((registration.getClientId() + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/introspect"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    static HttpResponse<String> get(String uri, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query parameters of a redirect to the app. */
    static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        for (String part : query == null ? new String[0] : query.split("&")) {
            int eq = part.indexOf('=');
            parameters.put(part.substring(0, eq), java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
