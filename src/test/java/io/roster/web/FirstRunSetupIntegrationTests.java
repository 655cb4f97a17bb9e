package io.roster.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.microsoft.playwright.Page;
import io.roster.support.Chromium;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The first run, each test on a node of its own with no bootstrap variables: the home leads to the
 * setup page, which creates the platform operator and signs the person in, then is gone; only a
 * browser on the server itself may use it; simultaneous creations end with one operator.
 */
class FirstRunSetupIntegrationTests {

    static final String PASSWORD = "first-run operator password";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @Test
    void a_fresh_start_leads_to_the_setup_page_which_creates_the_operator_signs_it_in_and_is_gone_afterwards()
            throws Exception {
        try (FirstRunNode node = FirstRunNode.start(); Chromium chromium = Chromium.start()) {
            Page page = chromium.newPage(node.baseUrl(), "en");
            page.navigate("/");
            assertThat(page).hasURL(Pattern.compile(".*/setup$"));
            assertThat(page.locator("h1")).hasText("Set up Roster");

            page.locator("#email").fill("ada@example.com");
            page.locator("#firstName").fill("Ada");
            page.locator("#lastName").fill("Lovelace");
            page.locator("#password").fill(PASSWORD);
            page.locator("#confirmation").fill(PASSWORD + " typo");
            page.locator("form button[type=submit]").click();
            assertThat(page.locator("#setup-error")).hasText("The password and its repetition differ.");
            assertThat(page.locator("#email")).hasValue("ada@example.com");
            assertThat(node.operators()).isZero();

            String sessionBefore = session(page);
            page.locator("#password").fill(PASSWORD);
            page.locator("#confirmation").fill(PASSWORD);
            page.locator("form button[type=submit]").click();
            page.waitForURL(url -> !url.contains("/setup"));
            Chromium.screenshot(page, "first-run-signed-in");
            assertThat(page.locator("h1")).hasText("Signed in as ada");
            assertThat(page.locator("main .badge")).hasText("Platform operator");
            assertThat(session(page)).as("a new session id once signed in").isNotEqualTo(sessionBefore);

            assertThat(node.operators()).isEqualTo(1);
            assertThat(node.jdbc().sql("SELECT first_name || ' ' || last_name FROM accounts WHERE operator = TRUE")
                    .query(String.class).single()).isEqualTo("Ada Lovelace");
            assertThat(node.jdbc().sql("SELECT actor_kind FROM audit_entries WHERE action = 'operator.created'")
                    .query(String.class).list()).containsExactly("OPERATOR");

            assertThat(page.navigate("/setup").status()).isEqualTo(404);
            page.navigate("/");
            page.locator("#sign-out").click();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?signedOut$"));
            Chromium.signIn(page, "ada@example.com", PASSWORD);
            assertThat(page.locator("h1")).hasText("Signed in as ada");
        }
    }

    @Test
    void simultaneous_setup_forms_end_with_exactly_one_operator_and_the_others_are_told_to_sign_in() throws Exception {
        int browsers = 10;
        try (FirstRunNode node = FirstRunNode.start(); ExecutorService threads = Executors.newFixedThreadPool(browsers)) {
            List<SetupClient> clients = IntStream.range(0, browsers).mapToObj(i -> new SetupClient(node.baseUrl()))
                    .toList();
            for (SetupClient client : clients) {
                client.openForm();
            }
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> posts = IntStream.range(0, browsers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(start);
                        return clients.get(i).submit("racer" + i + "@example.com");
                    }, threads)).toList();
            start.countDown();
            List<HttpResponse<String>> answers = posts.stream().map(CompletableFuture::join).toList();

