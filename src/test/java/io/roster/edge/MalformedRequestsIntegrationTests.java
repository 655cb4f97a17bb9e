package io.roster.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.support.Api;
import io.roster.support.Fixtures;
import io.roster.support.IntegrationTest;
import io.roster.support.Operator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A table of malformed requests — broken percent-encoding, control characters, blank and odd ids,
 * forged cursors, out-of-range numbers and times, unusable content types and bodies, broken
 * headers — over the API's and the console's paths, with a bearer token and without. None may be
 * answered 5xx; every API error is a problem document and every console error an HTML page.
 */
@IntegrationTest
class MalformedRequestsIntegrationTests {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> QUERIES = List.of("q=%", "q=%zz", "q=%ED%A0%80", "q=%00", "q=%20%00%20",
            "limit=%01", "limit=1e3", "limit=-0", "limit=2147483648", "sort=%C0%AE", "sort=-", "status=%00",
            "cursor=" + cursor("userId\u001fa\u001f\u0000"), "cursor=" + cursor("createdAt\u001f+999999999-12-31T23:59:59Z\u001fx"),
            "cursor=" + cursor("\u001f\u001f"), "cursor=%FF%FE", "cursor=" + "A".repeat(5000),
            "from=%2B999999999-12-31T23:59:59Z", "to=-999999999-01-01T00:00:00Z", "from=2025-13-45T99:99:99Z",
            "actor=%00", "action=user.%00", "companyId=%20", "companyId=%00", "external=%00", "role=%00",
            "lang=%00", "lang=" + "x".repeat(300), "a=%00=b", "%00=1", "&&&=&", "q=" + "%E2%82%AC".repeat(600));

    private static final List<String> SUFFIXES = List.of("/%20", "/%00", "/%ZZ", "/%C0%AE", "/a%0Ab", "/" + "x".repeat(3000),
            "/%F0%9F%98%80", "/..%2F..%2F", "/;a=b", "/%2e%2e", "/00000000-0000-7000-8000-000000000000%00");

    private static final List<String[]> HEADERS = List.of(
            new String[] {"Accept-Language", "fr;q=abc"}, new String[] {"Accept-Language", "x".repeat(500)},
            new String[] {"Accept", "garbage"}, new String[] {"Accept", "text/html;q=x"},
            new String[] {"Authorization", "Bearer "}, new String[] {"Authorization", "Basic %%%"},
            new String[] {"Authorization", "Bearer rst_" + "\u00e9"}, new String[] {"Cookie", "SESSION=%00"},
            new String[] {"Cookie", "SESSION=" + "x".repeat(2000)}, new String[] {"X-Request-Id", "\u00ff".repeat(80)},
            new String[] {"If-Match", "\"x"}, new String[] {"If-None-Match", "*"});

    private static final List<String[]> BODIES = List.of(
            new String[] {"application/json", "{\"name\": \"a\\u0000b\"}"},
            new String[] {"application/json", "{\"licensesPurchased\": 1e400}"},
            new String[] {"application/json", "{\"licensesPurchased\": 99999999999999999999999}"},
            new String[] {"application/json", "[".repeat(3000)},
            new String[] {"application/json", "{\"userId\": \"\\ud800\"}"},
            new String[] {"application/json", "{\"roles\": [null, 1, {}]}"},
            new String[] {"application/json", "\u0000"},
            new String[] {"application/json; charset=bogus", "{}"},
            new String[] {"*/*", "x"},
            new String[] {"multipart/form-data", "x"},
            new String[] {"multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"},
            new String[] {"application/x-www-form-urlencoded", "a=%00&b=%"},
            new String[] {"text/csv", "userId,email\n\u0000,\u0000\n"},
            new String[] {"text/csv", "\"unterminated"},
            new String[] {"text/plain; charset=utf-16", "\u00ff\u00fe"});

    @LocalServerPort
    int port;

