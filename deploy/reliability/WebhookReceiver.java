import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A product's webhook receiver on a loopback port: one path per scenario company
 * ({@code /hooks/<companyId>}), each request's Standard Webhooks signature checked here with the
 * endpoint's secret (HMAC-SHA256 of {@code id.timestamp.body}, written out rather than borrowed from
 * Roster), and every request it accepted kept in arrival order. It can be told to fail (answer 503
 * at once, as a receiver whose application is down) or to hang (read the request, answer nothing
 * until released, as a stalled one): Roster's read timeout and retries must get every event through
 * once it is back, in order.
 */
final class WebhookReceiver implements AutoCloseable {

    enum Mode { UP, FAILING, HUNG }

    /** One request the receiver answered 2xx: its {@code webhook-id}, event type and the user it is about. */
    record Accepted(String webhookId, String type, String userId, boolean signatureValid) {
    }

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USER_ID = Pattern.compile("\"userId\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Map<String, List<Accepted>> accepted = new ConcurrentHashMap<>();
    private volatile Mode mode = Mode.UP;
    private volatile CountDownLatch release = new CountDownLatch(0);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/hooks/", this::handle);
        server.start();
    }

    /** The URL to register as {@code companyId}'s endpoint. */
    String url(String companyId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + companyId;
    }

    /** From now on accepts {@code companyId}'s deliveries, checking them with {@code secret} ({@code whsec_…}). */
    void register(String companyId, String secret) {
        keys.put(companyId, Base64.getDecoder().decode(secret.substring("whsec_".length())));
        accepted.put(companyId, new ArrayList<>());
    }

    void failing() {
        mode = Mode.FAILING;
    }

    void hang() {
        release = new CountDownLatch(1);
        mode = Mode.HUNG;
    }

    /** Back up; requests left hanging are answered 503 now (their sender gave up on them long ago). */
    void up() {
        mode = Mode.UP;
        release.countDown();
    }

    /** What the company's endpoint accepted so far, in arrival order. */
    List<Accepted> accepted(String companyId) {
        List<Accepted> list = accepted.get(companyId);
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode now = mode;
            if (now == Mode.HUNG) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }
            String companyId = exchange.getRequestURI().getPath().substring("/hooks/".length());
            List<Accepted> list = accepted.get(companyId);
            if (now != Mode.UP || list == null) {
                exchange.sendResponseHeaders(list == null ? 404 : 503, -1);
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            boolean valid = signatureValid(keys.get(companyId), id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    text, exchange.getRequestHeaders().getFirst("webhook-signature"));
            synchronized (list) {
                list.add(new Accepted(id, first(TYPE, text), first(USER_ID, text), valid));
            }
            exchange.sendResponseHeaders(204, -1);
        } catch (IOException senderGone) {
            // Roster gave up on this request (its read timeout): nothing was accepted, it retries
        }
    }

    private static boolean signatureValid(byte[] key, String id, String timestamp, String body, String header) {
        if (key == null || id == null || timestamp == null || header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : header.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
