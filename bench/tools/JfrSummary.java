import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went, from a flight recording's execution samples: by layer (database driver,
 * JSON, Spring Security, Tomcat, our code...), the methods on top of the stack (self time) and the
 * methods anywhere on it (inclusive time), optionally only those whose class starts with a prefix.
 *
 *   java bench/tools/JfrSummary.java recording.jfr [--top 25] [--only io.roster.] [--thread tomcat-handler]
 *        [--event jdk.CPUTimeSample]
 *
 * jdk.CPUTimeSample (JDK 25, Linux) samples by CPU time and sees virtual threads as well as
 * platform ones; jdk.ExecutionSample (the default) samples running platform threads.
 */
public class JfrSummary {

    /**
     * Layers a sample is charged to: the first frame from the top of the stack whose class starts
     * with one of these prefixes names the layer (JDK frames are passed over, so a HashMap lookup
     * inside Jackson counts as Jackson). Order matters: the first matching prefix wins.
     */
    private static final List<Map.Entry<String, String>> LAYERS = List.of(
            Map.entry("org.bouncycastle.", "Argon2id (BouncyCastle)"),
            Map.entry("io.roster.users.Argon2", "Argon2id (Roster)"),
            Map.entry("org.postgresql.", "JDBC driver (PostgreSQL)"),
            Map.entry("org.h2.", "H2 database engine"),
            Map.entry("com.zaxxer.hikari.", "connection pool (HikariCP)"),
            Map.entry("tools.jackson.", "JSON (Jackson)"),
            Map.entry("com.fasterxml.jackson.", "JSON (Jackson)"),
            Map.entry("org.thymeleaf.", "templates (Thymeleaf)"),
            Map.entry("org.springframework.security.", "Spring Security"),
            Map.entry("org.springframework.jdbc.", "Spring JDBC"),
            Map.entry("org.springframework.transaction.", "Spring transactions"),
            Map.entry("org.springframework.web.", "Spring MVC"),
            Map.entry("org.springframework.session.", "Spring Session"),
            Map.entry("org.springframework.", "Spring (other)"),
            Map.entry("org.apache.catalina.", "Tomcat"),
            Map.entry("org.apache.coyote.", "Tomcat"),
            Map.entry("org.apache.tomcat.", "Tomcat"),
            Map.entry("io.micrometer.", "Micrometer"),
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("io.roster.", "Roster's own code"));

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int top = 25;
        String only = null;
        String thread = null;
        String eventName = "jdk.ExecutionSample";
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--top" -> top = Integer.parseInt(args[i + 1]);
                case "--only" -> only = args[i + 1];
                case "--thread" -> thread = args[i + 1];
                case "--event" -> eventName = args[i + 1];
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> layers = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (!type.equals(eventName)) {
                continue;
            }
            if (thread != null) {
                var t = event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
                String name = t == null ? "" : String.valueOf(t.getJavaName());
                if (!name.contains(thread)) {
                    continue;
                }
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null) {
                continue;
            }
            samples++;
            var sampled = event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
            threads.merge(sampled == null ? "?" : String.valueOf(sampled.getJavaName()).replaceAll("[0-9]+", "#"), 1, Integer::sum);
            List<RecordedFrame> frames = stack.getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            layers.merge(layerOf(frames), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if ((only == null || name.startsWith(only)) && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.println(samples + " " + eventName + " events" + (thread == null ? "" : " on threads named *" + thread + "*"));
        print("threads", threads, samples, 8);
        print("layers (first non-JDK frame from the top)", layers, samples, LAYERS.size() + 2);
        print("self (top of stack)", self, samples, top);
        print("inclusive" + (only == null ? "" : " (" + only + "*)"), inclusive, samples, top);
    }

    private static String layerOf(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> layer : LAYERS) {
                if (type.startsWith(layer.getKey())) {
                    return layer.getValue();
                }
            }
        }
        return "JDK only (threads, I/O, GC barriers, virtual-thread scheduling)";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("\n" + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
