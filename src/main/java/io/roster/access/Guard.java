package io.roster.access;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The authorization check at the entry of every operation. A company or partner the caller has
 * no standing in answers 404 exactly like one that does not exist (ids are not to be probed);
 * standing without the needed permission answers 403 naming the permission. Standing comes from
 * the home company, a company role, a partner role over the company, or a workspace right there.
 */
@Component
public class Guard {

    private final JdbcClient jdbc;
    private final Roles roles;
    private final RoleAssignments assignments;
    private final PartnerMembers partnerMembers;

    Guard(JdbcClient jdbc, Roles roles, RoleAssignments assignments, PartnerMembers partnerMembers) {
        this.jdbc = jdbc;
        this.roles = roles;
        this.assignments = assignments;
        this.partnerMembers = partnerMembers;
    }

    public void requireOperator(Caller caller) {
        requireCaller(caller);
        if (!caller.operator()) {
            throw new Problems.Forbidden("Only the platform operator may do this");
        }
        if (caller.companyScope() != null) {
            throw new Problems.Forbidden("This token is narrowed to one company: use a full token for platform operations");
        }
    }

    /** The caller's access to a company, provided it may exercise {@code permission} there. */
    public CompanyAccess requireCompany(Caller caller, CompanyId company, Permission permission) {
        CompanyAccess access = accessTo(caller, company);
        if (!access.has(permission)) {
            throw new Problems.Forbidden("You need the permission '" + permission.code() + "' in this company");
        }
        return access;
    }

    /** What the caller may do in a company; 404 when it has no standing there at all. */
    public CompanyAccess accessTo(Caller caller, CompanyId company) {
        requireCaller(caller);
        if (caller.companyScope() != null && !caller.companyScope().equals(company.value())) {
            throw noCompany(company);
        }
        Optional<String> partnerOfCompany = jdbc.sql("SELECT COALESCE(partner_id, '') FROM companies WHERE id = ?")
                .param(company.value()).query(String.class).optional();
        if (partnerOfCompany.isEmpty()) {
            throw noCompany(company);
        }
        if (caller.operator()) {
            return new CompanyAccess(caller, company, EnumSet.allOf(Permission.class), null, true);
        }
        List<String> roleIds = assignments.roleIdsOf(company, caller.accountId());
        Set<Permission> permissions = roleIds.isEmpty() ? EnumSet.noneOf(Permission.class)
                : roles.permissionsOf(company, roleIds);
        PartnerRole viaPartner = partnerOfCompany.get().isEmpty() ? null
                : partnerMembers.roleOf(new PartnerId(partnerOfCompany.get()), caller.accountId()).orElse(null);
        if (viaPartner != null) {
            permissions.addAll(viaPartner.companyPermissions());
        }
        boolean member = company.value().equals(caller.homeCompanyId()) || !roleIds.isEmpty() || viaPartner != null;
        if (!member && !holdsWorkspaceRight(company, caller.accountId())) {
            throw noCompany(company);
        }
        return new CompanyAccess(caller, company, permissions, viaPartner, member);
    }

    /**
     * A right on one of the company's workspaces gives standing without any permission, so an
     * outside person can reach the workspaces it was let into. Read in SQL: the workspaces module
     * depends on this one, not the other way round.
     */
    private boolean holdsWorkspaceRight(CompanyId company, String accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM workspace_members WHERE company_id = ? AND account_id = ?")
                .params(company.value(), accountId).query(Long.class).single() > 0;
    }

    /**
     * May the caller act in this partner space? Members see it; {@code adminOnly} operations need
     * PARTNER_ADMIN. People of a company never reach a partner space (404).
     */
    public void requirePartner(Caller caller, PartnerId partner, boolean adminOnly) {
        requireCaller(caller);
        if (caller.companyScope() != null) {
            // a token narrowed to a company never reaches a partner space, whoever owns it
            throw new Problems.NotFound("No partner " + partner);
        }
        if (caller.operator()) {
            return;
        }
        PartnerRole role = partnerMembers.roleOf(partner, caller.accountId()).orElse(null);
        if (role == null) {
            throw new Problems.NotFound("No partner " + partner);
        }
        if (adminOnly && role != PartnerRole.PARTNER_ADMIN) {
            throw new Problems.Forbidden("Only a partner administrator may do this");
        }
    }

    private static void requireCaller(Caller caller) {
        if (caller == null) {
            throw new Problems.Unauthorized("Sign in first");
        }
    }

    private static Problems.NotFound noCompany(CompanyId company) {
        return new Problems.NotFound("No company " + company);
    }
}
