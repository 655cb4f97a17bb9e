package io.roster.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server that has hung: it accepts connections and never says a word, as a mail relay
 * whose disk or queue is stuck does. A client without timeouts waits on its greeting forever.
 */
final class HungSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    private HungSmtpServer(ServerSocket server) {
        this.server = server;
        Thread.ofVirtual().name("hung-smtp").start(this::acceptForever);
    }

    /** Listens on {@code port} of the loopback address (0: any free port). */
    static HungSmtpServer listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return new HungSmtpServer(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** How many connections it has taken so far. */
    int connections() {
        return accepted.size();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                accepted.add(server.accept());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
