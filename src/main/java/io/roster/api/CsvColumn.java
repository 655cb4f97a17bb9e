package io.roster.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns of a Users-table CSV, in the order the export writes them. */
enum CsvColumn {
    USER_ID("userId"),
    FIRST_NAME("firstName"),
    LAST_NAME("lastName"),
    EMAIL("email"),
    STATUS("status"),
    EXTERNAL("external"),
    VALIDATION_RESULT("validationResult"),
    ROLES("roles");

    final String header;

    CsvColumn(String header) {
        this.header = header;
    }

    /** Written by the system, not typed: an import accepts and ignores them, so an export can be re-imported. */
    boolean exportOnly() {
        return this == EXTERNAL || this == VALIDATION_RESULT;
    }

    /** Header names match in any case, around spaces. */
    static Optional<CsvColumn> byHeader(String name) {
        return Arrays.stream(values()).filter(column -> column.header.equalsIgnoreCase(name.strip())).findFirst();
    }

    static String[] headers() {
        return Arrays.stream(values()).map(column -> column.header).toArray(String[]::new);
    }

    static String importable() {
        return Arrays.stream(values()).filter(column -> !column.exportOnly()).map(column -> column.header)
                .collect(Collectors.joining(", "));
    }
}
