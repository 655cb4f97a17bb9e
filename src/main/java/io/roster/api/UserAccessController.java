package io.roster.api;

import io.roster.access.ApiTokens;
import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.RoleAssignments;
import io.roster.access.RoleGrants;
import io.roster.access.Roles;
import io.roster.access.SignInThrottle;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.Problems;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a user may do in a company and how it signs in: role assignments, the sign-in lock, and
 * the user's API tokens, as an administrator of the company sees them.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/users/{id}")
class UserAccessController {

    private final Guard guard;
    private final UserLifecycle lifecycle;
    private final Roles roles;
    private final RoleAssignments assignments;
    private final SignInThrottle throttle;
    private final ApiTokens tokens;
    private final RoleGrants grants;

    UserAccessController(Guard guard, UserLifecycle lifecycle, Roles roles, RoleAssignments assignments,
            SignInThrottle throttle, ApiTokens tokens, RoleGrants grants) {
        this.grants = grants;
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.roles = roles;
        this.assignments = assignments;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    record RoleRequest(String roleId) {
    }

    record SignInLockView(int failures, Instant lockedUntil, boolean locked) {
    }

    @GetMapping("/roles")
    Page<RolesController.RoleView> roles(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        CompanyId company = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_READ).company();
        lifecycle.row(company, id);
        List<RolesController.RoleView> held = assignments.roleIdsOf(company, id).stream()
                .map(roleId -> roles.find(company, roleId)).flatMap(java.util.Optional::stream)
                .map(RolesController.RoleView::of).toList();
        return new Page<>(held, null);
    }

    @PostMapping("/roles")
    @ResponseStatus(HttpStatus.CREATED)
    RolesController.RoleView grant(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id, @RequestBody RoleRequest request) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        grants.grant(access, id, request.roleId());
        return RolesController.RoleView.of(roles.find(access.company(), request.roleId()).orElseThrow());
    }

    @DeleteMapping("/roles/{roleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @PathVariable String roleId) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        lifecycle.row(access.company(), id);
        assignments.revoke(access.company(), id, roleId, access);
    }

    @GetMapping("/sign-in-lock")
    SignInLockView signInLock(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        UserRow row = owned(caller, companyId, id, Permission.USERS_READ);
        return throttle.lockOf(row.id()).map(lock -> new SignInLockView(lock.failures(), lock.lockedUntil(), lock.locked()))
                .orElse(new SignInLockView(0, null, false));
    }

    @DeleteMapping("/sign-in-lock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clearSignInLock(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id) {
        UserRow row = owned(caller, companyId, id, Permission.USERS_MANAGE);
        throttle.clearBy(row.homeCompanyId(), row.id(), caller.accountId());
    }

    @GetMapping("/tokens")
    Page<ApiTokens.TokenInfo> tokens(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String id) {
        UserRow row = owned(caller, companyId, id, Permission.USERS_MANAGE);
        return new Page<>(tokens.of(row.id()), null);
    }

    @DeleteMapping("/tokens/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeToken(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id,
            @PathVariable String tokenId) {
        UserRow row = owned(caller, companyId, id, Permission.USERS_MANAGE);
        guard.requireOutranks(guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE), id);
        tokens.revokeOf(row.id(), tokenId);
    }

    /** Sign-in and tokens of a person are the business of the company that owns the account. */
    private UserRow owned(Caller caller, String companyId, String id, Permission permission) {
        CompanyId company = guard.requireCompany(caller, new CompanyId(companyId), permission).company();
        UserRow row = lifecycle.row(company, id);
        if (row.external()) {
            throw new Problems.Forbidden("This is an external user: only the company that owns the account manages its sign-in").coded("EXTERNAL_USER_SIGN_IN");
        }
        return row;
    }
}
