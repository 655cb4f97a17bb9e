package io.roster.api;

import io.roster.users.ValidationCode;
import io.roster.users.ValidationProblem;
import io.roster.shared.FieldError;
import io.roster.shared.PlainText;
import io.roster.shared.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a Users-table CSV (RFC 4180, through Commons CSV): text without its BOM, separated by
 * {@code ,} or {@code ;} — whichever the header line uses more, as spreadsheets write one or the
 * other by locale — with quoted cells that may hold separators, quotes and line breaks. Blank rows
 * are skipped: they hold nothing typed. Cells are stripped; an empty cell is missing.
 */
final class UsersCsvReader {

    /**
     * A data row. {@code line} is the line of the file where it starts (the header is line 1);
     * {@code problem} tells of cells beyond the header's columns.
     */
    record CsvUserRow(int line, String userId, String firstName, String lastName, String email, String status,
            List<String> roles, ValidationProblem problem) {
    }

    private UsersCsvReader() {
    }

    /** Reads every data row; more than {@code maxRows} of them is refused with {@code tooMany}. */
    static List<CsvUserRow> read(String text, int maxRows, Supplier<RuntimeException> tooMany) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.isBlank()) {
            throw invalid("The file is empty: its first line must name the columns, e.g. "
                    + String.join(",", "userId", "firstName", "lastName", "email", "status", "roles")).coded("CSV_EMPTY");
        }
        char separator = separatorOf(body);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(body)).setFormat(format).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            CsvHeader header = CsvHeader.of(records.next());
            LineCounter lines = new LineCounter(body);
            List<CsvUserRow> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw tooMany.get();
                }
                rows.add(row(header, lines.lineAt(record.getCharacterPosition()), record, separator));
            }
            return rows;
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            throw invalid("The file is not valid CSV: " + cause.getMessage()
                    + ". A cell that holds a separator, a quote or a line break must be between double quotes,"
                    + " its quotes doubled").coded("CSV_INVALID", cause.getMessage());
        }
    }

    private static CsvUserRow row(CsvHeader header, int line, CSVRecord record, char separator) {
        String[] cells = new String[CsvColumn.values().length];
        for (int i = 0; i < Math.min(record.size(), header.size()); i++) {
            cells[header.column(i).ordinal()] = cell(record.get(i));
            if (!PlainText.isPlain(cells[header.column(i).ordinal()])) {
                // like a cell too long for its column: the whole file is refused, nothing is written
                throw new Problems.InvalidInput("line " + line + ": " + header.column(i).header + " " + PlainText.MESSAGE,
                        List.of(new FieldError("line " + line + ": " + header.column(i).header, PlainText.MESSAGE)))
                        .coded("CSV_CONTROL_CHARACTERS", line, header.column(i).header);
            }
        }
        ValidationProblem problem = null;
        if (record.stream().skip(header.size()).anyMatch(cell -> !cell.isBlank())) {
            problem = new ValidationProblem(ValidationCode.TOO_MANY_CELLS, java.util.Map.of("cells",
                    String.valueOf(record.size()), "columns", String.valueOf(header.size()), "separator", String.valueOf(separator)));
        }
        String roles = cells[CsvColumn.ROLES.ordinal()];
        return new CsvUserRow(line, cells[CsvColumn.USER_ID.ordinal()], cells[CsvColumn.FIRST_NAME.ordinal()],
                cells[CsvColumn.LAST_NAME.ordinal()], cells[CsvColumn.EMAIL.ordinal()],
                cells[CsvColumn.STATUS.ordinal()],
                roles == null ? List.of() : Arrays.stream(roles.split("[|\\s]+")).filter(id -> !id.isEmpty())
                        .distinct().toList(),
                problem);
    }

    private static String cell(String raw) {
        String value = CsvCells.restore(raw.strip());
        return value.isEmpty() ? null : value;
    }

    /** The separator the header line uses more, outside quotes; a comma when tied. */
    static char separatorOf(String body) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < body.length() && (quoted || (body.charAt(i) != '\n' && body.charAt(i) != '\r')); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    static Problems.InvalidInput invalid(String detail) {
        return new Problems.InvalidInput(detail, List.of());
    }

    /**
     * Turns a record's character position into its line. The parser places a record just after
     * the one before it, so the blank lines and spaces in front of it are stepped over here.
     */
    private static final class LineCounter {
        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(long start) {
            while (position < text.length() && (position < start || Character.isWhitespace(text.charAt(position)))) {
                char c = text.charAt(position++);
                if (c == '\n' || (c == '\r' && (position == text.length() || text.charAt(position) != '\n'))) {
                    line++;
                }
            }
            return line;
        }
    }
}
