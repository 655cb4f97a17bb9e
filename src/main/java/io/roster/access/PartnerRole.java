package io.roster.access;

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
}
