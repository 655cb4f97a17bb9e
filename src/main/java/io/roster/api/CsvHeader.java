package io.roster.api;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The first line of an imported file: the columns, named in any case and order. It is checked
 * whole before any row is read, so a file with a wrong header is refused (400) with every name
 * to fix, and nothing is imported.
 */
record CsvHeader(List<CsvColumn> columns) {

    static CsvHeader of(CSVRecord record) {
        List<CsvColumn> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Set<CsvColumn> twice = EnumSet.noneOf(CsvColumn.class);
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            var column = CsvColumn.byHeader(name);
            if (column.isEmpty()) {
                unknown.add(name.isEmpty() ? "(column " + (i + 1) + " has no name)" : "'" + name + "'");
            } else if (columns.contains(column.get())) {
                twice.add(column.get());
            } else {
                columns.add(column.get());
            }
        }
        if (!unknown.isEmpty()) {
            throw UsersCsvReader.invalid("Unknown column" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + ": the columns are " + CsvColumn.importable()
                    + " (external and validationResult, written by the export, are ignored)")
                    .coded("CSV_UNKNOWN_COLUMNS", String.join(", ", unknown), CsvColumn.importable());
        }
        if (!twice.isEmpty()) {
            throw UsersCsvReader.invalid("The header names " + names(twice) + " more than once")
                    .coded("CSV_COLUMNS_TWICE", names(twice));
        }
        List<String> missing = new ArrayList<>();
        for (CsvColumn required : List.of(CsvColumn.USER_ID, CsvColumn.EMAIL)) {
            if (!columns.contains(required)) {
                missing.add(required.header);
            }
        }
        if (!missing.isEmpty()) {
            throw UsersCsvReader.invalid("The header must name the columns userId and email (the first line of the"
                    + " file names the columns); missing: " + String.join(", ", missing))
                    .coded("CSV_COLUMNS_MISSING", String.join(", ", missing));
        }
        return new CsvHeader(List.copyOf(columns));
    }

    int size() {
        return columns.size();
    }

    CsvColumn column(int index) {
        return columns.get(index);
    }

    private static String names(Set<CsvColumn> columns) {
        return columns.stream().map(column -> column.header).collect(Collectors.joining(", "));
    }
}
