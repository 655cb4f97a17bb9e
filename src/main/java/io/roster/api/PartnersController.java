package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.access.PartnerRole;
import io.roster.access.PartnerStaff;
import io.roster.access.RoleAssignments;
import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import io.roster.tenancy.Company;
import io.roster.tenancy.GrantScope;
import io.roster.tenancy.GrantedCompany;
import io.roster.tenancy.Partner;
import io.roster.tenancy.PartnerAccess;
import io.roster.tenancy.PartnerGrant;
import io.roster.tenancy.Tenancy;
import io.roster.users.NewStaff;
import io.roster.users.UserRow;
import io.roster.users.UsersQuery;
import io.roster.users.UsersTable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Partner spaces: opened by the platform operator, run by their members. */
@RestController
@RequestMapping("/api/v1/partners")
class PartnersController {

    private final Tenancy tenancy;
    private final Guard guard;
    private final PartnerStaff staff;
    private final UsersTable users;
    private final RoleAssignments assignments;
    private final LicensePool licenses;

    private final ApiWording words;
    private final PartnerAccess access;

    PartnersController(Tenancy tenancy, Guard guard, PartnerStaff staff, UsersTable users, RoleAssignments assignments,
            LicensePool licenses, ApiWording words, PartnerAccess access) {
        this.access = access;
        this.words = words;
        this.tenancy = tenancy;
        this.licenses = licenses;
        this.guard = guard;
        this.staff = staff;
        this.users = users;
        this.assignments = assignments;
    }

    record PartnerRequest(String name) {
    }

    record PartnerView(String id, String name, Instant createdAt) {
        static PartnerView of(Partner partner) {
            return new PartnerView(partner.id().value(), partner.name(), partner.createdAt());
        }
    }

    record MemberRequest(String userId, String firstName, String lastName, String email, String password,
            Boolean emailVerified, String locale, PartnerRole role) {
    }

    record PartnerUserView(String companyId, UserView user) {
    }

    @PostMapping
    ResponseEntity<PartnerView> create(@AuthenticationPrincipal Caller caller, @RequestBody PartnerRequest request) {
        guard.requireOperator(caller);
        Partner partner = tenancy.createPartner(request.name());
        return Responses.created("/api/v1/partners/" + partner.id(), partner.version(), PartnerView.of(partner));
    }

    @GetMapping("/{partnerId}")
    ResponseEntity<PartnerView> get(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId) {
        Partner partner = partner(caller, partnerId, false);
        return Responses.ok(partner.version(), PartnerView.of(partner));
    }

    /** The partner's grant in one of its companies, as the partner sees it. */
    record AccessView(String grantId, String status, List<String> scope, Instant endsAt, boolean requestWaiting,
            boolean current) {
        static AccessView of(PartnerGrant grant, boolean current) {
            return new AccessView(grant.id(), grant.status().name(), PartnerAccessController.codes(grant.scope()),
                    grant.endsAt(), grant.requestWaiting(), current);
        }
    }

    /**
     * A company of the partner: all of it while the grant is current, else its name and the grant
     * only (the company decided the partner sees no more).
     */
    record PartnerCompanyView(String id, String name, String slug, String partnerId, Integer licensesPurchased,
            Integer licensesUsed, Instant createdAt, AccessView access) {
    }

    record AccessRequest(String companySlug) {
    }

    @GetMapping("/{partnerId}/companies")
    Page<PartnerCompanyView> companies(@AuthenticationPrincipal Caller caller,
            @PathVariable String partnerId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Partner partner = partner(caller, partnerId, false);
        Page<GrantedCompany> page = access.companiesOf(partner.id(), PageRequest.of(limit, cursor));
        List<CompanyId> current = page.items().stream().filter(granted -> access.isCurrent(granted.grant()))
                .map(granted -> granted.company().id()).toList();
        Map<CompanyId, LicensePool.Usage> usages = licenses.usages(current);
        return page.map(granted -> {
            Company company = granted.company();
            AccessView grant = AccessView.of(granted.grant(), usages.containsKey(company.id()));
            if (!grant.current()) {
                return new PartnerCompanyView(company.id().value(), company.name(), null, null, null, null, null, grant);
            }
            LicensePool.Usage usage = usages.get(company.id());
            return new PartnerCompanyView(company.id().value(), company.name(), company.slug(),
                    company.partnerId() == null ? null : company.partnerId().value(), usage.purchased(), usage.used(),
                    company.createdAt(), grant);
        });
    }

