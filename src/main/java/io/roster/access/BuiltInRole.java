package io.roster.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The company roles every company has, with fixed ids (docs/rules.md §6). */
public enum BuiltInRole {
    ADMINISTRATOR("Administrator", EnumSet.allOf(Permission.class)),
    USER_MANAGER("User manager", EnumSet.of(Permission.USERS_READ, Permission.USERS_MANAGE, Permission.WORKSPACES_READ)),
    BILLING_MANAGER("Billing manager", EnumSet.of(Permission.BILLING_MANAGE)),
    AUDITOR("Auditor", EnumSet.of(Permission.USERS_READ, Permission.WORKSPACES_READ, Permission.AUDIT_READ)),
    MEMBER("Member", EnumSet.noneOf(Permission.class));

    private final String displayName;
    private final Set<Permission> permissions;

    BuiltInRole(String displayName, Set<Permission> permissions) {
        this.displayName = displayName;
        this.permissions = permissions;
    }

    public Role asRole() {
        return new Role(name(), displayName, true, permissions);
    }

    public static Optional<BuiltInRole> byId(String id) {
        for (BuiltInRole role : values()) {
            if (role.name().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
