package io.roster.api;

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts
 * with {@code = + - @} (or their full-width forms, which some spreadsheets also take), and a
 * leading tab or carriage return can hide such a start. The export puts a single quote in front of
 * those cells — the spreadsheet then shows text — and the import takes it off again, so an exported
 * file re-imports to the same values. A cell that already starts with quotes before such a
 * character gets one more, so that taking one off always gives back what was stored.
 */
final class CsvCells {

    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private CsvCells() {
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return formulaAt(cell, 0) ? "'" + cell : cell;
    }

    /** Undoes {@link #neutralise}: only a quote the export would have added is taken off. */
    static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && formulaAt(cell, 1)) {
            return cell.substring(1);
        }
        return cell;
    }

    /** True when the cell, from {@code from} on and past any quotes, starts like a formula. */
    private static boolean formulaAt(String cell, int from) {
        int i = from;
        while (i < cell.length() && cell.charAt(i) == '\'') {
            i++;
        }
        return i < cell.length() && TRIGGERS.indexOf(cell.charAt(i)) >= 0;
    }
}
