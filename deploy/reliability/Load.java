import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Write load: workers creating ACTIVE users in one company through the load balancer at a steady
 * total rate, until stopped. Every answer is recorded: the userIds acknowledged with a 201 (those
 * must be in the database afterwards, whatever happened meanwhile) and the failures by kind.
 */
final class Load {

    private static final Duration BURST_TIMEOUT = Duration.ofSeconds(90);

    private final Api api;
    private final String companyId;
    private final String prefix;
    private final int workers;
    private final double perSecond;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final List<String> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private Duration timeout = Api.REQUEST_TIMEOUT;

    Load(Api api, String companyId, String prefix, int workers, double perSecond) {
        this.api = api;
        this.companyId = companyId;
        this.prefix = prefix;
        this.workers = workers;
        this.perSecond = perSecond;
    }

    Load start() {
        running = true;
        long period = (long) (1_000_000_000L * workers / perSecond);
        for (int w = 0; w < workers; w++) {
            long offset = period * w / workers;
            threads.add(Thread.ofVirtual().name("load-" + w).start(() -> work(period, offset)));
        }
        return this;
    }

    /** Stops sending and waits for the answers still on their way. */
    Load stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(Api.REQUEST_TIMEOUT.plusSeconds(5));
        }
        return this;
    }

    /**
     * Sends {@code count} creations at once from as many threads, and waits for every answer. They
     * queue for the company's seat lock and the nodes' connection pools, hence the longer timeout.
     */
    Load burst(int count) throws InterruptedException {
        running = true;
        timeout = BURST_TIMEOUT;
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(Thread.ofVirtual().start(this::createOne));
        }
        for (Thread thread : all) {
            thread.join(BURST_TIMEOUT.plusSeconds(5));
        }
        running = false;
        return this;
    }

    /** Every userId asked for, answered or not. */
    Set<String> requested() {
        Set<String> all = new java.util.HashSet<>();
        for (int n = 1; n <= sequence.get(); n++) {
            all.add(prefix + "-" + n);
        }
        return all;
    }

    int requests() {
        return requests.get();
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    Map<String, Integer> errors() {
        Map<String, Integer> byKind = new TreeMap<>();
        errors.forEach((kind, n) -> byKind.put(kind, n.get()));
        return byKind;
    }

    private void work(long period, long offset) {
        long next = System.nanoTime() + offset;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException stop) {
                    return;
                }
                if (!running) {
                    return;
                }
            }
            next += period;
            createOne();
        }
    }

    private void createOne() {
        String userId = prefix + "-" + sequence.incrementAndGet();
        requests.incrementAndGet();
        try {
            HttpResponse<String> answer = api.createActiveUser(companyId, userId, timeout);
            if (answer.statusCode() == 201) {
                acknowledged.add(userId);
            } else {
                failed("HTTP " + answer.statusCode(), userId, answer.body());
            }
        } catch (HttpTimeoutException e) {
            failed("timeout", userId, e.toString());
        } catch (ConnectException e) {
            failed("refused", userId, e.toString());
        } catch (IOException e) {
            failed("I/O (" + e.getClass().getSimpleName() + ")", userId, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first few failures, with when they happened and what was said. */
    List<String> samples() {
        return List.copyOf(samples);
    }

    private void failed(String kind, String userId, String detail) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (samples.size() < 5) {
            String said = detail.length() > 200 ? detail.substring(0, 200) + "…" : detail;
            samples.add("%s: %s: %s".formatted(java.time.LocalTime.now(), userId, said));
        }
    }
}
