package io.roster.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** One HTTP client of the harness: its own connection (HTTP/1.1 keep-alive), JSON in and out. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + abbreviate(body), e);
            }
        }

        Response expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + " but got " + status + " " + abbreviate(body));
            }
            return this;
        }
    }

    private final HttpClient http;
    private final String base;
    private final String authorization;
    private final Duration timeout;

    private Api(HttpClient http, String base, String authorization, Duration timeout) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    static Api to(String base) {
        requireLoopback(base);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new Api(http, base.replaceAll("/+$", ""), null, Duration.ofSeconds(60));
    }

    /** A new client (own connection pool) with the same address and credentials. */
    Api another() {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new Api(http, base, authorization, timeout);
    }

    Api bearer(String token) {
        return new Api(http, base, "Bearer " + token, timeout);
    }

    Api basic(String login, String password) {
        String pair = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(http, base, "Basic " + pair, timeout);
    }

    Api timeout(Duration timeout) {
        return new Api(http, base, authorization, timeout);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Response postJson(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Response putJson(String path, Object body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Response postCsv(String path, String csv) {
        return send(request(path).header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The harness loads only this machine: anything but a loopback address is refused. */
    static void requireLoopback(String base) {
        String host = URI.create(base).getHost();
        if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("The harness only drives a server on loopback, not " + host);
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
