package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.SecurityPolicy;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A company's security policy (docs/rules.md §21): {@code requireMfaForAdmins}. Read by whoever may
 * manage roles there, changed by whoever may manage roles and users (an administrator).
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/security")
class CompanySecurityController {

    private final Guard guard;
    private final SecurityPolicy policy;

    CompanySecurityController(Guard guard, SecurityPolicy policy) {
        this.guard = guard;
        this.policy = policy;
    }

    record PolicyRequest(Boolean requireMfaForAdmins) {
    }

    @GetMapping
    SecurityPolicy.Policy get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        return policy.of(guard.requireCompany(caller, new CompanyId(companyId), Permission.ROLES_MANAGE).company());
    }

    @PutMapping
    SecurityPolicy.Policy change(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestBody PolicyRequest request) {
        CompanyId company = new CompanyId(companyId);
        guard.requireCompany(caller, company, Permission.USERS_MANAGE);
        CompanyAccess access = guard.requireCompany(caller, company, Permission.ROLES_MANAGE);
        if (request == null || request.requireMfaForAdmins() == null) {
            throw Problems.InvalidInput.of("requireMfaForAdmins", "must be true or false");
        }
        return policy.change(access, request.requireMfaForAdmins());
    }
}
