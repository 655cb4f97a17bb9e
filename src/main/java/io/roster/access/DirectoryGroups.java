package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import io.roster.users.UserLifecycle;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's roles as its directory's Groups (SCIM, docs/rules.md §19): a new Group is a custom
 * role with no permission, a member holds the role. Every grant and revocation goes through the
 * one role-grant path ({@link RoleGrants}, {@link RoleAssignments#revoke}), so the Users table's
 * links, the audit, notifications and webhooks see them like any other. Each call is one
 * transaction: a change that fails half-way leaves nothing of itself.
 *
 * <p>A Group's version (its SCIM ETag) is a digest of what a directory sees of it, its name and its
 * members: it changes whenever either does, needs no column, and costs the one read of the holders
 * a Group's members already take. A change or deletion naming a version checks it in its own
 * transaction, before touching anything (412 when stale).
 */
@Service
public class DirectoryGroups {

    /** How one step of a change treats the members it names. */
    public enum Kind { ADD, REMOVE, REPLACE, REMOVE_ALL }

    /** One step of a change of members: the account ids it names (none for {@link Kind#REMOVE_ALL}). */
    public record Membership(Kind kind, Collection<String> accountIds) {
    }

    private final Roles roles;
    private final RoleAssignments assignments;
    private final RoleGrants grants;
    private final RoleDeletion deletion;
    private final UserLifecycle users;

    DirectoryGroups(Roles roles, RoleAssignments assignments, RoleGrants grants, RoleDeletion deletion,
            UserLifecycle users) {
        this.roles = roles;
        this.assignments = assignments;
        this.grants = grants;
        this.deletion = deletion;
        this.users = users;
    }

    /** A custom role with no permission, named {@code displayName}, held by {@code members}. */
    @Transactional
    public Role create(CompanyAccess access, String displayName, Collection<String> members) {
        requireMembers(access, members);
        Role role = roles.create(access, displayName, List.of());
        for (String accountId : new LinkedHashSet<>(members)) {
            grants.grant(access, accountId, role.id());
        }
        return role;
    }

    /**
     * Renames the role when {@code displayName} is given and differs (custom roles only: a built-in
     * role's name is fixed, 409), then applies the membership steps in order. An
     * {@code expectedVersion} (null: none) that is not the Group's current version is a 412.
     */
    @Transactional
    public Role change(CompanyAccess access, String roleId, String expectedVersion, String displayName,
            List<Membership> steps) {
        Role role = find(access.company(), roleId);
        requireVersion(access.company(), role, expectedVersion);
        if (displayName != null && !displayName.trim().equalsIgnoreCase(role.name())) {
            if (role.builtIn()) {
                throw new Problems.Conflict("built-in-role", "'" + role.name() + "' is a built-in role: its name cannot"
                        + " change");
            }
            role = roles.update(access.company(), roleId, displayName,
                    role.permissions().stream().map(Permission::code).toList(), access);
        }
        for (Membership step : steps) {
            requireMembers(access, step.kind() == Kind.REMOVE ? List.of() : step.accountIds());
            switch (step.kind()) {
                case ADD -> step.accountIds().forEach(accountId -> grants.grant(access, accountId, roleId));
                case REMOVE -> step.accountIds().forEach(accountId -> revokeIfHeld(access, accountId, roleId));
                case REMOVE_ALL -> assignments.holders(access.company(), roleId)
                        .forEach(accountId -> assignments.revoke(access.company(), accountId, roleId, access));
                case REPLACE -> {
                    Set<String> wanted = new LinkedHashSet<>(step.accountIds());
                    for (String holder : assignments.holders(access.company(), roleId)) {
                        if (!wanted.remove(holder)) {
                            assignments.revoke(access.company(), holder, roleId, access);
                        }
                    }
                    wanted.forEach(accountId -> grants.grant(access, accountId, roleId));
                }
            }
        }
        return role;
    }

    /**
     * Deletes a custom role (built-in ones: 409), its holders losing it first; an
     * {@code expectedVersion} (null: none) that is not the Group's current version is a 412.
     */
    @Transactional
    public void delete(CompanyAccess access, String roleId, String expectedVersion) {
        requireVersion(access.company(), find(access.company(), roleId), expectedVersion);
        deletion.delete(access, roleId);
    }

    /** The Group's current version: see {@link #versionOf}. */
    public String version(CompanyId company, Role role) {
        return versionOf(role, assignments.holders(company, role.id()));
    }

    /**
     * The version of a Group named {@code role.name()} held by {@code holders} (in the order
     * {@link RoleAssignments#holders(CompanyId, String)} gives them): the first 16 hex digits of a
     * SHA-256 of the name and the member ids, so equal Groups have equal versions and any change of
     * name or members gives another.
     */
    public static String versionOf(Role role, List<String> holders) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(role.name().getBytes(StandardCharsets.UTF_8));
            for (String holder : holders) {
                // a separator no id holds, so ["ab","c"] and ["a","bc"] differ
                digest.update((byte) 0);
                digest.update(holder.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Role find(CompanyId company, String roleId) {
        return roles.find(company, roleId).orElseThrow(() -> new Problems.NotFound("No group " + roleId + " in this company"));
    }

    private void requireVersion(CompanyId company, Role role, String expectedVersion) {
        if (expectedVersion == null) {
            return;
        }
        String current = version(company, role);
        if (!current.equals(expectedVersion)) {
            throw new Problems.PreconditionFailed("The group was changed since you read it (its version is now "
                    + current + "): read it again and reapply your change");
        }
    }

    private void revokeIfHeld(CompanyAccess access, String accountId, String roleId) {
        if (assignments.holds(access.company(), accountId, roleId)) {
            assignments.revoke(access.company(), accountId, roleId, access);
        }
    }

    /** A member must be a row of the company's Users table: anything else is a 400 naming it, before any change. */
    private void requireMembers(CompanyAccess access, Collection<String> accountIds) {
        for (String accountId : accountIds) {
            try {
                users.row(access.company(), accountId);
            } catch (Problems.NotFound unknown) {
                throw Problems.InvalidInput.of("members", "no user '" + accountId + "' in this company");
            }
        }
    }
}
