package io.roster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The server's memory as Linux sees it ({@code /proc/PID/status}). */
final class Proc {

    private Proc() {
    }

    static String memory(long pid) {
        try {
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
            return String.format(Locale.ROOT, "%.0f MB resident (VmRSS), peak %.0f MB (VmHWM)", rss / 1024.0, hwm / 1024.0);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
