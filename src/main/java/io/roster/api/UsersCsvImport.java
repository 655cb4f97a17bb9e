package io.roster.api;

import io.roster.users.ValidationCode;
import io.roster.users.ValidationProblem;
import io.roster.access.CompanyAccess;
import io.roster.access.UserImportWithRoles;
import io.roster.api.UsersCsvReader.CsvUserRow;
import io.roster.users.ImportRow;
import io.roster.users.UserStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A CSV file into the Users table: read and checked whole, each row's cells turned into what the
 * import takes, imported with its roles by {@link UserImportWithRoles}, reported row by row. The
 * caller was authorized for {@code users.manage}.
 */
@Component
class UsersCsvImport {

    private final UserImportWithRoles importer;
    private final CsvImportLimits limits;

    private final ApiWording words;


    UsersCsvImport(UserImportWithRoles importer, CsvImportLimits limits, ApiWording words) {

        this.words = words;
        this.importer = importer;
        this.limits = limits;
    }

    ImportReport run(CompanyAccess access, String text, boolean dryRun) {
        List<CsvUserRow> rows = UsersCsvReader.read(text, limits.maxRows(), limits::tooManyRows);
        return ImportReport.of(importer.run(access, rows.stream().map(UsersCsvImport::line).toList(), dryRun), words);
    }

    /** A row's cells as the import takes them: a status it cannot import keeps the row a DRAFT, saying so. */
    private static UserImportWithRoles.Line line(CsvUserRow row) {
        List<ValidationProblem> refusals = new ArrayList<>();
        if (row.problem() != null) {
            refusals.add(row.problem());
        }
        UserStatus status = UserStatus.DRAFT;
        String typed = row.status() == null ? "DRAFT" : row.status().toUpperCase(Locale.ROOT);
        if (typed.equals("ACTIVE")) {
            status = UserStatus.ACTIVE;
        } else if (!typed.equals("DRAFT")) {
            refusals.add(new ValidationProblem(ValidationCode.STATUS_NOT_IMPORTABLE, java.util.Map.of("status", row.status())));
        }
        return new UserImportWithRoles.Line(new ImportRow(row.line(), row.userId(), row.firstName(), row.lastName(),
                row.email(), status, refusals), row.roles());
    }
}
