package io.roster.mail;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Stops the outbox dispatcher cleanly when the node shuts down: the mail being sent is finished (a
 * send is never cut), no further one is started, and the mails claimed but not sent are given back
 * at once (see {@link MailDispatcher}), so another node sends them without waiting for their lease.
 * Without it Spring's scheduler waited for the whole round of deliveries, then interrupted the
 * send under way. It stops alongside the shutdown drain, before the web server: it serves no
 * request, and mails queued by the last requests stay in the outbox for the other nodes.
 */
@Component
class DispatcherLifecycle implements SmartLifecycle {

    private final ReentrantLock round = new ReentrantLock();
    private volatile boolean running;

    /** Runs one round of deliveries unless the dispatcher is stopped; a stop waits for the round. */
    void round(Runnable deliveries) {
        round.lock();
        try {
            if (running) {
                deliveries.run();
            }
        } finally {
            round.unlock();
        }
    }

    /** Whether the dispatcher is asked to stop: checked before each mail. */
    boolean stopping() {
        return !running;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        awaitRound();
    }

    /** Returns at once, so the drain's wait and this one overlap; {@code stopped} runs after the round. */
    @Override
    public void stop(Runnable stopped) {
        running = false;
        Thread.ofVirtual().name("mail-dispatcher-stop").start(() -> {
            awaitRound();
            stopped.run();
        });
    }

    private void awaitRound() {
        round.lock();
        round.unlock();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }
}
