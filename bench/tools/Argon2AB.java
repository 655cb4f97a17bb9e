import io.roster.users.Passwords;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * One side of the Argon2id A/B (bench/argon2-ab.sh runs the rounds): checks a password against a
 * PHC string written by the application's {@link Passwords}, at the application's cost, on 1 and
 * then 2 threads, and prints the checks per second of each. One JVM per side and round, so neither
 * side inherits the other's JIT profile or heap.
 *
 * <pre>java [JVM flags] -cp "extracted/roster.jar:extracted/lib/*" bench/tools/Argon2AB.java IMPL [CHECKS]
 * java [JVM flags] -cp … bench/tools/Argon2AB.java mixed IMPL_A IMPL_B [PAIRS] [CHECKS_PER_BATCH]</pre>
 *
 * IMPL is one of:
 * <ul>
 * <li>{@code app}: {@code Passwords.matches} as the application runs it (since the A/B of
 *     BENCHMARKS.md: BouncyCastle's generator on blocks kept between hashes, behind the gate; before
 *     it, our own Argon2id, a side that was named {@code ours}: to measure that one again, run the
 *     harness of the commit that still has it, see BENCHMARKS.md);</li>
 * <li>{@code bc}: BouncyCastle's {@code Argon2BytesGenerator} as Spring's {@code Argon2PasswordEncoder}
 *     uses it, a new generator and new memory per check;</li>
 * <li>{@code bc-fixed-pool}: the same generator with the library's own {@code FixedBlockPool},
 *     one shared by all threads and holding one hash's blocks per core;</li>
 * <li>{@code bc-pool}: the same generator with one block pool per hash in flight, taken from a
 *     queue, so that it reuses its memory without a shared lock (the library's best use we found:
 *     the fixed pool synchronises on every block it hands out). What {@code app} now does, written
 *     here again: the harness cannot reach the application's package-private classes.</li>
 * </ul>
 * Both BouncyCastle sides run behind the very gate the application's hashes pass: the
 * {@code Argon2Memory} of the same {@code Passwords} instance (reached by reflection, since it is
 * not public), so waiting in line costs both sides alike.
 *
 * <p>Prints one line: {@code impl=… t1_per_s=… t2_per_s=… cpu_ms_t1=… cpu_ms_t2=… alloc_mb_per_check=…
 * gc_ms_per_check=…}: checks per second on 1 and 2 threads, the CPU time of the whole process
 * (collector and compiler threads included) per check in each, and, on 1 thread, the bytes allocated
 * and the collector's time per check. The CPU time per check is the figure least moved by other
 * people's load on a shared machine: their processes take wall time from ours, not CPU time.
 */
public class Argon2AB {

