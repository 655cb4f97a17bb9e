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
import io.roster.tenancy.Partner;
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


    PartnersController(Tenancy tenancy, Guard guard, PartnerStaff staff, UsersTable users, RoleAssignments assignments,
            LicensePool licenses, ApiWording words) {

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

    @GetMapping("/{partnerId}/companies")
    Page<CompaniesController.CompanyView> companies(@AuthenticationPrincipal Caller caller,
            @PathVariable String partnerId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        Partner partner = partner(caller, partnerId, false);
        Page<Company> page = tenancy.companiesOf(partner.id(), PageRequest.of(limit, cursor));
        Map<CompanyId, LicensePool.Usage> usages = licenses.usages(page.items().stream().map(Company::id).toList());
        return page.map(company -> CompaniesController.CompanyView.of(company, usages.get(company.id())));
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
            if (!partner.id().equals(company.partnerId())) {
                // answered like an unknown id: a partner must not learn which companies exist elsewhere
                throw new Problems.NotFound("No company " + companyId + " in this partner space").coded("NO_COMPANY_IN_PARTNER", companyId);
            }
            only = company.id();
        }
        UsersQuery query = UsersQuery.of(status, null, q, sort, PageRequest.of(limit, cursor));
        Page<UserRow> page = users.acrossPartner(tenancy.companyIdsOf(partner.id()), only, query);
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
