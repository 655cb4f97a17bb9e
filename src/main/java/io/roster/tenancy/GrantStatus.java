package io.roster.tenancy;

/**
 * Where a partner's access grant stands. Only ACTIVE gives access, and only until its end date
 * ({@link PartnerGrant#isCurrent}); EXPIRED is what the expiry job writes once that date has passed.
 */
public enum GrantStatus {
    PENDING, ACTIVE, REVOKED, EXPIRED
}