    private static final String PASSWORD = "a password of the harness, long enough";
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("mixed")) {
            mixed(args[1], args[2], args.length > 3 ? Integer.parseInt(args[3]) : 15,
                    args.length > 4 ? Integer.parseInt(args[4]) : 4);
            return;
        }
        String impl = args.length > 0 ? args[0] : "app";
        int checks = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Passwords passwords = new Passwords();
        String phc = passwords.hash(PASSWORD);
        Supplier<Boolean> check = side(impl, passwords, phc);

        // warm-up on both thread counts: C2 compiles the hash loops, the heap settles
        run(check, 1, 15);
        run(check, 2, 8);

        long allocatedBefore = allocatedByThisThread();
        long gcBefore = gcMillis();
        long cpuBefore = processCpuNanos();
        double oneThread = run(check, 1, checks);
        double cpuMsOne = (processCpuNanos() - cpuBefore) / 1e6 / checks;
        double allocatedMb = (allocatedByThisThread() - allocatedBefore) / 1e6 / checks;
        double gcMs = (double) (gcMillis() - gcBefore) / checks;
        cpuBefore = processCpuNanos();
        double twoThreads = run(check, 2, checks);
        double cpuMsTwo = (processCpuNanos() - cpuBefore) / 1e6 / (2 * checks);
        System.out.printf(Locale.ROOT, "impl=%s t1_per_s=%.2f t2_per_s=%.2f cpu_ms_t1=%.2f cpu_ms_t2=%.2f"
                + " alloc_mb_per_check=%.2f gc_ms_per_check=%.2f%n",
                impl, oneThread, twoThreads, cpuMsOne, cpuMsTwo, allocatedMb, gcMs);
    }

    /**
     * Both sides in one JVM, in short batches that alternate A, B, B, A, …: the finest interleaving,
     * for a machine whose load changes faster than a JVM's run. The price: the sides share one heap
     * and one JIT. Prints the medians over {@code pairs} of each side's checks/s and of B ÷ A.
     */
    private static void mixed(String a, String b, int pairs, int batch) throws Exception {
        Passwords passwords = new Passwords();
        String phc = passwords.hash(PASSWORD);
        Supplier<Boolean> sideA = side(a, passwords, phc);
        Supplier<Boolean> sideB = side(b, passwords, phc);
        for (Supplier<Boolean> side : List.of(sideA, sideB)) {
            run(side, 1, 15);
            run(side, 2, 8);
        }
        StringBuilder line = new StringBuilder("mixed a=" + a + " b=" + b + " pairs=" + pairs);
        for (int threads = 1; threads <= 2; threads++) {
            double[] perSecondA = new double[pairs], perSecondB = new double[pairs], ratio = new double[pairs];
            for (int p = 0; p < pairs; p++) {
                boolean aFirst = p % 2 == 0;
                double first = run(aFirst ? sideA : sideB, threads, batch);
                double second = run(aFirst ? sideB : sideA, threads, batch);
                perSecondA[p] = aFirst ? first : second;
                perSecondB[p] = aFirst ? second : first;
                ratio[p] = perSecondB[p] / perSecondA[p];
            }
            line.append(String.format(Locale.ROOT, " t%d_a=%.2f t%d_b=%.2f t%d_b_vs_a=%.3f", threads, median(perSecondA),
                    threads, median(perSecondB), threads, median(ratio)));
        }
        System.out.println(line);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Supplier<Boolean> side(String impl, Passwords passwords, String phc) throws Exception {
        return switch (impl) {
            case "app" -> () -> passwords.matches(PASSWORD, phc);
            case "bc" -> bouncyCastle(passwords, phc, null, false);
            case "bc-fixed-pool" -> bouncyCastle(passwords, phc, () -> new Argon2BytesGenerator.FixedBlockPool(
                    CORES * Argon2BytesGenerator.getBlockCount(memoryKiB(phc), lanes(phc))), true);
            case "bc-pool" -> bouncyCastle(passwords, phc, OneHashBlocks::new, false);
            default -> throw new IllegalArgumentException("IMPL is app, bc, bc-fixed-pool or bc-pool, not " + impl);
        };
    }

    /** Checks per second of {@code threads} threads doing {@code each} checks; fails on a wrong answer. */
    private static double run(Supplier<Boolean> check, int threads, int each) throws Exception {
        if (threads == 1) {
            long t0 = System.nanoTime();
            for (int i = 0; i < each; i++) {
                verify(check.get());
            }
            return each / ((System.nanoTime() - t0) / 1e9);
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        verify(check.get());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return threads * each / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static void verify(boolean matched) {
        if (!matched) {
            throw new IllegalStateException("the right password did not match: the side under test is broken");
        }
    }

    /**
     * BouncyCastle's check of {@code phc}, as {@code Passwords} would do it with the library: parse,
     * hash with the cost written in the string, compare in constant time, behind the same gate.
     */
    private static Supplier<Boolean> bouncyCastle(Passwords passwords, String phc,
            Supplier<Argon2BytesGenerator.BlockPool> newPool, boolean shared) throws Exception {
        String[] parts = phc.split("\\$");   // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] salt = base64.decode(parts[4]);
        byte[] expected = base64.decode(parts[5]);
        int memoryKiB = memoryKiB(phc), iterations = costPart(phc, 1), lanes = lanes(phc);

        Field memoryField = Passwords.class.getDeclaredField("memory");
        memoryField.setAccessible(true);
        Object gate = memoryField.get(passwords);
        Method gated = gate.getClass().getDeclaredMethod("gated", Supplier.class);
        gated.setAccessible(true);

        Argon2BytesGenerator.BlockPool sharedPool = shared ? newPool.get() : null;
        ConcurrentLinkedQueue<Argon2BytesGenerator.BlockPool> idlePools = new ConcurrentLinkedQueue<>();
        Supplier<Boolean> hashAndCompare = () -> {
            Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(memoryKiB).withIterations(iterations).withParallelism(lanes).withSalt(salt);
            Argon2BytesGenerator.BlockPool pool = null;
            if (sharedPool != null) {
                parameters.withBlockPool(sharedPool);
            } else if (newPool != null) {
                pool = idlePools.poll();
                parameters.withBlockPool(pool != null ? pool : (pool = newPool.get()));
            }
            try {
                Argon2BytesGenerator generator = new Argon2BytesGenerator();
                generator.init(parameters.build());
                byte[] actual = new byte[expected.length];
                generator.generateBytes(PASSWORD.getBytes(StandardCharsets.UTF_8), actual);
                return MessageDigest.isEqual(actual, expected);
            } finally {
                if (pool != null) {
                    idlePools.add(pool);
                }
            }
        };
        return () -> {
            try {
                return (Boolean) gated.invoke(gate, hashAndCompare);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * The blocks of one hash, kept for the next: used by one hash at a time (taken from a queue
     * behind the gate), so it needs no lock. The generator clears each block before giving it back.
     */
    private static final class OneHashBlocks implements Argon2BytesGenerator.BlockPool {

        private final ArrayDeque<Argon2BytesGenerator.Block> blocks = new ArrayDeque<>();

        @Override
        public Argon2BytesGenerator.Block allocate() {
            Argon2BytesGenerator.Block block = blocks.pollLast();
            return block != null ? block : new Argon2BytesGenerator.Block();
        }

        @Override
        public void deallocate(Argon2BytesGenerator.Block block) {
            blocks.addLast(block);
        }
    }

    private static int memoryKiB(String phc) {
        return costPart(phc, 0);
    }

    private static int lanes(String phc) {
        return costPart(phc, 2);
    }

    /** The {@code index}th number of "m=…,t=…,p=…". */
    private static int costPart(String phc, int index) {
        return Integer.parseInt(phc.split("\\$")[3].split(",")[index].substring(2));
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
