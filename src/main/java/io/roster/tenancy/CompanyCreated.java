package io.roster.tenancy;

import io.roster.shared.CompanyId;
import io.roster.shared.PartnerId;

/** Published when a company account is opened. */
public record CompanyCreated(CompanyId companyId, String name, PartnerId partnerId, int licensesPurchased, String slug) {
}