    /** Asks a company for access, or for the renewal of the partner's grant there (partner administrators). */
    @PostMapping("/{partnerId}/access-requests")
    ResponseEntity<AccessView> requestAccess(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestBody AccessRequest request) {
        Partner partner = partner(caller, partnerId, true);
        PartnerGrant grant = access.request(partner.id(), request == null ? null : request.companySlug(),
                caller.accountId());
        return ResponseEntity.status(201).body(AccessView.of(grant, access.isCurrent(grant)));
    }

    @GetMapping("/{partnerId}/members")
    Page<PartnerStaff.Member> members(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Partner partner = partner(caller, partnerId, false);
        return staff.list(partner.id(), PageRequest.of(limit, cursor));
    }

    @GetMapping("/{partnerId}/members/{accountId}")
    PartnerStaff.Member member(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String accountId) {
        Partner partner = partner(caller, partnerId, false);
        return staff.find(partner.id(), accountId);
    }

    @PostMapping("/{partnerId}/members")
    ResponseEntity<PartnerStaff.Member> addMember(@AuthenticationPrincipal Caller caller,
            @PathVariable String partnerId, @RequestBody MemberRequest request) {
        Partner partner = partner(caller, partnerId, true);
        String locale = request.locale() == null ? "en" : request.locale();
        if (!locale.equals("en") && !locale.equals("fr")) {
            throw Problems.InvalidInput.of("locale", "must be 'en' or 'fr'");
        }
        PartnerStaff.Member member = staff.add(partner.id(), new NewStaff(request.userId(), request.firstName(),
                request.lastName(), request.email(), request.password(), Boolean.TRUE.equals(request.emailVerified()),
                locale), request.role());
        return Responses.created("/api/v1/partners/" + partnerId + "/members/" + member.accountId(), 0, member);
    }

    @DeleteMapping("/{partnerId}/members/{accountId}")
    ResponseEntity<Void> removeMember(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @PathVariable String accountId) {
        Partner partner = partner(caller, partnerId, true);
        staff.remove(partner.id(), accountId, caller);
        return ResponseEntity.noContent().build();
    }

    /** Users across the partner's companies (filter {@code companyId}). */
    @GetMapping("/{partnerId}/users")
    Page<PartnerUserView> users(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId,
            @RequestParam(required = false) String companyId, @RequestParam(required = false) String status,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Partner partner = partner(caller, partnerId, false);
        CompanyId only = null;
        if (companyId != null && !companyId.isBlank()) {
            Company company = tenancy.company(new CompanyId(companyId));
            if (access.current(company.id(), partner.id()).filter(grant -> grant.scope().contains(GrantScope.USERS)).isEmpty()) {
                // answered like an unknown id: a partner must not learn which companies exist elsewhere
                throw new Problems.NotFound("No company " + companyId + " in this partner space").coded("NO_COMPANY_IN_PARTNER", companyId);
            }
            only = company.id();
        }
        UsersQuery query = UsersQuery.of(status, null, q, sort, PageRequest.of(limit, cursor));
        Page<UserRow> page = users.acrossPartner(partner.id(), only, query);
        Map<CompanyId, Map<String, List<String>>> roles = new HashMap<>();
        page.items().stream().collect(Collectors.groupingBy(UserRow::homeCompanyId))
                .forEach((company, rows) -> roles.put(company,
                        assignments.roleIdsOf(company, rows.stream().map(UserRow::id).toList())));
        return page.map(row -> new PartnerUserView(row.homeCompanyId().value(),
                UserView.of(row, roles.get(row.homeCompanyId()).getOrDefault(row.id(), List.of()), words)));
    }

    private Partner partner(Caller caller, String partnerId, boolean adminOnly) {
        PartnerId id = new PartnerId(partnerId);
        guard.requirePartner(caller, id, adminOnly);
        return tenancy.partner(id);
    }
}
