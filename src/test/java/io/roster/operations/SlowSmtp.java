package io.roster.operations;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server (GreenMail) that takes {@code delay} to accept each mail: it holds its answer
 * to the end of the data, so a send stays under way long enough for a test to act meanwhile.
 */
final class SlowSmtp implements AutoCloseable {

    private final GreenMail server;
    private final Semaphore deliveriesStarted = new Semaphore(0);

    SlowSmtp(Duration delay) {
        server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        MessageDeliveryHandler store = server.getUserManager().getMessageDeliveryHandler();
        server.getUserManager().setMessageDeliveryHandler((message, address) -> {
            deliveriesStarted.release();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return store.handle(message, address);
        });
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /** Waits until a new mail's data has arrived and the server holds back its answer. */
    void awaitSendUnderWay() throws InterruptedException {
        deliveriesStarted.drainPermits();
        if (!deliveriesStarted.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new AssertionError("no mail was being sent");
        }
    }

    /** The recipients of every mail received, one entry per mail. */
    List<String> recipients() {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                Arrays.stream(message.getAllRecipients()).forEach(address -> recipients.add(address.toString()));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return recipients;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
