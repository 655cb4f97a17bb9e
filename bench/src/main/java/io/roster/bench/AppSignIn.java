package io.roster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person signed in to the console, and the app they sign in to through Roster: a browser of its
 * own (cookies, no redirects followed, so the code is read from the Location header and nothing
 * needs to serve the redirect URI) and the app's back channel to the token endpoint, with the
 * client's secret in HTTP Basic. Each instance is used by one harness thread at a time.
 */
final class AppSignIn {

    /** The app's redirect URI: on loopback, port 9 (discard), never called, only read from Location. */
    static final String REDIRECT_URI = "http://127.0.0.1:9/bench/callback";

    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the token endpoint answered, once checked. */
    record Tokens(String accessToken, String refreshToken, String idToken) {

        /** The {@code alg} of the access token's JWS header (ES256 or RS256), read, not checked. */
        String accessTokenAlg() {
            return algOf(accessToken);
        }

        /** The {@code alg} of the ID token's JWS header, read, not checked; "?" without an ID token. */
        String idTokenAlg() {
            return idToken == null ? "?" : algOf(idToken);
        }

        private static String algOf(String jwt) {
            String header = new String(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))),
                    java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher alg = Pattern.compile("\"alg\"\\s*:\\s*\"([^\"]+)\"").matcher(header);
            return alg.find() ? alg.group(1) : "?";
        }
    }

    private final String base;
    private final String clientId;
    private final String clientBasic;
    private final String company;
    private final HttpClient browser;
    private final HttpClient backChannel;
    private final Duration timeout = Duration.ofSeconds(60);
    /** the refresh token to spend next: each refresh rotates it */
    String refreshToken;

    AppSignIn(String base, String clientId, String clientSecret, String company) {
        Api.requireLoopback(base);
        this.base = base.replaceAll("/+$", "");
        this.clientId = clientId;
        this.clientBasic = "Basic " + Base64.getEncoder().encodeToString(
                (form(clientId) + ":" + form(clientSecret)).getBytes(StandardCharsets.UTF_8));
        this.company = company;
        this.browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.backChannel = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs in through the console's form, as a person does: the page, then the form with its CSRF token. */
    void signIn(String login, String password) {
        HttpResponse<String> page = send(browser, html(base + "/login").GET());
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("GET /login answered " + page.statusCode() + " without a CSRF token");
        }
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        HttpResponse<String> answer = send(browser, html(base + "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formOf(Map.of("login", login, "password", password,
                        "_csrf", token)))));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error") || location.contains("/login")) {
            throw new IllegalStateException("console sign-in of " + login + " answered " + answer.statusCode() + " → " + location);
        }
    }

    /**
     * The whole code flow of one sign-in to the app: the authorization request with the console's
     * session (PKCE S256, state, nonce, the company) answered by a redirect carrying the code, then
     * the code redeemed at the token endpoint. Null when any step answered something else.
     */
    Tokens codeFlow() {
        String verifier = random();
        String state = random();
        String nonce = random();
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", clientId);
        request.put("redirect_uri", REDIRECT_URI);
        request.put("scope", "openid profile email");
        request.put("state", state);
        request.put("nonce", nonce);
        request.put("code_challenge", challenge(verifier));
        request.put("code_challenge_method", "S256");
        request.put("company", company);
        HttpResponse<String> authorize = send(browser, html(base + "/oauth2/authorize?" + formOf(request)).GET());
        String location = authorize.headers().firstValue("Location").orElse("");
        if (authorize.statusCode() != 302 || !location.startsWith(REDIRECT_URI + "?")) {
            throw new IllegalStateException("authorize answered " + authorize.statusCode() + " → " + location);
        }
        Map<String, String> back = query(location);
        String code = back.get("code");
        if (code == null || !state.equals(back.get("state"))) {
            throw new IllegalStateException("authorize redirected without a code or with another state: " + location);
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", REDIRECT_URI);
        exchange.put("code_verifier", verifier);
        Tokens tokens = token(exchange, "code exchange");
        if (tokens.idToken() == null) {
            throw new IllegalStateException("the code exchange gave no id_token");
        }
        return tokens;
    }

    /**
     * An authorization request without the {@code company} parameter, for a person with standing in
     * several companies: the redirect to the chooser page, then the page itself (its first page and,
     * with {@code search}, the companies whose name starts with it). The size of the page's HTML, or
     * an exception when a step answered something else.
     */
    int chooser(String search) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", clientId);
        request.put("redirect_uri", REDIRECT_URI);
        request.put("scope", "openid profile email");
        request.put("state", random());
        request.put("code_challenge", challenge(random()));
        request.put("code_challenge_method", "S256");
        HttpResponse<String> authorize = send(browser, html(base + "/oauth2/authorize?" + formOf(request)).GET());
        String location = authorize.headers().firstValue("Location").orElse("");
        if (authorize.statusCode() != 302 || !location.contains("/oauth2/choose-company")) {
            throw new IllegalStateException("authorize without a company answered " + authorize.statusCode() + " → " + location);
        }
        String page = location.startsWith("http") ? location : base + location;
        if (search != null) {
            page += "&q=" + form(search);
        }
        HttpResponse<String> chooser = send(browser, html(page).GET());
        if (chooser.statusCode() != 200 || !chooser.body().contains("company=")) {
            throw new IllegalStateException("the chooser answered " + chooser.statusCode() + " " + Api.abbreviate(chooser.body()));
        }
        return chooser.body().length();
    }

    /** The authorization request with the company named: straight to a code (not exchanged). */
    boolean authorizeToCode() {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("response_type", "code");
        request.put("client_id", clientId);
        request.put("redirect_uri", REDIRECT_URI);
        request.put("scope", "openid profile email");
        request.put("state", random());
        request.put("code_challenge", challenge(random()));
        request.put("code_challenge_method", "S256");
        request.put("company", company);
        HttpResponse<String> authorize = send(browser, html(base + "/oauth2/authorize?" + formOf(request)).GET());
        String location = authorize.headers().firstValue("Location").orElse("");
        if (authorize.statusCode() != 302 || !location.startsWith(REDIRECT_URI + "?") || !location.contains("code=")) {
            throw new IllegalStateException("authorize answered " + authorize.statusCode() + " → " + location);
        }
        return true;
    }

    /** A whole console sign-in, as {@link #signIn} does it, then the page the console lands on. */
    int consoleSignIn(String login, String password) {
        ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().removeAll();
        signIn(login, password);
        HttpResponse<String> landing = send(browser, html(base + "/").GET());
        int hops = 0;
        while (landing.statusCode() == 302 && hops++ < 3) {
            String next = landing.headers().firstValue("Location").orElse("/");
            landing = send(browser, html(next.startsWith("http") ? next : base + next).GET());
        }
        if (landing.statusCode() != 200) {
            throw new IllegalStateException("the console's landing answered " + landing.statusCode());
        }
        return landing.body().length();
    }

    /**
     * A console page read with this person's session (signed in by {@link #signIn} or
     * {@link #consoleSignIn}): the size of its HTML, or an exception when it is not a 200 holding
     * {@code mustContain}.
     */
    int consolePage(String path, String mustContain) {
        HttpResponse<String> page = send(browser, html(base + path).GET());
        if (page.statusCode() != 200 || !page.body().contains(mustContain)) {
            throw new IllegalStateException(path + " answered " + page.statusCode() + " " + Api.abbreviate(page.body()));
        }
        return page.body().length();
    }

    /** Spends the current refresh token for new tokens, and keeps the rotated refresh token. */
    Tokens refresh() {
        Tokens tokens = token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken), "refresh");
        if (tokens.refreshToken() == null || tokens.accessToken() == null) {
            throw new IllegalStateException("the refresh gave no access or refresh token");
        }
        refreshToken = tokens.refreshToken();
        return tokens;
    }

    private Tokens token(Map<String, String> form, String what) {
        HttpResponse<String> answer = send(backChannel, HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .timeout(timeout).header("Authorization", clientBasic).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formOf(form))));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + " " + Api.abbreviate(answer.body()));
        }
        JsonNode json;
        try {
            json = Api.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException(what + " answered no JSON", e);
        }
        return new Tokens(text(json, "access_token"), text(json, "refresh_token"), text(json, "id_token"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    private HttpRequest.Builder html(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(timeout).header("Accept-Language", "en")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String formOf(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> form(e.getKey()) + "=" + form(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = URI.create(location).getRawQuery();
        for (String part : raw == null ? new String[0] : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parameters.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
