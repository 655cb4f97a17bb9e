package io.roster.tenancy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a partner's access grant lets its staff do in the company. */
public enum GrantScope {
    /** Manage the company's users, their roles and its workspaces. */
    USERS("users"),
    /** Change the company's licenses. */
    BILLING("billing");

    private final String code;

    GrantScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<GrantScope> byCode(String code) {
        for (GrantScope scope : values()) {
            if (scope.code.equals(code)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** Both scopes: what a company opened by a partner, or an acceptance that names none, grants. */
    public static Set<GrantScope> all() {
        return EnumSet.allOf(GrantScope.class);
    }
}
