import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One scenario's figures and the outcome of its checks. */
final class Report {

    record Check(String name, boolean passed, String detail) {
    }

    private final String scenario;
    private final long started = System.nanoTime();
    private final List<Check> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int requests;
    private int acknowledged;
    private Map<String, Integer> errors = Map.of();
    private Duration duration;

    Report(String scenario) {
        this.scenario = scenario;
    }

    Report load(Load load) {
        requests += load.requests();
        acknowledged += load.acknowledged().size();
        Map<String, Integer> merged = new java.util.TreeMap<>(errors);
        load.errors().forEach((kind, n) -> merged.merge(kind, n, Integer::sum));
        errors = merged;
        load.samples().forEach(sample -> note("failed request at " + sample));
        return this;
    }

    void check(String name, boolean passed, String detail) {
        checks.add(new Check(name, passed, detail));
    }

    void note(String note) {
        notes.add(note);
    }

    /** A check that could not be made because the scenario broke off: a failure that says why. */
    void brokeOff(Exception cause) {
        check("scenario ran to its end", false, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    Report finish() {
        duration = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    String scenario() {
        return scenario;
    }

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    List<Check> checks() {
        return checks;
    }

    List<String> notes() {
        return notes;
    }

    String row() {
        long passed = checks.stream().filter(Check::passed).count();
        String errorsByKind = errors.isEmpty() ? "none"
                : errors.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue()).collect(Collectors.joining(", "));
        return "| %s | %d | %d | %s | %d / %d | %.0f s |".formatted(scenario, requests, acknowledged, errorsByKind,
                passed, checks.size() - passed, duration.toMillis() / 1000.0);
    }
}
