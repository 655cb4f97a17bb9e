package io.roster.shared;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A value read from the database at most once per {@code ttl}, for metrics: a scrape every few
 * seconds from several collectors then costs one query per period, not one per gauge and scrape.
 * Concurrent readers of a stale value wait for one refresh instead of each running the query.
 */
public final class CachedReading<T> {

    private final Duration ttl;
    private final Supplier<T> reader;
    private volatile T value;
    private volatile long readAtNanos;
    // a lock rather than synchronized: the reader runs a query, which must not pin a virtual thread
    private final ReentrantLock refreshing = new ReentrantLock();

    public CachedReading(Duration ttl, Supplier<T> reader) {
        this.ttl = ttl;
        this.reader = reader;
    }

    public T get() {
        T current = value;
        if (current != null && !stale()) {
            return current;
        }
        refreshing.lock();
        try {
            if (value == null || stale()) {
                value = reader.get();
                readAtNanos = System.nanoTime();
            }
            return value;
        } finally {
            refreshing.unlock();
        }
    }

    private boolean stale() {
        return System.nanoTime() - readAtNanos >= ttl.toNanos();
    }
}
