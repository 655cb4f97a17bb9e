package io.roster.access;

import io.roster.tenancy.GrantScope;
import java.util.EnumSet;
import java.util.Set;

/**
 * Roles in a partner space, and the company permissions they carry in every attached company.
 * A partner administrator manages the space, its members, its companies' licenses and users; a
 * partner user manager manages the users of every attached company.
 */
public enum PartnerRole {
    PARTNER_ADMIN(EnumSet.allOf(Permission.class)),
    PARTNER_USER_MANAGER(EnumSet.of(Permission.USERS_READ, Permission.USERS_MANAGE, Permission.WORKSPACES_READ));

    private final Set<Permission> companyPermissions;

    PartnerRole(Set<Permission> companyPermissions) {
        this.companyPermissions = companyPermissions;
    }

    public Set<Permission> companyPermissions() {
        return companyPermissions;
    }

    /**
     * What the role carries in a company whose grant has this scope: {@code users} opens the
     * management of users, roles, workspaces and the audit; {@code billing} the licenses.
     */
    public Set<Permission> companyPermissions(Set<GrantScope> scope) {
        Set<Permission> opened = EnumSet.noneOf(Permission.class);
        if (scope.contains(GrantScope.USERS)) {
            opened.addAll(EnumSet.of(Permission.USERS_READ, Permission.USERS_MANAGE, Permission.ROLES_MANAGE,
                    Permission.WORKSPACES_READ, Permission.WORKSPACES_MANAGE, Permission.AUDIT_READ));
        }
        if (scope.contains(GrantScope.BILLING)) {
            opened.add(Permission.BILLING_MANAGE);
        }
        opened.retainAll(companyPermissions);
        return opened;
    }
}
