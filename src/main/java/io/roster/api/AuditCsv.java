package io.roster.api;

import io.roster.audit.AuditEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Audit entries as CSV (RFC 4180), safe to open in a spreadsheet: a cell that starts with
 * {@code = + - @}, a tab or a carriage return would be read as a formula, so it gets a leading
 * {@code '} (OWASP's advice on CSV injection).
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("occurredAt", "actorKind", "actorUserId", "actorAccountId", "action",
            "targetType", "targetId", "before", "after", "clientAddress", "requestId", "companyId", "partnerId", "id");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line(HEADER.stream());
    }

    void row(AuditEntry e) {
        line(Stream.of(e.occurredAt().toString(), e.actorKind().name(), e.actorUserId(), e.actorAccountId(), e.action(),
                e.targetType(), e.targetId(), e.beforeJson(), e.afterJson(), e.clientAddress(), e.requestId(),
                e.companyId(), e.partnerId(), e.id()));
    }

    private void line(Stream<String> cells) {
        try {
            out.write(cells.map(AuditCsv::cell).collect(Collectors.joining(",")) + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
