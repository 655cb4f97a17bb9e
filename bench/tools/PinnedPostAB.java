/*
 * The webhook POST alone, two builds side by side: each build's io.roster.webhooks.PinnedPost posts
 * to one local receiver (the JDK's HTTP server answering 204, as the harness's), in alternating
 * rounds of N posts, so that a busy machine weighs on both alike; prints the wall time and the
 * sender's CPU per post (the first two rounds warm up and are not counted).
 *
 *   mkdir -p /tmp/ab/base /tmp/ab/new
 *   (cd /tmp/ab/base && unzip -q OLD/roster.jar 'BOOT-INF/classes/io/roster/webhooks/PinnedPost*')
 *   (cd /tmp/ab/new && unzip -q target/roster.jar 'BOOT-INF/classes/io/roster/webhooks/PinnedPost*')
 *   java bench/tools/PinnedPostAB.java /tmp/ab 300
 */
import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.Path;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

public class PinnedPostAB {
    public static void main(String[] a) throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.createContext("/hook", ex -> { ex.getRequestBody().readAllBytes(); ex.sendResponseHeaders(204, -1); ex.close(); });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
        byte[] body = ("{\"id\":\"x\",\"type\":\"user.created\",\"data\":{" + "\"k\":\"v\",".repeat(60) + "\"z\":1}}").getBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json"); headers.put("webhook-id", "msg_1");
        headers.put("webhook-timestamp", "1700000000"); headers.put("webhook-signature", "v1," + "A".repeat(44));
        String[] sides = {"base", "new"};
        Object[] posts = new Object[2]; Method[] m = new Method[2];
        for (int i = 0; i < 2; i++) {
            ClassLoader l = new URLClassLoader(new URL[] {Path.of(a[0], sides[i], "BOOT-INF/classes/").toUri().toURL()}, PinnedPostAB.class.getClassLoader());
            Class<?> c = l.loadClass("io.roster.webhooks.PinnedPost");
            Constructor<?> k = c.getDeclaredConstructor(Duration.class, Duration.class); k.setAccessible(true);
            posts[i] = k.newInstance(Duration.ofSeconds(2), Duration.ofSeconds(5));
            m[i] = c.getDeclaredMethod("post", URI.class, List.class, Map.class, byte[].class); m[i].setAccessible(true);
        }
        List<InetAddress> addrs = List.of(InetAddress.getLoopbackAddress());
        var cpu = ManagementFactory.getThreadMXBean();
        int n = Integer.parseInt(a[1]);
        long[] wall = new long[2], cput = new long[2]; int[] count = new int[2];
        for (int round = 0; round < 8; round++) {
            for (int s = 0; s < 2; s++) {
                long w = System.nanoTime(), c0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    int st = (int) m[s].invoke(posts[s], uri, addrs, headers, body);
                    if (st != 204) throw new IllegalStateException("status " + st);
                }
                if (round >= 2) { wall[s] += System.nanoTime() - w; cput[s] += cpu.getCurrentThreadCpuTime() - c0; count[s] += n; }
            }
        }
        for (int s = 0; s < 2; s++) {
            System.out.printf("%s: %d posts, %.3f ms wall/post (%.0f posts/s), %.3f ms sender CPU/post%n", sides[s], count[s],
                wall[s] / 1e6 / count[s], count[s] / (wall[s] / 1e9), cput[s] / 1e6 / count[s]);
        }
        server.stop(0);
        System.exit(0);
    }
}
