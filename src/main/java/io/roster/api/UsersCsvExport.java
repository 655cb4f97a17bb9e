package io.roster.api;

import io.roster.access.RoleAssignments;
import io.roster.shared.CompanyId;
import io.roster.shared.Cursor;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.users.UserRow;
import io.roster.users.UsersQuery;
import io.roster.users.UsersTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Writes a company's Users table as CSV, internal and external rows alike, ordered by userId. It
 * walks the table's keyset pages ({@value #PAGE} rows and one role query per page), writing each
 * page before reading the next, so memory stays flat whatever the size of the table. The file
 * starts with a UTF-8 BOM, which spreadsheets need to read accents right (the import skips it);
 * every cell is neutralised against formula injection ({@link CsvCells}).
 */
@Component
class UsersCsvExport {

    static final int PAGE = 1000;

    private final UsersTable table;
    private final RoleAssignments assignments;

    private final ApiWording words;


    UsersCsvExport(UsersTable table, RoleAssignments assignments, ApiWording words) {

        this.words = words;
        this.table = table;
        this.assignments = assignments;
    }

    void write(CompanyId company, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CsvColumn.headers()).get());
        PageRequest page = PageRequest.first(PAGE);
        while (page != null) {
            Page<UserRow> rows = table.list(company, UsersQuery.of(null, null, null, "userId", page));
            Map<String, List<String>> roles = assignments.roleIdsOf(company, rows.items().stream().map(UserRow::id).toList());
            for (UserRow row : rows.items()) {
                printer.printRecord(cells(row, roles.getOrDefault(row.id(), List.of())));
            }
            printer.flush();
            page = rows.nextCursor() == null ? null : new PageRequest(PAGE, Cursor.decode(rows.nextCursor()));
        }
    }

    private Object[] cells(UserRow row, List<String> roles) {
        return new Object[] {CsvCells.neutralise(row.userId()), CsvCells.neutralise(row.firstName()),
                CsvCells.neutralise(row.lastName()), CsvCells.neutralise(row.email()), row.status().name(),
                String.valueOf(row.external()), CsvCells.neutralise(words.text(row.validationResult())),
                CsvCells.neutralise(String.join("|", roles))};
    }
}
