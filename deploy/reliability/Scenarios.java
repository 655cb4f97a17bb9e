import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault scenarios. Each works in a company of its own, drives load through the load balancer,
 * injects its fault a few seconds in, lets the load run on, then checks the database, the mail and
 * the company's webhook events.
 */
final class Scenarios {

    /** Load: a modest steady rate, the machine running it is small and shared. */
    private static final int WORKERS = 8;
    private static final double PER_SECOND = Double.parseDouble(System.getenv().getOrDefault("REL_RATE", "20"));
    private static final Duration LOAD = Duration.ofSeconds(15);
    private static final Duration FAULT_AT = Duration.ofSeconds(4);
    private static final Duration MAIL_LIMIT = Duration.ofSeconds(60);
    /** Past a dead node's lease (11 s with the suite's timeouts) and a few retries. */
    private static final Duration WEBHOOK_LIMIT = Duration.ofSeconds(60);

    private final Cluster cluster;
    private final Api api;
    private final Checks checks;
    private int companies;
    /** The webhook endpoint of each scenario company, subscribed to its user.created and user.activated events. */
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();

    Scenarios(Cluster cluster, Api api, Checks checks) {
        this.cluster = cluster;
        this.api = api;
        this.checks = checks;
    }

    /** 200 creations of ACTIVE users at once, over both nodes, for 50 licenses. */
    Report licenseRace() {
        Report report = new Report("1. license race: 200 activations for 50 licenses");
        try {
            String company = company("race", 50);
            Load race = new Load(api, company, "race", 0, 1).burst(200);
            report.load(race);
            int active = checks.count("SELECT count(*) FROM accounts WHERE home_company_id = ? AND status = 'ACTIVE'", company);
            report.check("exactly 50 ACTIVE (all licenses, no more)", active == 50, active + " ACTIVE");
            checks.data(report, company, race);
            checks.mail(report, company, cluster.smtp(), MAIL_LIMIT);
            checks.webhooks(report, company, endpoints.get(company), cluster.webhooks(), WEBHOOK_LIMIT);
        } catch (Exception e) {
            report.brokeOff(e);
        }
        return report.finish();
    }

    Report smtpDown() {
        return mailOutage("4a. SMTP down (refuses connections) for 10 s", "smtpdown", SmtpSink.Mode.DOWN);
    }

    Report smtpHung() {
        Report report = mailOutage("4b. SMTP hung (accepts, never answers) for 10 s", "smtphung", SmtpSink.Mode.HUNG);
        cluster.smtp().releaseHung();   // whatever is still stuck in them must not hold up the next scenarios
        return report;
    }

    Report postgresRestart() {
        return underLoad("3. PostgreSQL restart under load", "pgrestart", false, report -> {
            Duration took = cluster.restartPostgres();
            report.note("PostgreSQL restarted in " + took.toMillis() + " ms");
        }, report -> {
            for (Node node : cluster.nodes()) {
                boolean ready = readyWithin(node, Duration.ofSeconds(30));
                report.check(node.name() + " ready again after the restart", ready, ready ? "" : "not ready 30 s later");
            }
        });
    }

    Report killNode() {
        Node victim = cluster.node(0);
        return underLoad("2. kill -9 of a node under write load", "kill", false, report -> victim.kill(), report -> {
            victim.start();
            victim.awaitReady(Cluster.START_LIMIT);
            report.note(victim.name() + " restarted and ready again");
        });
    }

    Report terminateNode() {
        Node victim = cluster.node(1);
        return underLoad("5. SIGTERM of a node under load", "sigterm", true, report -> {
            Duration exit = victim.terminate(Duration.ofSeconds(30));
            report.check(victim.name() + " exited within 10 s of SIGTERM", exit != null && exit.toMillis() <= 10_000,
                    exit == null ? "still running after 30 s (killed)" : "exited after " + exit.toMillis() + " ms");
        }, report -> { });
    }

    Report webhookReceiverFailing() {
        return webhookOutage("6a. webhook receiver failing (answers 503) for 10 s", "hookfail", WebhookReceiver.Mode.FAILING);
    }

    Report webhookReceiverHung() {
        return webhookOutage("6b. webhook receiver hung (reads, never answers) for 10 s", "hookhung", WebhookReceiver.Mode.HUNG);
    }

