package io.roster.licensing;

import io.roster.shared.CompanyId;

/** Published when a company's number of purchased licenses changes. */
public record LicensesChanged(CompanyId companyId, int before, int after, int used) {
}
