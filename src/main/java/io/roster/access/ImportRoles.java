package io.roster.access;

import io.roster.users.ValidationCode;
import io.roster.users.ValidationProblem;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The roles a file names, resolved once per file. A known role must be grantable by the caller:
 * otherwise the whole import is refused (403) before anything is written, as a single create is.
 * An unknown one is no reason to refuse the file: each row naming it says so and stays DRAFT.
 * Built-in role ids match in any case, as people type them; custom roles by their id.
 */
final class ImportRoles {

    private final Map<String, String> idsByName;

    private ImportRoles(Map<String, String> idsByName) {
        this.idsByName = idsByName;
    }

    static ImportRoles check(CompanyAccess access, Roles roles, RoleAssignments assignments, Collection<String> named) {
        Map<String, String> known = new HashMap<>();
        for (Role role : roles.of(access.company())) {
            known.put(role.builtIn() ? role.id().toUpperCase(Locale.ROOT) : role.id(), role.id());
        }
        Map<String, String> idsByName = new HashMap<>();
        for (String name : new LinkedHashSet<>(named)) {
            String id = known.getOrDefault(name, known.get(name.toUpperCase(Locale.ROOT)));
            if (id != null) {
                assignments.requireGrantable(access.company(), id, access);
                idsByName.put(name, id);
            }
        }
        return new ImportRoles(idsByName);
    }

    /** The role id a name stands for, empty when the company has no such role. */
    Optional<String> idOf(String name) {
        return Optional.ofNullable(idsByName.get(name));
    }

    static ValidationProblem unknown(String name) {
        return new ValidationProblem(ValidationCode.ROLE_UNKNOWN, java.util.Map.of("role", name));
    }
}
