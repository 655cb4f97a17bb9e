package io.roster.tenancy;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import java.time.Instant;
import java.util.Set;

/**
 * A partner's access to one company, as the company approved it. {@code endsAt} is null while a
 * first request waits; {@code requestedAt} is set while a request (a first one or a renewal) waits
 * for the company's answer.
 */
public record PartnerGrant(String id, CompanyId companyId, PartnerId partnerId, GrantStatus status,
        Set<GrantScope> scope, Instant endsAt, String requestedBy, Instant requestedAt, String decidedBy,
        Instant decidedAt, long version) {

    /** ACTIVE and not yet ended: the only state in which the partner's staff reach the company. */
    public boolean isCurrent(Instant now) {
        return status == GrantStatus.ACTIVE && endsAt != null && endsAt.isAfter(now);
    }

    /** Current and covering this scope. */
    public boolean covers(GrantScope wanted, Instant now) {
        return isCurrent(now) && scope.contains(wanted);
    }

    /** A request (first or renewal) waits for the company's answer. */
    public boolean requestWaiting() {
        return requestedAt != null;
    }
}
