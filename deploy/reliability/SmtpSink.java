import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Just enough of an SMTP server to receive Roster's mails on a loopback port and count, per
 * recipient, the messages it accepted. It can be told to be down (not listening: connections are
 * refused) or hung (connections are accepted and never answered), as a real server that crashed or
 * stalled would be. Back up, it leaves the connections that hung open, as a stalled server or a
 * network path that drops packets would: only a sender with a read timeout gets out of them.
 */
final class SmtpSink implements AutoCloseable {

    enum Mode { UP, DOWN, HUNG }

    private final int port;
    private final Map<String, Integer> delivered = new ConcurrentHashMap<>();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.DOWN;
    private ServerSocket server;

    SmtpSink(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    synchronized void up() throws IOException {
        mode = Mode.UP;
        listen();
    }

    /** Closes the connections left hanging, so that senders stuck in them see an error at last. */
    void releaseHung() {
        closeConnections();   // the sessions being served end too; their senders retry
    }

    synchronized void down() throws IOException {
        mode = Mode.DOWN;
        if (server != null) {
            server.close();
            server = null;
        }
        closeConnections();
    }

    synchronized void hang() throws IOException {
        mode = Mode.HUNG;
        listen();
    }

    /** How many messages each recipient was sent (counted when the sink answered 250 to the data). */
    Map<String, Integer> delivered() {
        return Map.copyOf(delivered);
    }

    @Override
    public synchronized void close() throws IOException {
        down();
    }

    private void listen() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread.ofVirtual().name("smtp-accept").start(() -> accept(socket));
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                if (mode == Mode.HUNG) {
                    continue;   // accepted, never answered: the sender waits until it gives up or we close
                }
                Thread.ofVirtual().name("smtp-session").start(() -> converse(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket connection) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = connection.getOutputStream();
            say(out, "220 reliability-sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> say(out, "250 reliability-sink");
                    case "MAIL" -> { recipients.clear(); say(out, "250 OK"); }
                    case "RCPT" -> { recipients.add(address(line)); say(out, "250 OK"); }
                    case "DATA" -> {
                        say(out, "354 End data with <CR><LF>.<CR><LF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself does not matter here, only that it arrived whole
                        }
                        if (line == null) {
                            return;   // cut off mid-message: not delivered
                        }
                        recipients.forEach(r -> delivered.merge(r, 1, Integer::sum));
                        recipients.clear();
                        say(out, "250 OK queued");
                    }
                    case "QUIT" -> { say(out, "221 Bye"); return; }
                    default -> say(out, "250 OK");   // RSET, NOOP and the rest
                }
            }
        } catch (IOException gone) {
            // the sender hung up, or the sink was told to go down
        } finally {
            connections.remove(connection);
        }
    }

    private static String address(String rcptLine) {
        int start = rcptLine.indexOf('<');
        int end = rcptLine.indexOf('>', start + 1);
        String address = start >= 0 && end > start ? rcptLine.substring(start + 1, end) : rcptLine.substring(8).trim();
        return address.toLowerCase();
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void closeConnections() {
        for (Socket connection : connections) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        connections.clear();
    }
}
