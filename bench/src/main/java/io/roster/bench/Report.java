package io.roster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table the harness prints at the end (and writes as Markdown with {@code --out}). */
final class Report {

    private record Row(String name, String clients, String ops, String errors, String rate, String median, String p95,
            String p99, String cpu, String note) {
    }

    private static final String[] HEAD = {"scenario", "clients", "ops", "errors", "ops/s", "median ms", "p95 ms",
            "p99 ms", "CPU ms/op: server + db + bench + other (machine busy)", "note"};

    private final List<Row> rows = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();

    void add(Stats s, String cpu, String note) {
        rows.add(new Row(s.name(), Integer.toString(s.clients()), Long.toString(s.ops()), Long.toString(s.errors()),
                num(s.throughput()), num(s.medianMs()), num(s.p95Ms()), num(s.p99Ms()), cpu == null ? "" : cpu,
                note == null ? "" : note));
        System.out.printf(Locale.ROOT, "  %-44s %2d clients %7d ops %4d err %9s/s  median %8s ms  p95 %8s ms  cpu/op %s  %s%n",
                s.name(), s.clients(), s.ops(), s.errors(), num(s.throughput()), num(s.medianMs()), num(s.p95Ms()),
                cpu == null ? "" : cpu, note == null ? "" : note);
        if (s.firstError() != null) {
            System.out.println("    first error: " + Api.abbreviate(s.firstError()));
        }
    }

    void fact(String name, String value) {
        rows.add(new Row(name, "", "", "", "", "", "", "", "", value));
        System.out.printf(Locale.ROOT, "  %-44s %s%n", name, value);
    }

    void line(String text) {
        lines.add(text);
        System.out.println("  " + text);
    }

    void print(String title) {
        int[] width = new int[HEAD.length];
        for (int i = 0; i < HEAD.length; i++) {
            width[i] = HEAD[i].length();
        }
        for (Row r : rows) {
            String[] cells = cells(r);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        System.out.println();
        System.out.println(title);
        System.out.println(format(HEAD, width));
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        System.out.println(rule.toString().strip());
        for (Row r : rows) {
            System.out.println(format(cells(r), width));
        }
        lines.forEach(System.out::println);
    }

    void writeMarkdown(Path file, String title) throws IOException {
        StringBuilder md = new StringBuilder("### ").append(title).append("\n\n");
        md.append("| ").append(String.join(" | ", HEAD)).append(" |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(String.join(" | ", cells(r))).append(" |\n");
        }
        md.append('\n');
        lines.forEach(l -> md.append("- ").append(l).append('\n'));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, md.toString());
    }

    private static String[] cells(Row r) {
        return new String[] {r.name(), r.clients(), r.ops(), r.errors(), r.rate(), r.median(), r.p95(), r.p99(), r.cpu(),
                r.note()};
    }

    private static String format(String[] cells, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean left = i == 0 || i >= cells.length - 2;
            String cell = cells[i];
            String pad = " ".repeat(width[i] - cell.length());
            line.append(left ? cell + pad : pad + cell).append("  ");
        }
        return line.toString().stripTrailing();
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
