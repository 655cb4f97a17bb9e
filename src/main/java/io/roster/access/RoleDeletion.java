package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deleting a company's custom role: from the console or the REST API only when nobody holds it;
 * as a SCIM Group the directory removes, after its holders lose it, each through the one revocation
 * ({@link RoleAssignments#revoke}), so the Users table's links, the audit, notifications and
 * webhooks follow. Either way the role goes audited as {@code role.deleted}.
 */
@Service
public class RoleDeletion {

    private final Roles roles;
    private final RoleAssignments assignments;
    private final ProvisioningSettings settings;

    RoleDeletion(Roles roles, RoleAssignments assignments, ProvisioningSettings settings) {
        this.roles = roles;
        this.assignments = assignments;
        this.settings = settings;
    }

    /**
     * The console's and the REST API's deletion: only a role nobody holds (409 with how many hold
     * it otherwise: take it from them first).
     */
    @Transactional
    public void deleteUnused(CompanyAccess deleter, String roleId) {
        Role role = lockDeletable(deleter, roleId);
        long holders = roles.holders(deleter.company()).getOrDefault(roleId, 0L);
        if (holders > 0) {
            throw new Problems.Conflict("role-in-use", "The role '" + role.name() + "' is held by " + holders
                    + " people: remove it from them first", java.util.Map.of("holders", holders)).coded("ROLE_HELD", RoleWording.of(role), holders);
        }
        roles.remove(deleter.company(), role, deleter.caller().accountId());
    }

    /**
     * The directory's deletion of a Group: its holders lose the role first, each revocation
     * announced as for any other, then the role goes.
     */
    @Transactional
    public void delete(CompanyAccess deleter, String roleId) {
        CompanyId company = deleter.company();
        Role role = lockDeletable(deleter, roleId);
        for (String accountId : assignments.holders(company, roleId)) {
            assignments.revoke(company, accountId, roleId, deleter);
        }
        roles.remove(company, role, deleter.caller().accountId());
    }

    /**
     * The custom role, locked (grants lock it too, so none slips in before the delete). Built-in
     * roles cannot be deleted (409), nor the role the company gives the people its directory
     * provisions (409: the setting would name nothing). The deleter must hold every permission the
     * role carries, as for granting it (403).
     */
    private Role lockDeletable(CompanyAccess deleter, String roleId) {
        CompanyId company = deleter.company();
        Optional<Role> builtIn = BuiltInRole.byId(roleId).map(BuiltInRole::asRole);
        if (builtIn.isPresent()) {
            throw new Problems.Conflict("built-in-role", "'" + builtIn.get().name() + "' is a built-in role: it cannot be"
                    + " deleted").coded("BUILT_IN_ROLE_UNDELETABLE", RoleWording.of(builtIn.get()));
        }
        Role role = roles.lockCustom(company, roleId)
                .orElseThrow(() -> new Problems.NotFound("No role " + roleId + " in this company").coded("NO_ROLE_HERE", roleId));
        if (!deleter.permissions().containsAll(role.permissions())) {
            throw new Problems.Forbidden("permissions-not-held", "You cannot delete the role '" + role.name()
                    + "': it carries permissions you do not have").coded("ROLE_DELETE_TOO_STRONG", RoleWording.of(role));
        }
        if (settings.of(company).defaultRoleId().equals(roleId)) {
            throw new Problems.Conflict("role-in-use", "'" + role.name() + "' is the role the company gives the people"
                    + " its directory provisions: choose another one on the Roles page first").coded("ROLE_PROVISIONED", RoleWording.of(role));
        }
        return role;
    }
}