    /** A product's receiver out for 10 s under load: no request may suffer, every event must arrive after, in order. */
    private Report webhookOutage(String name, String prefix, WebhookReceiver.Mode mode) {
        WebhookReceiver receiver = cluster.webhooks();
        return underLoad(name, prefix, true, report -> {
            if (mode == WebhookReceiver.Mode.FAILING) {
                receiver.failing();
            } else {
                receiver.hang();
            }
            Thread.sleep(10_000);
            receiver.up();
        }, report -> { });
    }

    private Report mailOutage(String name, String prefix, SmtpSink.Mode mode) {
        HealthProbe health = new HealthProbe(api);
        return underLoad(name, prefix, true, report -> {
            health.start();
            if (mode == SmtpSink.Mode.DOWN) {
                cluster.smtp().down();
            } else {
                cluster.smtp().hang();
            }
            Thread.sleep(10_000);
            cluster.smtp().up();
            health.stop();
            report.check("/actuator/health answered 200 during the outage", health.allOk(), health.summary());
        }, report -> { });
    }

    interface Step {
        void run(Report report) throws Exception;
    }

    /**
     * Load for {@link #LOAD}, the fault {@link #FAULT_AT} in, then {@code after}, then the checks;
     * {@code everyRequestAnswered}: the fault must not cost a single request (a mail outage, a
     * graceful stop), where a crash may fail the requests it catches in flight.
     */
    private Report underLoad(String name, String prefix, boolean everyRequestAnswered, Step fault, Step after) {
        Report report = new Report(name);
        try {
            String company = company(prefix, 100_000);
            long start = System.nanoTime();
            Load load = new Load(api, company, prefix, WORKERS, PER_SECOND).start();
            try {
                Thread.sleep(FAULT_AT);
                report.note("fault at " + java.time.LocalTime.now());
                fault.run(report);
                Thread.sleep(Math.max(0, LOAD.toMillis() - Duration.ofNanos(System.nanoTime() - start).toMillis()));
            } finally {
                load.stop();
                report.load(load);
            }
            if (everyRequestAnswered) {
                report.check("every request answered 201", load.errors().isEmpty(), load.errors().isEmpty() ? ""
                        : load.requests() - load.acknowledged().size() + " of " + load.requests() + " not: " + load.errors());
            }
            after.run(report);
            checks.data(report, company, load);
            checks.mail(report, company, cluster.smtp(), MAIL_LIMIT);
            checks.webhooks(report, company, endpoints.get(company), cluster.webhooks(), WEBHOOK_LIMIT);
        } catch (Exception e) {
            report.brokeOff(e);
        }
        return report.finish();
    }

    private String company(String prefix, int licenses) throws Exception {
        companies++;
        String slug = "reliability-" + prefix + "-" + companies;
        String company = api.createCompany("Reliability " + prefix, slug, licenses);
        // the receiver's path names the company; the secret comes with the endpoint's creation
        String url = cluster.webhooks().url(company);
        String[] endpoint = api.createWebhook(company, url, java.util.List.of("user.created", "user.activated"));
        cluster.webhooks().register(company, endpoint[1]);
        endpoints.put(company, endpoint[0]);
        return company;
    }

    private static boolean readyWithin(Node node, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (node.ready()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Asks the load balancer for /actuator/health every second, each answer awaited at most 3 s. */
    static final class HealthProbe {

        private final Api api;
        private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        private volatile boolean running;
        private Thread thread;

        HealthProbe(Api api) {
            this.api = api;
        }

        void start() {
            running = true;
            thread = Thread.ofVirtual().start(() -> {
                while (running) {
                    String answer;
                    try {
                        answer = Integer.toString(api.status("/actuator/health", Duration.ofSeconds(3)));
                    } catch (java.net.http.HttpTimeoutException e) {
                        answer = "no answer in 3 s";
                    } catch (Exception e) {
                        answer = e.getClass().getSimpleName();
                    }
                    answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(Duration.ofSeconds(5));
        }

        boolean allOk() {
            return answers.keySet().stream().allMatch("200"::equals);
        }

        String summary() {
            Map<String, Integer> sorted = new TreeMap<>();
            answers.forEach((answer, n) -> sorted.put(answer, n.get()));
            return "probes: " + sorted;
        }
    }
}
