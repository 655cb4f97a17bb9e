package io.roster.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Brings the PostgreSQL statistics of the bench database up to date after the fill, as
 * autovacuum would on a production server. Without it, a server running with autovacuum off (as
 * the test machines here do) plans every query with no statistics at all and never marks pages
 * all-visible, so figures would measure that setting rather than Roster. Uses psql, with the same
 * PGHOST, PGPORT, PGUSER and PGPASSWORD as bench/run.sh.
 */
final class Vacuum {

    private Vacuum() {
    }

    /** Runs VACUUM (ANALYZE) on {@code database}; returns what to print, or why it could not. */
    static String analyze(String database) {
        long start = System.nanoTime();
        String autovacuum = psql(database, "SHOW autovacuum").strip();
        String result = psql(database, "VACUUM (ANALYZE)");
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(java.util.Locale.ROOT, "VACUUM (ANALYZE) in %.1f s (the server's autovacuum is %s)%s",
                seconds, autovacuum.isEmpty() ? "?" : autovacuum, result.startsWith("ERROR") ? ": " + result : "");
    }

    /**
     * Runs ANALYZE on {@code database} between two import chunks, as autovacuum would once a
     * tenth of a table has changed: the import's and the mail dispatcher's IN lists were planned
     * as scans without it (3 s a statement, and a second 50,000-row chunk outlived the timeout).
     */
    static void statistics(String database) {
        String result = psql(database, "ANALYZE");
        if (result.startsWith("ERROR")) {
            System.err.println("ANALYZE between import chunks failed: " + result);
        }
    }

    private static String psql(String database, String sql) {
        Map<String, String> env = System.getenv();
        List<String> command = List.of("psql", "-X", "-qAt", "-h", env.getOrDefault("PGHOST", "127.0.0.1"),
                "-p", env.getOrDefault("PGPORT", "5432"), "-U", env.getOrDefault("PGUSER", "postgres"),
                "-d", database, "-c", sql);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                return "ERROR " + output.strip();
            }
            return output;
        } catch (IOException e) {
            return "ERROR psql: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "ERROR interrupted";
        }
    }
}
