package io.roster.web;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.Role;
import io.roster.access.RoleAssignments;
import io.roster.access.Roles;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.tenancy.Company;
import io.roster.tenancy.Tenancy;
import io.roster.users.Accounts;
import io.roster.users.UserLifecycle;
import io.roster.users.UserStatus;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Roles a partner member may hand out in an attached company, and the rule of who may receive
 * one — the same as the API's: anyone in that company's Users table, or an active person of
 * another company of the same partner (who then shows there as external).
 */
@Component
class PartnerRoleChoices {

    private final Guard guard;
    private final Roles roles;
    private final RoleAssignments assignments;
    private final UserLifecycle lifecycle;
    private final Accounts accounts;
    private final Tenancy tenancy;
    private final PartnerWording wording;

    PartnerRoleChoices(Guard guard, Roles roles, RoleAssignments assignments, UserLifecycle lifecycle, Accounts accounts,
            Tenancy tenancy, PartnerWording wording) {
        this.guard = guard;
        this.roles = roles;
        this.assignments = assignments;
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.tenancy = tenancy;
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
                .map(role -> new Option(role.id(), wording.role(role, locale)))
                .toList();
    }

    /** Gives {@code accountId} the role in {@code company}; returns the role granted. */
    Role grant(Caller caller, Company company, String accountId, String roleId) {
        CompanyAccess access = guard.requireCompany(caller, company.id(), Permission.USERS_MANAGE);
        if (roleId == null || roleId.isBlank()) {
            throw Problems.InvalidInput.of("roleId", "is required");
        }
        requireGrantee(access, accountId);
        assignments.grant(company.id(), accountId, roleId, access);
        return roles.find(company.id(), roleId).orElseThrow();
    }

    void revoke(Caller caller, Company company, String accountId, String roleId) {
        CompanyAccess access = guard.requireCompany(caller, company.id(), Permission.USERS_MANAGE);
        lifecycle.row(company.id(), accountId);
        assignments.revoke(company.id(), accountId, roleId, access);
    }

    private void requireGrantee(CompanyAccess access, String accountId) {
        try {
            lifecycle.row(access.company(), accountId);
        } catch (Problems.NotFound notInTable) {
            var account = accounts.recipient(accountId);
            if (account.isEmpty() || account.get().homeCompanyId() == null) {
                throw notInTable;
            }
            boolean samePartner = Objects.equals(tenancy.company(new CompanyId(account.get().homeCompanyId())).partnerId(),
                    tenancy.company(access.company()).partnerId());
            if (!(access.caller().operator() || (access.actsAsPartner() && samePartner))) {
                throw notInTable;
            }
            if (account.get().status() != UserStatus.ACTIVE) {
                throw new Problems.Conflict("grantee-not-active",
                        "Only an active user can be given a role in another company: activate the user first");
            }
        }
    }
}
