package io.roster.support;

import jakarta.ws.rs.ProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.glassfish.jersey.client.ClientRequest;
import org.glassfish.jersey.client.ClientResponse;
import org.glassfish.jersey.client.spi.AsyncConnectorCallback;
import org.glassfish.jersey.client.spi.Connector;
import org.glassfish.jersey.client.spi.ConnectorProvider;
import org.glassfish.jersey.message.internal.Statuses;

/**
 * A Jersey transport over the JDK's {@link HttpClient}, for the scim2 client: Jersey's default
 * transport (HttpURLConnection) cannot send PATCH, which SCIM needs (RFC 7644 §3.5.2).
 */
public final class JdkHttpConnector implements Connector {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static ConnectorProvider provider() {
        return (client, configuration) -> new JdkHttpConnector();
    }

    @Override
    public ClientResponse apply(ClientRequest request) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (request.hasEntity()) {
                request.setStreamProvider(contentLength -> body);
                request.writeEntity();
            }
            HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri()).method(request.getMethod(),
                    request.hasEntity() ? HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())
                            : HttpRequest.BodyPublishers.noBody());
            request.getStringHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            ClientResponse answer = new ClientResponse(Statuses.from(response.statusCode()), request);
            response.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    answer.headers(name, values);
                }
            });
            answer.setEntityStream(response.body());
            return answer;
        } catch (IOException e) {
            throw new ProcessingException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(e);
        }
    }

    @Override
    public Future<?> apply(ClientRequest request, AsyncConnectorCallback callback) {
        return CompletableFuture.runAsync(() -> {
            try {
                callback.response(apply(request));
            } catch (ProcessingException failed) {
                callback.failure(failed);
            }
        });
    }

    @Override
    public String getName() {
        return "JDK HttpClient";
    }

    @Override
    public void close() {
        http.close();
    }
}
