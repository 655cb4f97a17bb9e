package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.Role;
import io.roster.access.RoleAssignments;
import io.roster.access.RoleGrants;
import io.roster.access.Roles;
import io.roster.shared.Problems;
import io.roster.tenancy.Company;
import io.roster.users.UserLifecycle;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Roles a partner member may hand out in an attached company. Who may receive one is the rule
 * the API applies too ({@link RoleGrants}).
 */
@Component
class PartnerRoleChoices {

    private final Guard guard;
    private final Roles roles;
    private final RoleAssignments assignments;
    private final UserLifecycle lifecycle;
    private final RoleGrants grants;
    private final RoleLabels wording;

    PartnerRoleChoices(Guard guard, Roles roles, RoleAssignments assignments, UserLifecycle lifecycle,
            RoleGrants grants, RoleLabels wording) {
        this.guard = guard;
        this.roles = roles;
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.grants = grants;
        this.wording = wording;
    }

    /** A role as a picker shows it. */
    record Option(String id, String name) {
    }

    /** The company's roles (built-in, then custom) whose permissions the caller holds there itself. */
    List<Option> grantable(Caller caller, Company company, Locale locale) {
        CompanyAccess access = guard.requireCompany(caller, company.id(), Permission.USERS_MANAGE);
        return roles.of(company.id()).stream()
                .filter(role -> access.permissions().containsAll(role.permissions()))
                .map(role -> new Option(role.id(), wording.name(role, locale)))
                .toList();
    }

    /** Gives {@code accountId} the role in {@code company}; returns the role granted. */
    Role grant(Caller caller, Company company, String accountId, String roleId) {
        CompanyAccess access = guard.requireCompany(caller, company.id(), Permission.USERS_MANAGE);
        if (roleId == null || roleId.isBlank()) {
            throw Problems.InvalidInput.of("roleId", "is required");
        }
        grants.grant(access, accountId, roleId);
        return roles.find(company.id(), roleId).orElseThrow();
    }

    void revoke(Caller caller, Company company, String accountId, String roleId) {
        CompanyAccess access = guard.requireCompany(caller, company.id(), Permission.USERS_MANAGE);
        lifecycle.row(company.id(), accountId);
        assignments.revoke(company.id(), accountId, roleId, access);
    }
}
