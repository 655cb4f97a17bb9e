package io.roster.web;

import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.CompanyId;
import io.roster.shared.ProblemException;
import io.roster.users.UserRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rows of a Users table whose actions the caller may use: internal rows of a company where it
 * holds the users permission, of people holding no permission it lacks there (docs/rules.md §6).
 * The server refuses the others; the table offers them "Open" only. The company's table and the
 * partner space's ask the same.
 */
@Component
class ManageableRows {

    private final Guard guard;

    ManageableRows(Guard guard) {
        this.guard = guard;
    }

    /** The ids among {@code rows} (all of {@code access}'s company) the caller may change; none without an access. */
    Set<String> of(CompanyAccess access, List<UserRow> rows) {
        if (access == null || !access.has(Permission.USERS_MANAGE)) {
            return Set.of();
        }
        return passing(rows.stream().filter(row -> !row.external()).map(row -> new Guard.Subject(access, row.id())).toList());
    }

    /**
     * The ids among {@code rows} the caller may change, each row with the caller's access to the
     * row's company ({@code accesses}, by company; a company missing there: no action): the rules
     * of {@link Guard#requireOutranks}, asked of the whole page in one batch rather than row by row.
     */
    Set<String> of(Map<CompanyId, CompanyAccess> accesses, List<UserRow> rows) {
        List<Guard.Subject> subjects = new ArrayList<>();
        for (UserRow row : rows) {
            CompanyAccess access = row.external() || row.homeCompanyId() == null ? null : accesses.get(row.homeCompanyId());
            if (access != null && access.company().equals(row.homeCompanyId()) && access.has(Permission.USERS_MANAGE)) {
                subjects.add(new Guard.Subject(access, row.id()));
            }
        }
        return passing(subjects);
    }

    /** The people among {@code subjects} their actor outranks, by account id. */
    private Set<String> passing(List<Guard.Subject> subjects) {
        Set<String> ids = new HashSet<>();
        guard.outranking(subjects).forEach(subject -> ids.add(subject.accountId()));
        return ids;
    }

    /** May the caller change the person {@code id} of {@code access}'s company (the user page's actions)? */
    boolean mayChange(CompanyAccess access, String id) {
        return access.has(Permission.USERS_MANAGE) && outranks(access, id);
    }

    private boolean outranks(CompanyAccess access, String id) {
        try {
            guard.requireOutranks(access, id);
            return true;
        } catch (ProblemException outranked) {
            // the person holds a permission the caller lacks: no action on that row
            return false;
        }
    }
}
