import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the scenarios run against: two Roster nodes sharing one PostgreSQL database, behind HAProxy
 * (deploy/haproxy.cfg, which sends traffic only to nodes whose readiness probe answers 200), with
 * the SMTP sink as their mail server and a product's webhook receiver. Everything listens on free
 * loopback ports.
 */
final class Cluster implements AutoCloseable {

    static final String OPERATOR_EMAIL = "operator@reliability.example";
    static final String OPERATOR_PASSWORD = "reliability operator password";
    static final Duration START_LIMIT = Duration.ofSeconds(240);

    private final Settings settings;
    private final Pids pids;
    private final SmtpSink smtp;
    private final WebhookReceiver webhooks;
    private final List<Node> nodes;
    private final int balancerPort;
    private Process haproxy;

    private Cluster(Settings settings) throws IOException {
        this.settings = settings;
        this.pids = new Pids(settings.work().resolve("pids"));
        this.smtp = new SmtpSink(freePort());
        this.webhooks = new WebhookReceiver();
        this.balancerPort = freePort();
        this.nodes = List.of(node("node1"), node("node2"));
    }

    static Cluster start(Settings settings) throws Exception {
        Cluster cluster = new Cluster(settings);
        cluster.smtp.up();
        for (Node node : cluster.nodes) {
            node.start();   // both at once on the empty database: migrations and the operator's creation race too
        }
        for (Node node : cluster.nodes) {
            node.awaitReady(START_LIMIT);
        }
        cluster.startBalancer();
        return cluster;
    }

    Api operatorApi() throws IOException, InterruptedException {
        Api api = new Api("http://127.0.0.1:" + balancerPort);
        api.signIn(OPERATOR_EMAIL, OPERATOR_PASSWORD);
        return api;
    }

    Node node(int index) {
        return nodes.get(index);
    }

    List<Node> nodes() {
        return nodes;
    }

    SmtpSink smtp() {
        return smtp;
    }

    WebhookReceiver webhooks() {
        return webhooks;
    }

    /** Runs the configured restart command (pg_ctl or pg_ctlcluster); the time it took. */
    Duration restartPostgres() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process restart = new ProcessBuilder("bash", "-c", settings.postgresRestart()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("postgres-restart.log").toFile()))
                .start();
        if (!restart.waitFor(60, TimeUnit.SECONDS) || restart.exitValue() != 0) {
            restart.destroyForcibly();
            throw new IllegalStateException("the PostgreSQL restart command failed: " + settings.postgresRestart());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() throws Exception {
        for (Node node : nodes) {
            node.stop();
        }
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(5, TimeUnit.SECONDS);
        }
        smtp.close();
        webhooks.close();
    }

    private Node node(String name) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("ROSTER_DB_URL", settings.jdbcUrl());
        env.put("ROSTER_DB_USER", settings.dbUser());
        env.put("ROSTER_DB_PASSWORD", settings.dbPassword());
        env.put("ROSTER_DB_POOL_SIZE", "8");
        env.put("ROSTER_BOOTSTRAP_ADMIN_EMAIL", OPERATOR_EMAIL);
        env.put("ROSTER_BOOTSTRAP_ADMIN_PASSWORD", OPERATOR_PASSWORD);
        env.put("ROSTER_PUBLIC_URL", "http://127.0.0.1:" + balancerPort);
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(smtp.port()));
        // Shorter retries, timeouts and so leases than in production, so that an outage's mails and
        // webhook deliveries are retried and a dead node's leased ones taken over within the run; the
        // mechanism is the same. The webhook receiver is on loopback, which production refuses.
        List<String> arguments = List.of("--roster.mail.retry-delays=PT1S,PT2S,PT5S,PT10S,PT20S,PT30S,PT1M,PT5M",
                "--roster.mail.timeout=PT1S", "--roster.webhooks.allow-private-networks=true",
                "--roster.webhooks.retry-delays=PT1S,PT2S,PT5S,PT10S", "--roster.webhooks.connect-timeout=PT1S",
                "--roster.webhooks.read-timeout=PT2S");
        return new Node(name, freePort(), Node.javaCommand(settings.jar(), settings.jvmOptions(), arguments), env,
                settings.logs().resolve(name + ".log"), pids);
    }

    private void startBalancer() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("haproxy", "-f", settings.haproxyConfig().toString(), "-db")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logs().resolve("haproxy.log").toFile()));
        builder.environment().put("ROSTER_LB_PORT", Integer.toString(balancerPort));
        builder.environment().put("ROSTER_NODE1_PORT", Integer.toString(nodes.get(0).port()));
        builder.environment().put("ROSTER_NODE2_PORT", Integer.toString(nodes.get(1).port()));
        haproxy = builder.start();
        pids.add(haproxy.pid());
        Api anonymous = new Api("http://127.0.0.1:" + balancerPort);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (anonymous.status("/actuator/health/readiness", Duration.ofSeconds(2)) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("haproxy exited; see " + settings.logs().resolve("haproxy.log"));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("haproxy did not route to a ready node within 20 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** What deploy/reliability.sh hands over, in REL_* environment variables. */
    record Settings(Path jar, Path work, Path logs, String jdbcUrl, String dbUser, String dbPassword,
            String postgresRestart, Path haproxyConfig, List<String> jvmOptions) {

        static Settings fromEnvironment() {
            Map<String, String> env = System.getenv();
            return new Settings(Path.of(required(env, "REL_JAR")), Path.of(required(env, "REL_WORK")),
                    Path.of(required(env, "REL_LOGS")), required(env, "REL_JDBC_URL"),
                    env.getOrDefault("REL_DB_USER", "postgres"), env.getOrDefault("REL_DB_PASSWORD", ""),
                    required(env, "REL_PG_RESTART"), Path.of(required(env, "REL_HAPROXY_CFG")),
                    List.of(env.getOrDefault("REL_NODE_JVM_OPTIONS", "-Xmx256m -XX:+UseSerialGC").split(" ")));
        }

        private static String required(Map<String, String> env, String name) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(name + " is not set (run deploy/reliability.sh)");
            }
            return value;
        }
    }
}
