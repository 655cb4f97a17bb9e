package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.FieldErrors;
import io.roster.shared.Ids;
import io.roster.shared.Problems;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A company's roles: the built-in ones and those it defined. */
@Service
public class Roles {

    static final int MAX_NAME = 100;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Roles(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public List<Role> of(CompanyId company) {
        List<Role> roles = new ArrayList<>();
        for (BuiltInRole builtIn : BuiltInRole.values()) {
            roles.add(builtIn.asRole());
        }
        roles.addAll(jdbc.sql("SELECT id, name, permissions FROM custom_roles WHERE company_id = ? ORDER BY name, id")
                .param(company.value())
                .query((rs, n) -> custom(rs.getString("id"), rs.getString("name"), rs.getString("permissions")))
                .list());
        return roles;
    }

    public Optional<Role> find(CompanyId company, String roleId) {
        Optional<BuiltInRole> builtIn = BuiltInRole.byId(roleId);
        if (builtIn.isPresent()) {
            return builtIn.map(BuiltInRole::asRole);
        }
        return jdbc.sql("SELECT id, name, permissions FROM custom_roles WHERE company_id = ? AND id = ?")
                .params(company.value(), roleId)
                .query((rs, n) -> custom(rs.getString("id"), rs.getString("name"), rs.getString("permissions")))
                .optional();
    }

    /** The union of the permissions of these roles in this company (unknown ids grant nothing). */
    Set<Permission> permissionsOf(CompanyId company, Collection<String> roleIds) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        List<String> customIds = new ArrayList<>();
        for (String id : roleIds) {
            BuiltInRole.byId(id).ifPresentOrElse(role -> permissions.addAll(role.asRole().permissions()),
                    () -> customIds.add(id));
        }
        if (!customIds.isEmpty()) {
            jdbc.sql("SELECT permissions FROM custom_roles WHERE company_id = :company AND id IN (:ids)")
                    .param("company", company.value()).param("ids", customIds)
                    .query(String.class).list()
                    .forEach(codes -> permissions.addAll(parse(codes)));
        }
        return permissions;
    }

    /**
     * The permissions of each role of {@code roleIds}, company by company ({@link #permissionsOf}
     * for a page of companies at once): the built-in ones from the code, the custom ones in one
     * statement at most. A role unknown in its company is left out (it grants nothing).
     */
    Map<CompanyId, Map<String, Set<Permission>>> permissionsByRole(Map<CompanyId, ? extends Collection<String>> roleIds) {
        Map<CompanyId, Map<String, Set<Permission>>> byCompany = new HashMap<>();
        Set<String> customIds = new HashSet<>();
        roleIds.forEach((company, ids) -> {
            for (String id : ids) {
                BuiltInRole.byId(id).ifPresentOrElse(role -> byCompany.computeIfAbsent(company, c -> new HashMap<>())
                        .put(id, role.asRole().permissions()), () -> customIds.add(id));
            }
        });
        if (!customIds.isEmpty()) {
            List<String> companies = roleIds.keySet().stream().map(CompanyId::value).toList();
            jdbc.sql("SELECT company_id, id, permissions FROM custom_roles WHERE company_id IN (:companies) AND id IN (:ids)")
                    .param("companies", companies).param("ids", customIds)
                    .query((rs, n) -> new Object[] {new CompanyId(rs.getString(1)), rs.getString(2), parse(rs.getString(3))})
                    .list().stream()
                    // a custom role's id is unique, and its company is the one it was asked of
                    .filter(row -> roleIds.get((CompanyId) row[0]) != null
                            && roleIds.get((CompanyId) row[0]).contains((String) row[1]))
                    .forEach(row -> byCompany.computeIfAbsent((CompanyId) row[0], c -> new HashMap<>())
                            .put((String) row[1], castPermissions(row[2])));
        }
        return byCompany;
    }

