package io.roster.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one operation from N clients at once, each with its own connection, until {@code maxOps}
 * operations were started or {@code maxTime} has passed, whichever comes first. Every loop of the
 * harness goes through here, so every load is bounded in count and in time.
 */
final class Load {

    /** One request (or a few); true when the answer was the expected one. */
    interface Op {
        boolean call(int client, long seq, Api api) throws Exception;
    }

    private Load() {
    }

    static Stats run(String name, List<Api> clients, long maxOps, Duration maxTime, Op op) {
        int n = clients.size();
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[n][];
        int[] counts = new int[n];
        long start = System.nanoTime();
        long deadline = start + maxTime.toNanos();
        CountDownLatch done = new CountDownLatch(n);
        AtomicLong lastEnd = new AtomicLong(start);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int client = c;
            latencies[c] = new long[(int) Math.min(maxOps, 4_000_000)];
            Thread thread = Thread.ofPlatform().name("bench-" + name + "-" + c).daemon().start(() -> {
                try {
                    Api api = clients.get(client);
                    while (true) {
                        long seq = next.getAndIncrement();
                        if (seq >= maxOps || System.nanoTime() >= deadline) {
                            break;
                        }
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = op.call(client, seq, api);
                        } catch (Exception e) {
                            ok = false;
                            firstError.compareAndSet(null, e.getMessage());
                        }
                        long t1 = System.nanoTime();
                        lastEnd.accumulateAndGet(t1, Math::max);
                        if (ok) {
                            latencies[client][counts[client]++] = t1 - t0;
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "operation " + seq + " answered unexpectedly");
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            threads.add(thread);
        }
        try {
            // every request has its own timeout; this is the last guard of the time bound
            if (!done.await(maxTime.toSeconds() + 120, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not finish in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int total = 0;
        for (int c = 0; c < n; c++) {
            total += counts[c];
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < n; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        double seconds = (lastEnd.get() - start) / 1e9;
        return new Stats(name, n, total, errors.get(), seconds, all, firstError.get());
    }

    static List<Api> clients(Api prototype, int n) {
        List<Api> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clients.add(prototype.another());
        }
        return clients;
    }
}
