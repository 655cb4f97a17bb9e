import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls of Roster's REST API the suite makes, as the platform operator, through one base URL. */
final class Api {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    private final String base;
    private String token;

    Api(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    void signIn(String email, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes());
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        token = field(expect(answer, 201), "token");
    }

    String createCompany(String name, String slug, int licenses) throws IOException, InterruptedException {
        String body = "{\"name\":\"%s\",\"slug\":\"%s\",\"licensesPurchased\":%d}".formatted(name, slug, licenses);
        return field(expect(post("/api/v1/companies", body), 201), "id");
    }

    /**
     * Registers a webhook endpoint of the company at {@code url} for {@code events}; answers its id
     * and its signing secret ({@code whsec_…}), which only this answer shows.
     */
    String[] createWebhook(String companyId, String url, java.util.List<String> events) throws IOException, InterruptedException {
        String body = "{\"url\":\"%s\",\"events\":[%s]}".formatted(url,
                String.join(",", events.stream().map(e -> "\"" + e + "\"").toList()));
        String created = expect(post("/api/v1/companies/" + companyId + "/webhooks", body), 201);
        return new String[] {field(created, "id"), field(created, "secret")};
    }

    /** Asks for an ACTIVE user (no password: activation mails a setup link); the answer is returned as is. */
    HttpResponse<String> createActiveUser(String companyId, String userId, Duration timeout)
            throws IOException, InterruptedException {
        String body = ("{\"userId\":\"%s\",\"firstName\":\"Reliability\",\"lastName\":\"Probe\","
                + "\"email\":\"%s\",\"status\":\"ACTIVE\"}").formatted(userId, emailOf(userId));
        return post("/api/v1/companies/" + companyId + "/users", body, timeout);
    }

    /** A GET without the operator's token (health probes); the status, or an exception if no answer came in time. */
    int status(String path, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String emailOf(String userId) {
        return userId + "@reliability.example";
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return post(path, json, REQUEST_TIMEOUT);
    }

    private HttpResponse<String> post(String path, String json, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
