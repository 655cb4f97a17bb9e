package io.roster.mail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Asks the health endpoints as a load balancer or an orchestrator does: with a short deadline,
 * treating an answer that does not come as a failed probe.
 */
final class HealthProbes {

    /** A balancer's usual probe deadline: a node that has not answered by then is taken out. */
    static final Duration DEADLINE = Duration.ofSeconds(5);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(DEADLINE).build();

    private HealthProbes() {
    }

    /** The probe's outcome: the HTTP status and body, or 0 and "no answer" when the deadline passed. */
    record Probe(int status, String body) {
    }

    static Probe probe(int port, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(DEADLINE).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Probe(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new Probe(0, "no answer within " + DEADLINE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
