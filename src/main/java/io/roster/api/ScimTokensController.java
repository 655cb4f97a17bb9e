package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.access.ScimTokens;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A company's SCIM tokens, for its directory. A SCIM token creates and removes the company's people
 * and grants any company role by Group, so only someone holding every company permission — an
 * administrator — manages them.
 */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/scim-tokens")
class ScimTokensController {

    private final ScimTokens tokens;
    private final Guard guard;

    ScimTokensController(ScimTokens tokens, Guard guard) {
        this.tokens = tokens;
        this.guard = guard;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ScimTokens.IssuedScimToken create(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        CompanyId company = requireAdministrator(caller, companyId);
        return tokens.create(company, caller.accountId());
    }

    @GetMapping
    Page<ScimTokens.ScimTokenInfo> list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        CompanyId company = requireAdministrator(caller, companyId);
        // at most 200 newest tokens: one page, so no cursor
        return new Page<>(tokens.of(company), null);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal Caller caller, @PathVariable String companyId, @PathVariable String id) {
        CompanyId company = requireAdministrator(caller, companyId);
        tokens.revoke(company, id, caller.accountId());
    }

    private CompanyId requireAdministrator(Caller caller, String companyId) {
        CompanyId company = new CompanyId(companyId);
        // a SCIM token grants any company role through Groups: only someone holding every permission
        for (Permission permission : Permission.values()) {
            guard.requireCompany(caller, company, permission);
        }
        return company;
    }
}
