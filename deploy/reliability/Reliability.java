import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Roster's reliability suite: two nodes behind HAProxy on one PostgreSQL database, an SMTP sink,
 * and the faults a deployment meets — a license race across nodes, a node killed, PostgreSQL
 * restarted, SMTP down or hung, a product's webhook receiver failing or hung, a node stopped — each
 * under load, each followed by checks that nothing acknowledged was lost and that seats, audit
 * entries, mails and webhook events are as they must be.
 *
 * Started by deploy/reliability.sh, which builds the jar, provides the database and cleans up
 * (a multi-file source program: {@code java -cp postgresql.jar Reliability.java}, JDK 22+).
 */
public class Reliability {

    public static void main(String[] args) throws Exception {
        // below HAProxy's keep-alive timeout, so that no request goes out on a connection it is closing
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        Cluster.Settings settings = Cluster.Settings.fromEnvironment();
        List<Report> reports = new ArrayList<>();
        long start = System.nanoTime();
        System.out.println("== starting two nodes, HAProxy and the SMTP sink");
        try (Cluster cluster = Cluster.start(settings)) {
            System.out.printf("== cluster ready after %d s%n", Duration.ofNanos(System.nanoTime() - start).toSeconds());
            Scenarios scenarios = new Scenarios(cluster, cluster.operatorApi(), new Checks(settings));
            // in this order: the node killed in 2 is restarted, the one stopped in 5 is not
            Map<String, Supplier<Report>> all = new LinkedHashMap<>();
            all.put("1", scenarios::licenseRace);
            all.put("4a", scenarios::smtpDown);
            all.put("4b", scenarios::smtpHung);
            all.put("3", scenarios::postgresRestart);
            all.put("2", scenarios::killNode);
            all.put("6a", scenarios::webhookReceiverFailing);
            all.put("6b", scenarios::webhookReceiverHung);
            all.put("5", scenarios::terminateNode);
            List<String> only = List.of(System.getenv().getOrDefault("REL_ONLY", String.join(",", all.keySet())).split(","));
            all.forEach((key, scenario) -> {
                if (only.contains(key)) {
                    Report report = scenario.get();
                    reports.add(report);
                    System.out.println("== " + report.scenario() + ": " + (report.passed() ? "passed" : "FAILED"));
                }
            });
        }
        String results = results(reports, Duration.ofNanos(System.nanoTime() - start));
        System.out.println();
        System.out.println(results);
        Path file = settings.logs().resolve("results.md");
        Files.writeString(file, results);
        System.out.println("(also in " + file + ", with the nodes' and HAProxy's logs)");
        System.exit(reports.stream().allMatch(Report::passed) ? 0 : 1);
    }

    private static String results(List<Report> reports, Duration total) {
        StringBuilder out = new StringBuilder();
        out.append("Reliability run of ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now()
                .atOffset(ZoneOffset.UTC).withNano(0))).append(" UTC, ").append(total.toSeconds()).append(" s in all\n\n");
        out.append("| scenario | requests | acknowledged | errors by kind | checks passed / failed | duration |\n");
        out.append("|---|---|---|---|---|---|\n");
        reports.forEach(r -> out.append(r.row()).append('\n'));
        out.append('\n');
        for (Report report : reports) {
            out.append("### ").append(report.scenario()).append('\n');
            report.checks().forEach(c -> out.append("- ").append(c.passed() ? "ok     " : "FAILED ").append(c.name())
                    .append(c.detail().isEmpty() ? "" : ": " + c.detail()).append('\n'));
            report.notes().forEach(n -> out.append("- note: ").append(n).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }
}
