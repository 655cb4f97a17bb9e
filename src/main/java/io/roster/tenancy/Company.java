package io.roster.tenancy;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import java.time.Instant;

/** A company account (a tenant), with its license pool. {@code partnerId} may be null. */
public record Company(CompanyId id, String name, String slug, PartnerId partnerId,
        int licensesPurchased, int licensesUsed, long version, Instant createdAt) {
}
