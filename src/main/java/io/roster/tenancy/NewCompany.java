package io.roster.tenancy;

import io.roster.shared.PartnerId;

/** What it takes to open a company account. */
public record NewCompany(String name, String slug, Integer licensesPurchased, PartnerId partnerId) {
}
