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
 * Where the CPU went, from a flight recording's execution samples: the methods on top of the
 * stack (self time) and the methods anywhere on it (inclusive time), optionally only those whose
 * class starts with a prefix, and only samples taken between two instants.
 *
 *   java bench/tools/JfrSummary.java recording.jfr [--top 25] [--only io.roster.] [--thread tomcat-handler]
 *        [--event jdk.CPUTimeSample]
 *
 * jdk.CPUTimeSample (JDK 25, Linux) samples by CPU time and sees virtual threads as well as
 * platform ones; jdk.ExecutionSample (the default) samples running platform threads.
 */
public class JfrSummary {

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
        print("self (top of stack)", self, samples, top);
        print("inclusive" + (only == null ? "" : " (" + only + "*)"), inclusive, samples, top);
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
