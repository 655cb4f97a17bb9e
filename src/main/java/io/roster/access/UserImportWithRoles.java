package io.roster.access;

import io.roster.users.ValidationProblem;
import io.roster.users.ImportResult;
import io.roster.users.ImportRow;
import io.roster.users.UserImport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A bulk import into a company's Users table with the roles each row names, as {@link UserCreation}
 * is for one row. The roles named are resolved and checked against the caller before anything is
 * written (a known role the caller may not grant refuses the whole import, 403); a name the company
 * has no role for keeps its row a DRAFT saying so. Each batch's roles are granted inside that
 * batch's transaction, so a failed grant leaves nothing of the batch: no rows, no seats taken, no
 * mails queued. The caller holds users.manage in the company.
 */
@Service
public class UserImportWithRoles {

    private final UserImport userImport;
    private final Roles roles;
    private final RoleAssignments assignments;

    UserImportWithRoles(UserImport userImport, Roles roles, RoleAssignments assignments) {
        this.userImport = userImport;
        this.roles = roles;
        this.assignments = assignments;
    }

    /** One row of the source and the roles it names (built-in ids in any case, custom roles by id). */
    public record Line(ImportRow row, List<String> roleNames) {

        public Line {
            roleNames = roleNames == null ? List.of() : List.copyOf(roleNames);
        }
    }

    /** Imports the lines into {@code access}'s company, or with {@code dryRun} tells what that would do. */
    public ImportResult run(CompanyAccess access, List<Line> lines, boolean dryRun) {
        ImportRoles named = ImportRoles.check(access, roles, assignments,
                lines.stream().flatMap(line -> line.roleNames().stream()).toList());
        List<ImportRow> rows = new ArrayList<>(lines.size());
        Map<Integer, Set<String>> roleIdsByLine = new HashMap<>();
        for (Line line : lines) {
            rows.add(withUnknownRoles(line, named));
            Set<String> ids = new LinkedHashSet<>();
            line.roleNames().forEach(name -> named.idOf(name).ifPresent(ids::add));
            if (!ids.isEmpty()) {
                roleIdsByLine.put(line.row().line(), ids);
            }
        }
        return userImport.run(access.company(), rows, dryRun, accountIdsByLine -> {
            Map<String, Set<String>> rolesByAccount = new LinkedHashMap<>();
            accountIdsByLine.forEach((lineNumber, accountId) -> {
                Set<String> ids = roleIdsByLine.get(lineNumber);
                if (ids != null) {
                    rolesByAccount.put(accountId, ids);
                }
            });
            assignments.grantAll(access.company(), rolesByAccount, access);
        });
    }

    /** A role the company does not have keeps the row a DRAFT, its validation result saying which. */
    private static ImportRow withUnknownRoles(Line line, ImportRoles named) {
        List<ValidationProblem> unknown = line.roleNames().stream().filter(name -> named.idOf(name).isEmpty())
                .map(ImportRoles::unknown).toList();
        if (unknown.isEmpty()) {
            return line.row();
        }
        ImportRow row = line.row();
        List<ValidationProblem> refusals = new ArrayList<>(row.refusals());
        refusals.addAll(unknown);
        return new ImportRow(row.line(), row.userId(), row.firstName(), row.lastName(), row.email(), row.status(),
                refusals);
    }
}