    @Test
    void no_malformed_request_is_answered_with_a_5xx_and_every_error_is_a_problem_or_the_error_page() {
        String token = Api.at(port).basic(Operator.EMAIL, Operator.PASSWORD).post("/api/v1/tokens", null).text("token");
        Api api = Api.at(port).bearer(token);
        Fixtures fixtures = new Fixtures(api);
        String partner = fixtures.partner();
        String company = fixtures.companyOf(partner, 3);
        String user = fixtures.createUser(company, Fixtures.validUser("DRAFT")).text("id");
        String workspace = api.post("/api/v1/companies/" + company + "/workspaces", Map.of("name", "Fuzz")).text("id");
        String c = "/api/v1/companies/" + company;
        String webhook = api.post(c + "/webhooks", Map.of("url", "https://93.184.215.14/hook", "events",
                List.of("user.created"), "enabled", false)).text("id");
        List<String> paths = List.of("/api/v1/me", "/api/v1/me/notifications", "/api/v1/me/password", "/api/v1/tokens",
                "/api/v1/companies", c, c + "/users", c + "/users/" + user, c + "/users/" + user + "/roles",
                c + "/users/" + user + "/activate", c + "/users/import", c + "/users/export", c + "/audit", c + "/audit/export",
                c + "/licenses", c + "/roles", c + "/workspaces", c + "/workspaces/" + workspace, "/api/v1/partners",
                "/api/v1/partners/" + partner, "/api/v1/partners/" + partner + "/audit", "/api/v1/mail",
                c + "/webhooks", c + "/webhooks/" + webhook, c + "/webhooks/" + webhook + "/deliveries",
                "/api/v1/webhooks",
                "/login", "/", "/companies/" + company + "/users", "/companies/" + company + "/audit", "/forgot-password",
                "/invitations/abc", "/profile", "/notifications", "/actuator/health", "/v3/api-docs");

        List<Case> cases = new ArrayList<>();
        for (String path : paths) {
            for (String query : QUERIES) {
                cases.add(new Case("GET", path + "?" + query, Map.of(), null));
            }
            for (String suffix : SUFFIXES) {
                cases.add(new Case("GET", path + suffix, Map.of(), null));
                cases.add(new Case("DELETE", path + suffix, Map.of(), null));
            }
            for (String[] header : HEADERS) {
                cases.add(new Case("GET", path, Map.of(header[0], header[1]), null));
            }
            for (String[] body : BODIES) {
                for (String method : List.of("POST", "PUT", "PATCH")) {
                    cases.add(new Case(method, path, Map.of("Content-Type", body[0]), body[1]));
                }
            }
        }

        RawHttp raw = new RawHttp(port);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Case request : cases) {
            for (boolean signedIn : List.of(false, true)) {
                Map<String, String> headers = new LinkedHashMap<>();
                if (signedIn && !request.headers().containsKey("Authorization")) {
                    headers.put("Authorization", "Bearer " + token);
                }
                headers.putAll(request.headers());
                var answer = raw.send(request.method(), request.target(), headers,
                        request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8));
                sent++;
                String failure = judge(request.target(), answer);
                if (failure != null) {
                    failures.add(request.method() + " " + abbreviated(request.target()) + " " + headers.keySet()
                            + (signedIn ? " (signed in)" : "") + ": " + failure);
                }
            }
        }

        // a request line longer than the container reads: no path known, so a problem even for a page
        var overLong = raw.get("/login?q=" + "x".repeat(20_000), Map.of());
        assertThat(overLong.status()).isEqualTo(400);
        assertThat(sent).isGreaterThan(5000);
        assertThat(failures).as(failures.size() + " of " + sent + " requests").isEmpty();
        assertThat(api.get(c + "/users/" + user).status()).isEqualTo(200);
    }

    private static String judge(String target, RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return answer.toString();
        }
        if (answer.status() < 400) {
            return null;
        }
        String type = answer.header("Content-Type");
        boolean json = target.startsWith("/api/") || target.startsWith("/actuator/") || target.startsWith("/v3/");
        if (json && (type == null || !type.startsWith(PROBLEM_JSON))) {
            return "not a problem: " + answer;
        }
        if (!json && (type == null || !type.startsWith("text/html"))) {
            return "not a page: " + answer;
        }
        return null;
    }

    private static String abbreviated(String target) {
        return target.length() > 120 ? target.substring(0, 120) + "…" : target;
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private record Case(String method, String target, Map<String, String> headers, String body) {
    }
}
