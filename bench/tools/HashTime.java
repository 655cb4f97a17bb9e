import io.roster.users.Passwords;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times one Argon2id check with the application's own {@link Passwords} (same parameters as a
 * sign-in), alone and on two threads at once. Run by bench/run.sh before the server starts, on the
 * classpath of the extracted application jar:
 * {@code java -cp "extracted/roster.jar:extracted/lib/*" bench/tools/HashTime.java}
 * Prints {@code hash_ms=<median of one check> parallel_per_s=<checks per second on all cores>}.
 */
public class HashTime {

    public static void main(String[] args) throws Exception {
        Passwords passwords = new Passwords();
        String hash = passwords.hash("a password of the harness, long enough");
        for (int i = 0; i < 15; i++) {
            passwords.matches("a password of the harness, long enough", hash);
        }
        long[] one = new long[25];
        for (int i = 0; i < one.length; i++) {
            long t0 = System.nanoTime();
            passwords.matches("a password of the harness, long enough", hash);
            one[i] = System.nanoTime() - t0;
        }
        Arrays.sort(one);
        int threads = Runtime.getRuntime().availableProcessors();
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        Future<?>[] futures = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            futures[t] = pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    passwords.matches("a password of the harness, long enough", hash);
                }
            });
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "hash_ms=%.2f parallel_per_s=%.1f%n", one[one.length / 2] / 1e6,
                threads * each / seconds);
    }
}
