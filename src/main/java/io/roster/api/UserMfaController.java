package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.SecondFactors;
import io.roster.shared.CompanyId;
import io.roster.shared.Problems;
import io.roster.users.UserLifecycle;
import io.roster.users.UserRow;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's second factors as an administrator of their company sees them (docs/rules.md §21):
 * whether they have one, and the reset for someone who lost their phone and their recovery codes.
 * Only the company that owns the account resets it, and only an administrator who outranks them.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/users/{id}/mfa")
class UserMfaController {

    private final Guard guard;
    private final UserLifecycle lifecycle;
    private final SecondFactors factors;

    UserMfaController(Guard guard, UserLifecycle lifecycle, SecondFactors factors) {
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.factors = factors;
    }

    /** {@code passkeys}: how many passkeys the person has. */
    record Enrolled(boolean totp, int passkeys) {
    }

    @GetMapping
    Enrolled get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id) {
        UserRow row = owned(guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_READ), id);
        var status = factors.status(row.id());
        return new Enrolled(status.totp(), status.passkeys());
    }

    /** Removes the person's app, passkeys and recovery codes; they are mailed, and the reset is audited. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id) {
        CompanyAccess access = guard.requireCompany(caller, new CompanyId(companyId), Permission.USERS_MANAGE);
        UserRow row = owned(access, id);
        guard.requireOutranks(access, row.id());
        factors.reset(access.company(), row.id(), caller.accountId());
    }

    private UserRow owned(CompanyAccess access, String id) {
        UserRow row = lifecycle.row(access.company(), id);
        if (row.external()) {
            throw new Problems.Forbidden("external-user", "This is an external user: only the company that owns the"
                    + " account resets its second factor").coded("EXTERNAL_USER_MFA");
        }
        return row;
    }
}
