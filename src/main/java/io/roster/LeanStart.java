package io.roster;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * What the production command of the README gets from its JVM options, done from inside for the
 * plain {@code java -jar roster.jar}, which carries no options:
 * <ul>
 * <li>the bean definitions generated at build time ({@code process-aot}) are used when the
 * application runs from its packaged jar, as {@code -Dspring.aot.enabled=true} does: the jar
 * holds them beside the classes they were generated from, so they cannot be stale. Run from
 * {@code target/classes} ({@code spring-boot:run}, an IDE) the generated classes may be older than
 * the code, so configuration is read as usual. An explicit {@code spring.aot.enabled} wins.</li>
 * <li>once started, a JVM left on its default collector and without
 * {@code -XX:TrimNativeHeapInterval} gives back what the start used and no longer needs: one
 * collection with tight free-ratio bounds (the start's garbage leaves the heap committed
 * otherwise), then glibc's free C heap (the JIT compilers' arenas) now, again as soon as the JIT
 * compilers have gone quiet (they go on compiling what the start ran for seconds after ready, and
 * their arenas grow back meanwhile), and every {@link #TRIM_EVERY_SECONDS} seconds, as that option
 * would.</li>
 * </ul>
 * A JVM started with the production options is left as it is.
 */
final class LeanStart implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(LeanStart.class);

    static final String AOT_PROPERTY = "spring.aot.enabled";

    /** How often the C heap is trimmed; the JVM's own {@code TrimNativeHeapInterval} does it natively. */
    static final long TRIM_EVERY_SECONDS = 10;

    /** How long the JIT compilers must have finished nothing for the start's compiling to count as over. */
    static final long QUIET_COMPILERS_MILLIS = 1000;

    /** The longest wait for quiet compilers: under load they never go quiet, and the periodic trims take over. */
    static final long QUIET_COMPILERS_WAIT_SECONDS = 30;

    private LeanStart() {
    }

    /** Sets the defaults that must be set before Spring starts, and adds the listener for the rest. */
    static void apply(SpringApplication application) {
        if (System.getProperty(AOT_PROPERTY) == null && System.getenv("SPRING_AOT_ENABLED") == null
                && runsFromPackagedJar(RosterApplication.class)
                && hasGeneratedBeanDefinitions(RosterApplication.class)) {
            System.setProperty(AOT_PROPERTY, "true");
        }
        application.addListeners(new LeanStart());
    }

    /** Whether the class was loaded from a jar (the fat jar's nested one, or an extracted one). */
    static boolean runsFromPackagedJar(Class<?> main) {
        var self = main.getResource(main.getSimpleName() + ".class");
        return self != null && "jar".equals(self.getProtocol());
    }

    /** Whether {@code process-aot} generated the application's context initializer beside it. */
    static boolean hasGeneratedBeanDefinitions(Class<?> main) {
        return main.getResource(main.getSimpleName() + "__ApplicationContextInitializer.class") != null;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null || !"true".equals(vm.getVMOption("UseG1GC").getValue())
                || !"0".equals(vm.getVMOption("TrimNativeHeapInterval").getValue())) {
            return;
        }
        Thread.ofPlatform().daemon().name("lean-start").start(() -> giveBackStartMemory(vm));
    }

    private static void giveBackStartMemory(HotSpotDiagnosticMXBean vm) {
        try {
            shrinkHeap(vm);
            trimNativeHeap();
            awaitQuietCompilers();
            while (true) {
                trimNativeHeap();
                TimeUnit.SECONDS.sleep(TRIM_EVERY_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | javax.management.JMException e) {
            // only memory is at stake: the application runs on as it would without this
            log.debug("Could not give back the start's memory", e);
        }
    }

    /** One full collection that may uncommit the heap down to a little above what is live. */
    private static void shrinkHeap(HotSpotDiagnosticMXBean vm) {
        String minFree = vm.getVMOption("MinHeapFreeRatio").getValue();
        String maxFree = vm.getVMOption("MaxHeapFreeRatio").getValue();
        vm.setVMOption("MinHeapFreeRatio", "10");
        vm.setVMOption("MaxHeapFreeRatio", "20");
        try {
            System.gc();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", maxFree);
            vm.setVMOption("MinHeapFreeRatio", minFree);
        }
    }

    /** Returns once the JIT compilers have finished no compilation for a while, or after the longest wait. */
    private static void awaitQuietCompilers() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long before = jit.getTotalCompilationTime();
        long waited = 0;
        while (waited < TimeUnit.SECONDS.toMillis(QUIET_COMPILERS_WAIT_SECONDS)) {
            TimeUnit.MILLISECONDS.sleep(QUIET_COMPILERS_MILLIS);
            waited += QUIET_COMPILERS_MILLIS;
            long now = jit.getTotalCompilationTime();
            if (now == before) {
                return;
            }
            before = now;
        }
    }

    private static void trimNativeHeap() throws javax.management.JMException {
        ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                new Object[] {null}, new String[] {String[].class.getName()});
    }
}
