package io.roster.tenancy;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import java.time.Instant;
import java.util.Set;

/** What happens to partner access grants; the audit log and the notifications listen. */
public final class PartnerAccessEvents {

    private PartnerAccessEvents() {
    }

    /** A partner asked for access to a company, or for its renewal ({@code renewal}: it holds one). */
    public record AccessRequested(String grantId, CompanyId companyId, PartnerId partnerId, boolean renewal,
            String byAccountId) {
    }

    public record AccessAccepted(String grantId, CompanyId companyId, PartnerId partnerId, Set<GrantScope> scope,
            Instant endsAt, GrantStatus before, String byAccountId) {
    }

    /** Revoked by the company; {@code before} PENDING means a request declined. */
    public record AccessRevoked(String grantId, CompanyId companyId, PartnerId partnerId, GrantStatus before,
            String byAccountId) {
    }

    /**
     * The company declined the partner's request: a first request (the grant is now REVOKED), or a
     * renewal ({@code renewal}: the grant stays ACTIVE as it was). {@code requestedBy}: who asked.
     */
    public record AccessDeclined(String grantId, CompanyId companyId, PartnerId partnerId, boolean renewal,
            String requestedBy, String byAccountId) {
    }

    /** Marked EXPIRED by the expiry job once its end date passed. */
    public record AccessExpired(String grantId, CompanyId companyId, PartnerId partnerId, Instant endsAt) {
    }
}
