package io.roster.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time as Linux accounts it ({@code /proc}): the server's process, PostgreSQL's processes (the
 * backends of the benchmark's database and the shared background ones; all of them when no
 * database name is given), the harness itself, and the whole machine. On a 2-core machine the sum
 * per operation is what bounds throughput, so each measured run shows where it went.
 */
final class Cpu {

    record Sample(long app, long db, long bench, long busy, long total, long nanos) {
    }

    private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

    private final long serverPid;
    private final String pgDatabase;

    Cpu(long serverPid, String pgDatabase) {
        this.serverPid = serverPid;
        this.pgDatabase = pgDatabase;
    }

    Sample sample() {
        long app = serverPid > 0 ? ticks(Path.of("/proc/" + serverPid + "/stat")) : 0;
        long bench = ticks(Path.of("/proc/self/stat"));
        long db = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    if (!stat.contains("(postgres)")) {
                        continue;
                    }
                    if (pgDatabase != null) {
                        String title = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                        boolean backend = title.contains("127.0.0.1(") || title.contains("[local]");
                        if (backend && !title.contains(" " + pgDatabase + " ")) {
                            continue; // another database's session (other builds share this server)
                        }
                    }
                    db += ticks(stat);
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            // no /proc: leave db at 0
        }
        long busy = 0;
        long total = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < cpu.length && i <= 8; i++) {
                long v = Long.parseLong(cpu[i]);
                total += v;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // leave at 0
        }
        return new Sample(app, db, bench, busy, total, System.nanoTime());
    }

    /** "app 2.1 + db 1.4 + bench 0.3 + other 0.5 ms/op, machine 98 % busy". */
    static String perOp(Sample a, Sample b, long ops) {
        if (ops <= 0 || b.total() == a.total()) {
            return "";
        }
        double app = (b.app() - a.app()) * TICK_MS / ops;
        double db = (b.db() - a.db()) * TICK_MS / ops;
        double bench = (b.bench() - a.bench()) * TICK_MS / ops;
        double busy = (b.busy() - a.busy()) * TICK_MS / ops;
        double other = Math.max(0, busy - app - db - bench);
        double busyShare = 100.0 * (b.busy() - a.busy()) / (b.total() - a.total());
        return String.format(Locale.ROOT, "%s + %s + %s + %s", Report.num(app), Report.num(db), Report.num(bench),
                Report.num(other)) + String.format(Locale.ROOT, " (%.0f %%)", busyShare);
    }

    private static long ticks(Path stat) {
        try {
            return ticks(Files.readString(stat));
        } catch (IOException e) {
            return 0;
        }
    }

    /** utime + stime of a {@code /proc/PID/stat} line (fields 14 and 15, after the command in parentheses). */
    private static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
