package io.roster.operations;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a shutdown (SIGTERM): readiness turns to REFUSING_TRAFFIC, so
 * {@code /actuator/health/readiness} answers 503, and the node goes on serving for
 * {@code roster.shutdown.drain} while balancers notice and send new requests elsewhere. Only then
 * does the web server's graceful shutdown stop taking connections and wait for the requests under
 * way: a balancer that still sent traffic to a node that had stopped accepting saw errors.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationEventPublisher events;
    private final Duration drain;
    private volatile boolean running;

    ShutdownDrain(ApplicationEventPublisher events, ShutdownProperties properties) {
        this.events = events;
        this.drain = properties.drain();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        refuseTraffic();
        pause();
    }

    /** Returns at once, so the mail dispatcher stops during the same wait. */
    @Override
    public void stop(Runnable drained) {
        refuseTraffic();
        Thread.ofVirtual().name("shutdown-drain").start(() -> {
            pause();
            drained.run();
        });
    }

    private void refuseTraffic() {
        running = false;
        // Boot's web context publishes it as well when it starts closing; said here so it holds
        // however the context is closed
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        log.info("Shutting down: not ready; still answering for {} while balancers drain this node", drain);
    }

    private void pause() {
        try {
            Thread.sleep(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A pause of the context (Spring's test context cache pauses idle ones) is no shutdown. */
    @Override
    public boolean isPauseable() {
        return false;
    }

    /** Stops before the web server's graceful shutdown, which has the phase just below. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }
}
