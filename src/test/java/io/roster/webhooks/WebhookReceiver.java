package io.roster.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A product's receiver: the JDK's HTTP server on loopback, recording every request it accepts.
 * It can be stopped and started again on the same port, like a receiver that goes down.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String id, String timestamp, String signature, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    /** Every how-manieth request is refused (503, not recorded); 0: none. */
    private volatile int refuseEvery;
    private final int port;
    private HttpServer server;

    WebhookReceiver() throws IOException {
        server = start(0);
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** Answers 503 to every {@code n}th request from now on, like a receiver that sometimes fails. */
    void refuseEvery(int n) {
        refuseEvery = n;
    }

    void down() {
        server.stop(0);
    }

    void up() throws IOException {
        server = start(port);
    }

    private HttpServer start(int at) throws IOException {
        HttpServer started = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), at), 0);
        started.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int every = refuseEvery;
            if (every > 0 && requests.incrementAndGet() % every == 0) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        started.start();
        return started;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
