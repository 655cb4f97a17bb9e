package io.roster.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How many refused attempts of one actor are written to the audit log: {@code perWindow} per
 * window, the rest counted and reported with the next entry written. Kept per node in a bounded
 * map (the least recently seen actors are forgotten first): a flood is cut on every node, and the
 * trail still shows that it happened and how big it was.
 */
@Component
class DeniedAttemptBudget {

    private static final int MAX_ACTORS = 10_000;

    /** Whether this attempt is written, and how many of this actor's were dropped before it. */
    record Grant(boolean allowed, long suppressedBefore) {
    }

    private static final class Window {
        Instant start;
        int written;
        long suppressed;
    }

    private final int perWindow;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> byActor = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_ACTORS;
        }
    };

    DeniedAttemptBudget(AccessProperties properties) {
        this.perWindow = properties.audit().deniedPerMinute();
        this.window = Duration.ofMinutes(1);
        this.clock = Clock.systemUTC();
    }

    synchronized Grant take(String actor) {
        Instant now = clock.instant();
        Window current = byActor.computeIfAbsent(actor, key -> new Window());
        if (current.start == null || !now.isBefore(current.start.plus(window))) {
            current.start = now;
            current.written = 0;
        }
        if (current.written >= perWindow) {
            current.suppressed++;
            return new Grant(false, 0);
        }
        current.written++;
        long suppressed = current.suppressed;
        current.suppressed = 0;
        return new Grant(true, suppressed);
    }
}