    @SuppressWarnings("unchecked")
    private static Set<Permission> castPermissions(Object permissions) {
        return (Set<Permission>) permissions;
    }

    /** The union of the permissions of {@code roleIds} among {@code byRole}: what their holder may do. */
    static Set<Permission> union(Map<String, Set<Permission>> byRole, Collection<String> roleIds) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String id : roleIds) {
            permissions.addAll(byRole.getOrDefault(id, Set.of()));
        }
        return permissions;
    }

    /**
     * Creates a custom role. It may only carry permissions its creator holds (403 otherwise):
     * {@code roles.manage} alone must not mint an administrator's role.
     */
    @Transactional
    public Role create(CompanyAccess creator, String name, List<String> permissionCodes) {
        CompanyId company = creator.company();
        Definition definition = definition(name, permissionCodes);
        if (!creator.permissions().containsAll(definition.permissions())) {
            throw new Problems.Forbidden("permissions-not-held", "You cannot create a role with permissions you do"
                    + " not have yourself").coded("PERMISSIONS_NOT_HELD");
        }
        Role role = new Role(Ids.newId(), definition.name(), false, definition.permissions());
        try {
            jdbc.sql("INSERT INTO custom_roles (id, company_id, name, permissions, version, created_at) VALUES (?, ?, ?, ?, 0, ?)")
                    .params(role.id(), company.value(), role.name(), codes(role.permissions()),
                            Instant.now().atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(definition.name());
        }
        events.publishEvent(new AccessEvents.RoleCreated(company, role.id(), role.name(), codes(role.permissions())));
        return role;
    }

    /**
     * Renames a custom role and replaces its permissions; whoever holds it gets the new permissions
     * at once. Built-in roles are fixed (409). Callers authorize {@code roles.manage} first; the
     * editor must moreover hold every permission the role carries before and after the change, as
     * for granting it (403): otherwise someone holding a custom role with {@code roles.manage} alone
     * could widen their own role.
     */
    @Transactional
    public Role update(CompanyId company, String roleId, String name, List<String> permissionCodes,
            CompanyAccess editor) {
        if (!editor.company().equals(company)) {
            throw new IllegalArgumentException("The editor's access is to another company");
        }
        Optional<Role> builtIn = BuiltInRole.byId(roleId).map(BuiltInRole::asRole);
        if (builtIn.isPresent()) {
            throw new Problems.Conflict("built-in-role", "'" + builtIn.get().name() + "' is a built-in role: its name"
                    + " and permissions are fixed; create a custom role instead")
                    .coded("BUILT_IN_ROLE_FIXED", RoleWording.of(builtIn.get()));
        }
        Role before = jdbc.sql("SELECT id, name, permissions FROM custom_roles WHERE company_id = ? AND id = ? FOR UPDATE")
                .params(company.value(), roleId)
                .query((rs, n) -> custom(rs.getString("id"), rs.getString("name"), rs.getString("permissions")))
                .optional()
                .orElseThrow(() -> new Problems.NotFound("No role " + roleId + " in this company").coded("NO_ROLE_HERE", roleId));
        Definition definition = definition(name, permissionCodes);
        if (!editor.permissions().containsAll(before.permissions())
                || !editor.permissions().containsAll(definition.permissions())) {
            throw new Problems.Forbidden("permissions-not-held", "You cannot change the role '" + before.name()
                    + "': it would carry, or carries, permissions you do not have").coded("ROLE_CHANGE_TOO_STRONG", RoleWording.of(before));
        }
        Role after = new Role(roleId, definition.name(), false, definition.permissions());
        try {
            jdbc.sql("UPDATE custom_roles SET name = ?, permissions = ?, version = version + 1"
                            + " WHERE company_id = ? AND id = ?")
                    .params(after.name(), codes(after.permissions()), company.value(), roleId)
                    .update();
        } catch (DuplicateKeyException e) {
            throw nameTaken(after.name());
        }
        events.publishEvent(new AccessEvents.RoleUpdated(company, roleId, before.name(), codes(before.permissions()),
                after.name(), codes(after.permissions()), editor.caller().accountId()));
        return after;
    }

    /** A custom role of the company, locked until the transaction ends (for its deletion). */
    Optional<Role> lockCustom(CompanyId company, String roleId) {
        return jdbc.sql("SELECT id, name, permissions FROM custom_roles WHERE company_id = ? AND id = ? FOR UPDATE")
                .params(company.value(), roleId)
                .query((rs, n) -> custom(rs.getString("id"), rs.getString("name"), rs.getString("permissions")))
                .optional();
    }

    /** Removes a custom role no one holds any more (see {@link RoleDeletion}), announcing who deleted it. */
    void remove(CompanyId company, Role role, String byAccountId) {
        jdbc.sql("DELETE FROM custom_roles WHERE company_id = ? AND id = ?").params(company.value(), role.id()).update();
        events.publishEvent(new AccessEvents.RoleDeleted(company, role.id(), role.name(), codes(role.permissions()),
                byAccountId));
    }

    /** How many people hold each role of the company that anyone holds, by role id. */
    public java.util.Map<String, Long> holders(CompanyId company) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT role_id, COUNT(*) FROM role_assignments WHERE company_id = ? GROUP BY role_id")
                .param(company.value())
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
                .list();
        return counts;
    }

    /**
     * Locks a custom role's row for the length of a grant's transaction, so that a deletion (which
     * locks it too) sees the grant, or the grant sees the role gone. Built-in roles have no row.
     */
    boolean lockForGrant(CompanyId company, String roleId) {
        if (BuiltInRole.byId(roleId).isPresent()) {
            return true;
        }
        // FOR UPDATE rather than FOR SHARE, which H2 lacks: grants of one custom role queue briefly
        return jdbc.sql("SELECT id FROM custom_roles WHERE company_id = ? AND id = ? FOR UPDATE")
                .params(company.value(), roleId).query(String.class).optional().isPresent();
    }

    /** A valid name (not a built-in one) and known permission codes, or every error at once. */
    private static Definition definition(String name, List<String> permissionCodes) {
        FieldErrors errors = new FieldErrors().required("name", name)
                .maxLength("name", name == null ? null : name.trim(), MAX_NAME);
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (permissionCodes == null) {
            errors.add("permissions", "is required (it may be an empty list)");
        } else {
            for (String code : permissionCodes) {
                Permission.byCode(code).ifPresentOrElse(permissions::add, () -> errors.add("permissions",
                        "'" + code + "' is not a permission; use " + Arrays.stream(Permission.values())
                                .map(Permission::code).collect(Collectors.joining(", "))));
            }
        }
        errors.throwIfAny();
        String trimmed = name.trim();
        if (BuiltInRole.byId(trimmed.toUpperCase()).isPresent() || Arrays.stream(BuiltInRole.values())
                .anyMatch(role -> role.asRole().name().equalsIgnoreCase(trimmed))) {
            throw new Problems.Conflict("role-name-taken", "'" + trimmed + "' is the name of a built-in role").coded("ROLE_NAME_BUILT_IN", trimmed);
        }
        return new Definition(trimmed, permissions);
    }

    private record Definition(String name, Set<Permission> permissions) {
    }

    private static io.roster.shared.ProblemException nameTaken(String name) {
        return new Problems.Conflict("role-name-taken", "The company already has a role named '" + name + "'").coded("ROLE_NAME_TAKEN", name);
    }

    private static Role custom(String id, String name, String codes) {
        return new Role(id, name, false, parse(codes));
    }

    static Set<Permission> parse(String codes) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String code : codes.trim().split("\\s+")) {
            Permission.byCode(code).ifPresent(permissions::add);
        }
        return permissions;
    }

    static String codes(Set<Permission> permissions) {
        return permissions.stream().map(Permission::code).collect(Collectors.joining(" "));
    }
}
