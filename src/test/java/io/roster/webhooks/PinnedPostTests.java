package io.roster.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The webhook POST over a real loopback socket: a receiver written here, which counts the
 * connections it accepts and answers each request as the test says (keep the connection, close it,
 * a body of a known length, a chunked one).
 */
class PinnedPostTests {

    /**
     * A receiver on loopback: each request is answered with what {@code answer} gives for its
     * number (from 1); {@code closeAfter} closes the connection after that many answers on it.
     */
    private static final class Receiver implements AutoCloseable {

        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();
        final List<String> ids = new CopyOnWriteArrayList<>();
        private final AtomicInteger requests = new AtomicInteger();
        private final IntFunction<String> answer;
        private final int closeAfter;

        Receiver(IntFunction<String> answer, int closeAfter) throws IOException {
            this.answer = answer;
            this.closeAfter = closeAfter;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(this::acceptAll);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook");
        }

        private void acceptAll() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try (socket) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream();
                for (int served = 0; served < closeAfter; served++) {
                    String line = in.readLine();
                    if (line == null) {
                        return;
                    }
                    int length = 0;
                    String id = null;
                    for (line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        String lower = line.toLowerCase();
                        if (lower.startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).strip());
                        } else if (lower.startsWith("webhook-id:")) {
                            id = line.substring(11).strip();
                        }
                    }
                    char[] body = new char[length];
                    int read = 0;
                    while (read < length) {
                        read += in.read(body, read, length - read);
                    }
                    ids.add(id);
                    out.write(answer.apply(requests.incrementAndGet()).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException gone) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private final PinnedPost post = new PinnedPost(Duration.ofSeconds(2), Duration.ofSeconds(5));

    private int send(Receiver receiver, String id) throws IOException {
        return post.post(receiver.uri(), List.of(InetAddress.getLoopbackAddress()),
                Map.of("webhook-id", id, "Content-Type", "application/json"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void posts_to_one_endpoint_share_one_kept_alive_connection() throws IOException {
        try (Receiver receiver = new Receiver(n -> "HTTP/1.1 204 No Content\r\n\r\n", Integer.MAX_VALUE); post) {
            assertThat(send(receiver, "e1")).isEqualTo(204);
            assertThat(send(receiver, "e2")).isEqualTo(204);
            assertThat(send(receiver, "e3")).isEqualTo(204);

            assertThat(receiver.ids).containsExactly("e1", "e2", "e3");
            assertThat(receiver.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void bodies_of_a_known_length_and_chunked_ones_are_read_past_and_the_connection_kept() throws IOException {
        IntFunction<String> answers = n -> n % 2 == 1
                ? "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nthanx"
                : "HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n";
        try (Receiver receiver = new Receiver(answers, Integer.MAX_VALUE); post) {
            assertThat(send(receiver, "e1")).isEqualTo(200);
            assertThat(send(receiver, "e2")).isEqualTo(202);
            assertThat(send(receiver, "e3")).isEqualTo(200);

            assertThat(receiver.ids).containsExactly("e1", "e2", "e3");
            assertThat(receiver.connections.get()).isEqualTo(1);
        }
    }

    @Test
    void an_answer_that_says_close_or_has_no_length_is_not_kept() throws IOException {
        IntFunction<String> answers = n -> n == 1
                ? "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
                : "HTTP/1.1 200 OK\r\n\r\n";
        try (Receiver receiver = new Receiver(answers, 1); post) {
            assertThat(send(receiver, "e1")).isEqualTo(204);
            assertThat(send(receiver, "e2")).isEqualTo(200);
            assertThat(send(receiver, "e3")).isEqualTo(200);

            assertThat(receiver.connections.get()).isEqualTo(3);
        }
    }

    @Test
    void a_kept_connection_the_receiver_closed_meanwhile_is_replaced_and_the_post_sent_on_a_new_one()
            throws IOException {
        // the receiver answers as if it kept the connection, then closes it (its idle timeout)
        try (Receiver receiver = new Receiver(n -> "HTTP/1.1 204 No Content\r\n\r\n", 1); post) {
            assertThat(send(receiver, "e1")).isEqualTo(204);
            // whether its close reached this side before the next post or after, the post is sent again
            assertThat(send(receiver, "e2")).isEqualTo(204);

            assertThat(receiver.ids).containsExactly("e1", "e2");
            assertThat(receiver.connections.get()).isEqualTo(2);
        }
    }

    @Test
    void a_redirect_is_only_a_status() throws IOException {
        try (Receiver receiver = new Receiver(
                n -> "HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:9/elsewhere\r\nContent-Length: 0\r\n\r\n",
                Integer.MAX_VALUE); post) {
            assertThat(send(receiver, "e1")).isEqualTo(302);
            assertThat(receiver.ids).containsExactly("e1");
        }
    }
}
