package io.roster.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free loopback port, for the tests that read what Roster
 * delivers. A test class keeps one in a static field, points the application at it from its
 * {@code @DynamicPropertySource} ({@link #register}), makes sure it runs before each test (a test
 * may stop it to see mail wait, then start it again) and stops it after the class.
 */
public final class TestSmtp {

    private final int port;
    private GreenMail server;

    private TestSmtp(int port) {
        this.port = port;
        this.server = started(port);
    }

    /** A server listening now on a port nothing else uses. */
    public static TestSmtp start() {
        return new TestSmtp(freePort());
    }

    /** The application's mail to this server, polled every 0.2 s so a test waits little for it. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("roster.mail.poll-interval", () -> "PT0.2S");
    }

    /** Starts the server again on the same port if a test stopped it. */
    public void ensureRunning() {
        if (!server.isRunning()) {
            server = started(port);
        }
    }

    public void stop() {
        server.stop();
    }

    /** Every mail received since the server (re)started or was last {@link #forget emptied}. */
    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    /** Forgets the mails received so far. */
    public void forget() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail started(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
