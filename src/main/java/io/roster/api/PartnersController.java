package io.roster.api;

import io.roster.access.Caller;
import io.roster.access.Guard;
import io.roster.shared.Page;
import io.roster.shared.PageRequest;
import io.roster.shared.PartnerId;
import io.roster.tenancy.Partner;
import io.roster.tenancy.Tenancy;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Partner spaces (opened by the platform operator) and the companies attached to them. */
@RestController
@RequestMapping("/api/v1/partners")
class PartnersController {

    private final Tenancy tenancy;
    private final Guard guard;

    PartnersController(Tenancy tenancy, Guard guard) {
        this.tenancy = tenancy;
        this.guard = guard;
    }

    record PartnerRequest(String name) {
    }

    record PartnerView(String id, String name, Instant createdAt) {
        static PartnerView of(Partner partner) {
            return new PartnerView(partner.id().value(), partner.name(), partner.createdAt());
        }
    }

    @PostMapping
    ResponseEntity<PartnerView> create(@AuthenticationPrincipal Caller caller, @RequestBody PartnerRequest request) {
        guard.requireOperator(caller);
        Partner partner = tenancy.createPartner(request.name());
        return Responses.created("/api/v1/partners/" + partner.id(), partner.version(), PartnerView.of(partner));
    }

    @GetMapping("/{partnerId}")
    ResponseEntity<PartnerView> get(@AuthenticationPrincipal Caller caller, @PathVariable String partnerId) {
        PartnerId id = new PartnerId(partnerId);
        guard.requirePartner(caller, id);
        Partner partner = tenancy.partner(id);
        return Responses.ok(partner.version(), PartnerView.of(partner));
    }

    @GetMapping("/{partnerId}/companies")
    Page<CompaniesController.CompanyView> companies(@AuthenticationPrincipal Caller caller,
            @PathVariable String partnerId, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        PartnerId id = new PartnerId(partnerId);
        guard.requirePartner(caller, id);
        tenancy.partner(id);
        return tenancy.companiesOf(id, PageRequest.of(limit, cursor)).map(CompaniesController.CompanyView::of);
    }
}
