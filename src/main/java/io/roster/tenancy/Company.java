package io.roster.tenancy;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;
import java.time.Instant;

/**
 * A company account (a tenant). {@code partnerId} may be null. Its license pool is the licensing
 * module's ({@code LicensePool}), opened with the company.
 */
public record Company(CompanyId id, String name, String slug, PartnerId partnerId, long version, Instant createdAt) {
}
