package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.shared.CompanyId;
import io.roster.shared.FieldError;
import io.roster.shared.Page;
import io.roster.shared.Problems;
import io.roster.tenancy.GrantScope;
import io.roster.tenancy.PartnerAccess;
import io.roster.tenancy.PartnerGrant;
import io.roster.tenancy.Tenancy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A company's answer to its partners: the access grants, accepted or revoked by its administrators. */
@RestController
@RequestMapping("/api/v1/companies/{companyId}/partner-access")
class PartnerAccessController {

    private final Guard guard;
    private final PartnerAccess access;
    private final Tenancy tenancy;

    PartnerAccessController(Guard guard, PartnerAccess access, Tenancy tenancy) {
        this.guard = guard;
        this.access = access;
        this.tenancy = tenancy;
    }

    /** {@code scope} codes and {@code endsAt} (RFC 3339), both optional. */
    record AcceptRequest(List<String> scope, String endsAt) {
    }

    record GrantView(String id, String partnerId, String partnerName, String status, List<String> scope,
            Instant endsAt, boolean requestWaiting, boolean current) {
    }

    @GetMapping
    Page<GrantView> list(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        CompanyId company = guard.requireCompanyAdministrator(caller, new CompanyId(companyId)).company();
        // a company has a grant per partner that ever opened it or asked: a handful, one page
        return new Page<>(access.ofCompany(company).stream().map(this::view).toList(), null);
    }

    @PostMapping("/{grantId}/accept")
    GrantView accept(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String grantId, @RequestBody(required = false) AcceptRequest request) {
        CompanyId company = guard.requireCompanyAdministrator(caller, new CompanyId(companyId)).company();
        Set<GrantScope> scope = request == null ? null : scope(request.scope());
        Instant endsAt = request == null ? null : endsAt(request.endsAt());
        return view(access.accept(company, grantId, scope, endsAt, caller.accountId()));
    }

    @PostMapping("/{grantId}/revoke")
    GrantView revoke(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String grantId) {
        CompanyId company = guard.requireCompanyAdministrator(caller, new CompanyId(companyId)).company();
        return view(access.revoke(company, grantId, caller.accountId()));
    }

    /** Refuses a request waiting: a PENDING one (the grant is REVOKED), or a renewal (the grant stays ACTIVE). */
    @PostMapping("/{grantId}/decline")
    GrantView decline(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @PathVariable String grantId) {
        CompanyId company = guard.requireCompanyAdministrator(caller, new CompanyId(companyId)).company();
        return view(access.decline(company, grantId, caller.accountId()));
    }

    private GrantView view(PartnerGrant grant) {
        return new GrantView(grant.id(), grant.partnerId().value(), tenancy.partner(grant.partnerId()).name(),
                grant.status().name(), codes(grant.scope()), grant.endsAt(), grant.requestWaiting(),
                access.isCurrent(grant));
    }

    static List<String> codes(Set<GrantScope> scope) {
        return scope.stream().sorted().map(GrantScope::code).toList();
    }

    private static Set<GrantScope> scope(List<String> codes) {
        if (codes == null) {
            return null;
        }
        Set<GrantScope> scope = EnumSet.noneOf(GrantScope.class);
        for (String code : codes) {
            scope.add(GrantScope.byCode(code).orElseThrow(() -> Problems.InvalidInput.of(new FieldError("scope",
                    "'" + code + "' is not a scope: use 'users' or 'billing'", "GRANT_SCOPE_UNKNOWN", List.of(String.valueOf(code))))));
        }
        return scope;
    }

    private static Instant endsAt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problems.InvalidInput.of(new FieldError("endsAt", "is not an RFC 3339 time such as 2030-01-31T00:00:00Z",
                    "GRANT_END_FORMAT", List.of()));
        }
    }
}
