package io.roster.access;

/** Company permissions (docs/rules.md §6). */
public enum Permission {
    USERS_READ("users.read"),
    USERS_MANAGE("users.manage"),
    ROLES_MANAGE("roles.manage"),
    WORKSPACES_READ("workspaces.read"),
    WORKSPACES_MANAGE("workspaces.manage"),
    BILLING_MANAGE("billing.manage"),
    AUDIT_READ("audit.read");

    private final String code;

    Permission(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static java.util.Optional<Permission> byCode(String code) {
        for (Permission permission : values()) {
            if (permission.code.equals(code)) {
                return java.util.Optional.of(permission);
            }
        }
        return java.util.Optional.empty();
    }
}
