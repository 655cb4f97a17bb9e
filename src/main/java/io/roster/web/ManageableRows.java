package io.roster.web;

import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.shared.ProblemException;
import io.roster.users.UserRow;
import java.util.HashSet;
import java.util.List;
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
        Set<String> ids = new HashSet<>();
        for (UserRow row : rows) {
            if (!row.external() && outranks(access, row.id())) {
                ids.add(row.id());
            }
        }
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
