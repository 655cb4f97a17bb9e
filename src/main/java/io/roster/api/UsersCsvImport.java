package io.roster.api;

import io.roster.access.CompanyAccess;
import io.roster.access.RoleAssignments;
import io.roster.access.Roles;
import io.roster.api.UsersCsvReader.CsvUserRow;
import io.roster.users.ImportResult;
import io.roster.users.ImportRow;
import io.roster.users.UserImport;
import io.roster.users.UserStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A CSV file into the Users table: read and checked whole, imported in bulk by the users module,
 * then the roles of the new rows granted in one batch (the users module knows nothing of roles).
 * The caller was authorized for {@code users.manage}; each role named is checked against it.
 */
@Component
class UsersCsvImport {

    private final UserImport userImport;
    private final Roles roles;
    private final RoleAssignments assignments;
    private final CsvImportLimits limits;

    UsersCsvImport(UserImport userImport, Roles roles, RoleAssignments assignments, CsvImportLimits limits) {
        this.userImport = userImport;
        this.roles = roles;
        this.assignments = assignments;
        this.limits = limits;
    }

    ImportReport run(CompanyAccess access, String text, boolean dryRun) {
        List<CsvUserRow> rows = UsersCsvReader.read(text, limits.maxRows(), limits::tooManyRows);
        ImportRoles named = ImportRoles.check(access, roles, assignments,
                rows.stream().flatMap(row -> row.roles().stream()).toList());
        ImportResult result = userImport.run(access.company(), rows.stream().map(row -> importRow(row, named)).toList(),
                dryRun);
        if (!dryRun) {
            grantRoles(access, rows, result, named);
        }
        return ImportReport.of(result);
    }

    /** The result lists the rows in the order they were given, so the n-th outcome is the n-th row's. */
    private void grantRoles(CompanyAccess access, List<CsvUserRow> rows, ImportResult result, ImportRoles named) {
        Map<String, Set<String>> rolesByAccount = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Set<String> ids = new LinkedHashSet<>();
            rows.get(i).roles().forEach(name -> named.idOf(name).ifPresent(ids::add));
            if (!ids.isEmpty()) {
                rolesByAccount.put(result.rows().get(i).accountId(), ids);
            }
        }
        assignments.grantAll(access.company(), rolesByAccount, access);
    }

    private static ImportRow importRow(CsvUserRow row, ImportRoles named) {
        List<String> refusals = new ArrayList<>();
        if (row.problem() != null) {
            refusals.add(row.problem());
        }
        UserStatus status = UserStatus.DRAFT;
        String typed = row.status() == null ? "DRAFT" : row.status().toUpperCase(Locale.ROOT);
        if (typed.equals("ACTIVE")) {
            status = UserStatus.ACTIVE;
        } else if (!typed.equals("DRAFT")) {
            refusals.add("Status '" + row.status() + "' cannot be imported: use ACTIVE or DRAFT (empty means DRAFT)");
        }
        row.roles().stream().filter(name -> named.idOf(name).isEmpty()).map(ImportRoles::unknown).forEach(refusals::add);
        return new ImportRow(row.line(), row.userId(), row.firstName(), row.lastName(), row.email(), status, refusals);
    }
}
