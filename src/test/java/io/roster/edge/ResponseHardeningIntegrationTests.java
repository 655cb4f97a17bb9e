package io.roster.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Redirects never carry the request's Host header (it is the client's to forge); every response
 * denies browser features by Permissions-Policy; over plain HTTP cookies are not Secure.
 */
@IntegrationTest
class ResponseHardeningIntegrationTests {

    static final String EVIL = "evil.example";
    private static final String PASSWORD = "Quiet-Harbor-Orbit-7319";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @LocalServerPort
    int port;

    RawHttp raw;
    String login;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(port);
        Api operator = Api.at(port).signIn(Operator.EMAIL, Operator.PASSWORD);
        String company = new Fixtures(operator).company(3);
        var body = Fixtures.userWithPassword("ACTIVE", PASSWORD);
        operator.post("/api/v1/companies/" + company + "/users", body);
        login = (String) body.get("userId");
    }

    @Test
    void the_redirect_to_the_sign_in_page_does_not_carry_a_forged_host() {
        var answer = raw.get("/profile", Map.of("Host", EVIL));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/login");
    }

    @Test
    void signing_in_and_out_redirect_without_the_forged_host() {
        // a protected page first: the sign-in then returns to it
        var protectedPage = raw.get("/profile?tab=1", Map.of("Host", EVIL));
        String session = cookie(protectedPage, "SESSION");
        var form = raw.get("/login", Map.of("Host", EVIL, "Cookie", "SESSION=" + session));
        session = cookie(form, "SESSION") == null ? session : cookie(form, "SESSION");

        var signedIn = post("/login", session, Map.of("login", login, "password", PASSWORD, "_csrf", csrf(form)));

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain(EVIL).startsWith("/profile");
        session = cookie(signedIn, "SESSION") == null ? session : cookie(signedIn, "SESSION");
        var home = raw.get("/", Map.of("Host", EVIL, "Cookie", "SESSION=" + session));
        assertThat(home.status()).as(home.toString()).isEqualTo(200);

        var signedOut = post("/logout", session, Map.of("_csrf", csrf(home)));

        assertThat(signedOut.status()).as(signedOut.toString()).isEqualTo(302);
        assertThat(signedOut.header("Location")).isEqualTo("/login?signedOut");
    }

    @Test
    void a_page_saved_under_a_forged_host_does_not_send_the_person_there_after_signing_in() {
        var protectedPage = raw.get("/profile", Map.of("Host", EVIL));
        String session = cookie(protectedPage, "SESSION");
        var form = raw.get("/login", Map.of("Cookie", "SESSION=" + session));
        session = cookie(form, "SESSION") == null ? session : cookie(form, "SESSION");

        var signedIn = post("/login", session, Map.of("login", login, "password", PASSWORD, "_csrf", csrf(form)), null);

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        assertThat(signedIn.header("Location")).doesNotContain(EVIL).startsWith("/profile");
    }

    @Test
    void console_and_api_responses_deny_browser_features() {
        var token = Api.at(port).basic(Operator.EMAIL, Operator.PASSWORD).post("/api/v1/tokens", null).text("token");
        List<RawHttp.Answer> answers = List.of(raw.get("/login", Map.of()), raw.get("/api/v1/me", Map.of()),
                raw.get("/api/v1/me", Map.of("Authorization", "Bearer " + token)), raw.get("/api/v1/me?q=%00", Map.of()),
                raw.get("/login?q=%00", Map.of()), raw.get("/actuator/health", Map.of()), raw.get("/no-such-page", Map.of()));

        for (var answer : answers) {
            String policy = answer.header("Permissions-Policy");
            assertThat(policy).as(answer.toString()).isNotNull();
            assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
        }
    }

    @Test
    void over_plain_http_cookies_are_not_secure() {
        var form = raw.get("/login?lang=fr", Map.of());

        assertThat(form.all("Set-Cookie")).isNotEmpty().noneMatch(cookie -> cookie.toLowerCase().contains("secure"));
    }

    @Test
    void the_openapi_document_names_its_own_origin_as_server_whatever_the_host_header_says() {
        var document = raw.get("/v3/api-docs", Map.of("Host", EVIL));

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).doesNotContain(EVIL).contains("\"servers\":[{\"url\":\"/\"");
    }

    private RawHttp.Answer post(String path, String session, Map<String, String> fields) {
        return post(path, session, fields, EVIL);
    }

    private RawHttp.Answer post(String path, String session, Map<String, String> fields, String host) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        Map<String, String> headers = new LinkedHashMap<>();
        if (host != null) {
            headers.put("Host", host);
        }
        headers.put("Cookie", "SESSION=" + session);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return raw.send("POST", path, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String cookie(RawHttp.Answer answer, String name) {
        return answer.all("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .findFirst().orElse(null);
    }

    private static String csrf(RawHttp.Answer page) {
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in " + page);
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
