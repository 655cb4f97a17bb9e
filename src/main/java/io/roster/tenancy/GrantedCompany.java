package io.roster.tenancy;

/** A company of a partner's list, with the partner's grant there (whatever its status). */
public record GrantedCompany(Company company, PartnerGrant grant) {
}
