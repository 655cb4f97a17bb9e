package io.roster.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.roster.access.Caller;
import io.roster.access.CompanyAccess;
import io.roster.access.Guard;
import io.roster.access.Permission;
import io.roster.licensing.LicensePool;
import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import io.roster.shared.Problems;
import io.roster.tenancy.Company;
import io.roster.tenancy.NewCompany;
import io.roster.tenancy.Tenancy;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Company accounts and their licenses (Plan &amp; billing). */
@RestController
@RequestMapping("/api/v1/companies")
class CompaniesController {

    private final Tenancy tenancy;
    private final LicensePool licenses;
    private final Guard guard;

    CompaniesController(Tenancy tenancy, LicensePool licenses, Guard guard) {
        this.tenancy = tenancy;
        this.licenses = licenses;
        this.guard = guard;
    }

    record CompanyRequest(String name, String slug, Integer licensesPurchased, String partnerId) {
    }

    record LicensesRequest(Integer licensesPurchased) {
    }

    /** Licenses and partner are left out for someone who only holds rights on some workspaces. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompanyView(String id, String name, String slug, String partnerId, Integer licensesPurchased,
            Integer licensesUsed, Instant createdAt) {
        static CompanyView of(Company company, LicensePool.Usage licenses) {
            return new CompanyView(company.id().value(), company.name(), company.slug(),
                    company.partnerId() == null ? null : company.partnerId().value(), licenses.purchased(),
                    licenses.used(), company.createdAt());
        }

        CompanyView nameOnly() {
            return new CompanyView(id, name, slug, null, null, null, null);
        }
    }

    @PostMapping
    ResponseEntity<CompanyView> create(@AuthenticationPrincipal Caller caller, @RequestBody CompanyRequest request) {
        PartnerId partner = request.partnerId() == null || request.partnerId().isBlank() ? null
                : new PartnerId(request.partnerId());
        if (partner == null) {
            guard.requireOperator(caller);
        } else {
            guard.requirePartner(caller, partner, true);
        }
        Company company = tenancy.createCompany(
                new NewCompany(request.name(), request.slug(), request.licensesPurchased(), partner));
        LicensePool.Pool pool = licenses.pool(company.id());
        return Responses.created("/api/v1/companies/" + company.id(), version(company, pool),
                CompanyView.of(company, pool.usage()));
    }

    @GetMapping("/{companyId}")
    ResponseEntity<CompanyView> get(@AuthenticationPrincipal Caller caller, @PathVariable String companyId) {
        CompanyAccess access = guard.accessTo(caller, new CompanyId(companyId));
        Company company = tenancy.company(access.company());
        LicensePool.Pool pool = licenses.pool(company.id());
        CompanyView view = CompanyView.of(company, pool.usage());
        return Responses.ok(version(company, pool), access.member() ? view : view.nameOnly());
    }

    @PutMapping("/{companyId}/licenses")
    ResponseEntity<CompanyView> changeLicenses(@AuthenticationPrincipal Caller caller, @PathVariable String companyId,
            @RequestBody LicensesRequest request) {
        CompanyId id = guard.requireCompany(caller, new CompanyId(companyId), Permission.BILLING_MANAGE).company();
        if (request.licensesPurchased() == null) {
            throw Problems.InvalidInput.of("licensesPurchased", "is required");
        }
        licenses.changePurchased(id, request.licensesPurchased());
        Company company = tenancy.company(id);
        LicensePool.Pool pool = licenses.pool(id);
        return Responses.ok(version(company, pool), CompanyView.of(company, pool.usage()));
    }

    /**
     * The version behind the company's ETag: its own row's and its license pool's, which only
     * grow, so their sum changes whenever either does.
     */
    private static long version(Company company, LicensePool.Pool pool) {
        return company.version() + pool.version();
    }
}
