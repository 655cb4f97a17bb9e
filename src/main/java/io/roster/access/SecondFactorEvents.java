package io.roster.access;

import io.roster.shared.CompanyId;

/**
 * What changed in a person's second factors (docs/rules.md §21). Audit and the security mails
 * listen. {@code method} is {@code totp} or {@code passkey} (or {@code recovery-codes} for a new set of codes);
 * {@code homeCompanyId} / {@code homePartnerId} say whose log files the entry.
 */
public final class SecondFactorEvents {

    private SecondFactorEvents() {
    }

    /** The person enrolled a factor (confirmed with a first code). */
    public record Enrolled(String accountId, String userId, String method, String homeCompanyId, String homePartnerId) {
    }

    /** The person removed a factor of their own. */
    public record Removed(String accountId, String userId, String method, String homeCompanyId, String homePartnerId) {
    }

    /** The person replaced their recovery codes (the old ones no longer work). */
    public record RecoveryCodesRenewed(String accountId, String userId, String homeCompanyId, String homePartnerId) {
    }

    /** An administrator of {@code companyId} removed every second factor of one of its people. */
    public record Reset(String accountId, CompanyId companyId, String byAccountId) {
    }

    /** A company administrator turned "require a second factor for administrators" on or off. */
    public record PolicyChanged(CompanyId companyId, boolean before, boolean after, String byAccountId) {
    }
}
