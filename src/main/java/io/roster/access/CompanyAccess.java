package io.roster.access;

import io.roster.shared.CompanyId;
import java.util.Set;

/**
 * What a caller may do in one company, and on what grounds: the operator, company roles, or a
 * partner role ({@code viaPartner}, so every such action can be recorded as a partner action).
 * {@code member} is false when the caller holds no role there: its standing is only a right on
 * some of the company's workspaces (or it is its home with no role left), so it sees those
 * workspaces and nothing else of the company.
 */
public record CompanyAccess(Caller caller, CompanyId company, Set<Permission> permissions, PartnerRole viaPartner,
        boolean member) {

    /** Access with a member's standing (role, partner or operator). */
    public CompanyAccess(Caller caller, CompanyId company, Set<Permission> permissions, PartnerRole viaPartner) {
        this(caller, company, permissions, viaPartner, true);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean actsAsPartner() {
        return viaPartner != null;
    }
}