            Map<Integer, Long> statuses = answers.stream()
                    .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
            assertThat(statuses).as(statuses.toString()).containsExactlyInAnyOrderEntriesOf(Map.of(302, 1L, 409, browsers - 1L));
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 302)
                    .allSatisfy(answer -> assertThat(answer.headers().firstValue("Location")).hasValue("/"));
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
                    .allSatisfy(answer -> assertThat(answer.body()).contains("id=\"setup-taken\"", "A platform operator was just created"));
            assertThat(node.operators()).isEqualTo(1);
            assertThat(node.jdbc().sql("SELECT COUNT(*) FROM accounts").query(Long.class).single()).isEqualTo(1);
            assertThat(node.jdbc().sql("SELECT COUNT(*) FROM platform_setup").query(Long.class).single()).isEqualTo(1);
            assertThat(new SetupClient(node.baseUrl()).get("/setup").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_visitor_from_another_machine_or_through_a_proxy_is_told_to_use_the_server_and_cannot_create_the_operator()
            throws Exception {
        try (FirstRunNode node = FirstRunNode.start()) {
            // the real security chain and pages, with the client address a remote browser would have
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) node.context())
                    .addFilters(node.context().getBean("springSecurityFilterChain", Filter.class)).build();
            MvcResult local = mvc.perform(get("/setup").with(from("127.0.0.1"))).andReturn();
            assertThat(local.getResponse().getStatus()).isEqualTo(200);
            Matcher token = CSRF.matcher(local.getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(token.find()).isTrue();
            String csrf = token.group(1) != null ? token.group(1) : token.group(2);
            MockHttpSession session = (MockHttpSession) local.getRequest().getSession();
            assertThat(mvc.perform(get("/setup").with(from("::1"))).andReturn().getResponse().getStatus()).isEqualTo(200);
            MockHttpServletResponse french = mvc.perform(get("/setup").with(from("127.0.0.1"))
                    .header("Accept-Language", "fr")).andReturn().getResponse();
            assertThat(french.getContentAsString(StandardCharsets.UTF_8)).contains("Installer Roster",
                    "Répétez le mot de passe");

            for (MockHttpServletRequestBuilder remote : List.of(get("/setup").with(from("10.0.0.7")),
                    get("/setup").with(from("127.0.0.1")).header("X-Forwarded-For", "203.0.113.9"),
                    get("/setup").with(from("127.0.0.1")).header("Forwarded", "for=203.0.113.9"))) {
                MockHttpServletResponse refused = mvc.perform(remote).andReturn().getResponse();
                assertThat(refused.getStatus()).isEqualTo(403);
                assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"setup-remote\"",
                        "open http://localhost:8080 in a browser on that machine",
                        "ROSTER_BOOTSTRAP_ADMIN_EMAIL", "ROSTER_BOOTSTRAP_ADMIN_PASSWORD").doesNotContain("name=\"password\"");
            }

            MockHttpServletResponse post = mvc.perform(post("/setup").with(from("10.0.0.7")).session(session)
                    .param("_csrf", csrf).param("email", "intruder@example.com").param("firstName", "In")
                    .param("lastName", "Truder").param("password", PASSWORD).param("confirmation", PASSWORD))
                    .andReturn().getResponse();
            assertThat(post.getStatus()).isEqualTo(403);
            assertThat(post.getContentAsString(StandardCharsets.UTF_8)).contains("id=\"setup-remote\"");
            assertThat(node.operators()).isZero();
            assertThat(node.jdbc().sql("SELECT COUNT(*) FROM platform_setup").query(Long.class).single()).isZero();
        }
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String session(Page page) {
        return page.context().cookies().stream().filter(cookie -> cookie.name.equals("SESSION"))
                .map(cookie -> cookie.value).findFirst().orElse(null);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A browser of its own (session cookie and CSRF token) that fills the setup form. */
    static final class SetupClient {
        private final String base;
        private final HttpClient http;
        private String csrf;

        SetupClient(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        void openForm() {
            HttpResponse<String> form = get("/setup");
            assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
            Matcher token = CSRF.matcher(form.body());
            assertThat(token.find()).as("the form's CSRF token").isTrue();
            csrf = token.group(1) != null ? token.group(1) : token.group(2);
        }

        HttpResponse<String> submit(String email) {
            String body = Map.of("_csrf", csrf, "email", email, "firstName", "Racer", "lastName", "Number",
                            "password", PASSWORD, "confirmation", PASSWORD).entrySet().stream()
                    .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + "/setup"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
