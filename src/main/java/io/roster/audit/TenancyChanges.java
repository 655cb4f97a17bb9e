package io.roster.audit;

import static io.roster.audit.AuditTrail.fields;

import io.roster.licensing.LicensesChanged;
import io.roster.tenancy.CompanyCreated;
import io.roster.tenancy.GrantScope;
import io.roster.tenancy.PartnerAccessEvents;
import io.roster.tenancy.PartnerCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the tenants: partner spaces and companies opened, licenses bought (Plan &amp; billing), and
 * each step of a partner's access to a company, filed under both the company and the partner.
 */
@Component
class TenancyChanges {

    private final AuditTrail trail;

    TenancyChanges(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(PartnerCreated e) {
        trail.inPartner(e.partnerId(), null, "partner.created", new AuditTrail.Target("partner", e.partnerId().value()),
                null, fields("name", e.name()));
    }

    /** A partner's new company is in the partner's audit too, whoever opened it. */
    @EventListener
    void on(CompanyCreated e) {
        AuditTrail.Target target = new AuditTrail.Target("company", e.companyId().value());
        var after = fields("name", e.name(), "slug", e.slug(), "partnerId",
                e.partnerId() == null ? null : e.partnerId().value(), "licensesPurchased", e.licensesPurchased());
        if (e.partnerId() == null) {
            trail.inCompany(e.companyId(), "company.created", target, null, after);
        } else {
            trail.inPartner(e.partnerId(), e.companyId(), "company.created", target, null, after);
        }
    }

    @EventListener
    void on(LicensesChanged e) {
        trail.inCompany(e.companyId(), "licenses.changed", new AuditTrail.Target("company", e.companyId().value()),
                fields("licensesPurchased", e.before()), fields("licensesPurchased", e.after(), "licensesUsed", e.used()));
    }

    @EventListener
    void on(PartnerAccessEvents.AccessRequested e) {
        trail.inPartner(e.partnerId(), e.companyId(), "partner_access.requested", grant(e.grantId()), null,
                fields("partnerId", e.partnerId().value(), "renewal", e.renewal()));
    }

    @EventListener
    void on(PartnerAccessEvents.AccessAccepted e) {
        trail.as(trail.actors().current(), e.companyId().value(), e.partnerId().value(), "partner_access.accepted",
                grant(e.grantId()), fields("status", e.before().name()), fields("status", "ACTIVE", "scope",
                        e.scope().stream().sorted().map(GrantScope::code).toList(), "endsAt", e.endsAt().toString()),
                null);
    }

    @EventListener
    void on(PartnerAccessEvents.AccessRevoked e) {
        trail.as(trail.actors().current(), e.companyId().value(), e.partnerId().value(), "partner_access.revoked",
                grant(e.grantId()), fields("status", e.before().name()), fields("status", "REVOKED"), null);
    }

    @EventListener
    void on(PartnerAccessEvents.AccessDeclined e) {
        trail.as(trail.actors().current(), e.companyId().value(), e.partnerId().value(), "partner_access.declined",
                grant(e.grantId()), fields("status", e.renewal() ? "ACTIVE" : "PENDING", "requestWaiting", true),
                fields("status", e.renewal() ? "ACTIVE" : "REVOKED", "requestWaiting", false, "renewal", e.renewal()),
                null);
    }

    /** Written by the expiry job: the actor is SYSTEM. */
    @EventListener
    void on(PartnerAccessEvents.AccessExpired e) {
        trail.as(trail.actors().nobody(), e.companyId().value(), e.partnerId().value(), "partner_access.expired",
                grant(e.grantId()), fields("status", "ACTIVE"), fields("status", "EXPIRED", "endsAt",
                        e.endsAt().toString()), null);
    }

    private static AuditTrail.Target grant(String grantId) {
        return new AuditTrail.Target("partner_access", grantId);
    }
}
