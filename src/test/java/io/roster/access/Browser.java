package io.roster.access;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like client of the console over real HTTP: it keeps cookies, reads the CSRF token
 * from the pages it gets and posts forms, but never follows redirects, so tests see them.
 */
final class Browser {

    static final String SESSION_COOKIE = "SESSION";
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Browser(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Sends this header with every request, e.g. {@code Accept-Language: fr}. */
    Browser always(String name, String value) {
        headers.put(name, value);
        return this;
    }

    String base() {
        return base;
    }

    Page get(String path) {
        return send(request(path).GET());
    }

    /** Gets the page, then posts the form with that page's CSRF token. */
    Page signIn(String login, String password) {
        Page form = get("/login");
        if (form.status() != 200) {
            throw new AssertionError("GET /login: " + form.status());
        }
        return post("/login", Map.of("login", login, "password", password, "_csrf", form.csrf()));
    }

    Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any request, with this browser's cookies and headers plus {@code extra}. */
    Page send(String method, String path, Map<String, String> extra, String jsonBody) {
        HttpRequest.Builder request = request(path);
        extra.forEach(request::header);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return send(request);
    }

    /** The current value of the session cookie, or null. */
    String sessionCookie() {
        return cookies.getCookieStore().get(URI.create(base + "/")).stream()
                .filter(cookie -> cookie.getName().equals(SESSION_COOKIE)).map(HttpCookie::getValue).findFirst()
                .orElse(null);
    }

    /** The current value of the cookie {@code name} for this server, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().get(URI.create(base + "/")).stream()
                .filter(cookie -> cookie.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Keeps a cookie as if this server had set it (path {@code /}): what a copied or forged cookie does. */
    Browser withCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + "/"), cookie);
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return request;
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(base, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request with an explicit session cookie and nothing else: what a replayed old cookie gets. */
    static Page withSessionCookie(int port, String path, String sessionCookie) {
        Browser bare = new Browser(port);
        return bare.send(bare.request(path).header("Cookie", SESSION_COOKIE + "=" + sessionCookie).GET());
    }

    /** A response as a browser sees it. */
    record Page(String base, int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        List<String> all(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        /** Where a redirect goes, as path and query on this server (relative or absolute Location). */
        String redirect() {
            String location = header("Location");
            if (location == null) {
                return null;
            }
            URI target = URI.create(base + "/").resolve(location);
            if (!(target.getScheme() + "://" + target.getAuthority()).equals(base)) {
                return target.toString();
            }
            return target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        }

        /** The page's text with the HTML escapes a template writes turned back into characters. */
        String text() {
            return body.replace("&#39;", "'").replace("&#x27;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&");
        }

        /** The CSRF token of the page's first form. */
        String csrf() {
            Matcher input = CSRF_INPUT.matcher(body);
            if (!input.find()) {
                throw new AssertionError("no _csrf input in the page: " + body);
            }
            Matcher value = VALUE.matcher(input.group());
            if (!value.find()) {
                throw new AssertionError("no value in " + input.group());
            }
            return value.group(1);
        }

        /** The text of the element with this id (e.g. the sign-in error). */
        String elementText(String id) {
            Matcher element = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(body);
            return element.find() ? new Page(base, status, headers, element.group(1)).text().strip() : null;
        }

        @Override
        public String toString() {
            return status + (header("Location") == null ? "" : " -> " + header("Location")) + " " + body;
        }
    }
}
