import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Roster node: {@code java -jar roster.jar} on its own loopback port, its output appended to a log file. */
final class Node {

    private static final HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final Pids pids;
    private Process process;

    Node(String name, int port, List<String> command, Map<String, String> environment, Path log, Pids pids) {
        this.name = name;
        this.port = port;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.pids = pids;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        process = builder.start();
        pids.add(process.pid());
    }

    /** Waits until the node's readiness probe answers 200; fails if the process died or time ran out. */
    void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            if (ready()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready after " + limit.toSeconds() + " s; see " + log);
    }

    boolean ready() throws InterruptedException {
        try {
            return probe.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM; the time the node took to exit, or null if it had not exited within {@code limit} (it is then killed). */
    Duration terminate(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
        kill();
        return null;
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive() && terminate(Duration.ofSeconds(20)) == null) {
            System.err.println(name + " did not stop on SIGTERM within 20 s and was killed");
        }
    }

    static List<String> javaCommand(Path jar, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return command;
    }
}
