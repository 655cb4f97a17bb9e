package io.roster.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A webhook receiver on loopback for the webhooks scenario: answers every POST 204 at once and
 * counts them, with the time of the first and of the last, so the harness can tell how fast Roster
 * delivers. It does not verify signatures (the integration tests do): only Roster's cost is measured.
 */
final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong firstNanos = new AtomicLong();
    private final AtomicLong lastNanos = new AtomicLong();

    private Receiver(HttpServer server) {
        this.server = server;
    }

    static Receiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        Receiver receiver = new Receiver(server);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            receiver.firstNanos.compareAndSet(0, now);
            receiver.lastNanos.set(now);
            receiver.received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    int count() {
        return received.get();
    }

    /** Forgets what was received so far. */
    void reset() {
        received.set(0);
        firstNanos.set(0);
        lastNanos.set(0);
    }

    long firstNanos() {
        return firstNanos.get();
    }

    long lastNanos() {
        return lastNanos.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
