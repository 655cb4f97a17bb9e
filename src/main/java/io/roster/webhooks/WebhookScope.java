package io.roster.webhooks;

import io.roster.shared.CompanyId;

/**
 * Whose endpoints: a company's (they receive that company's events) or the platform's, registered
 * by the operator (they receive every company's events). The adapter decides it after authorizing.
 */
public record WebhookScope(CompanyId company) {

    public static WebhookScope platform() {
        return new WebhookScope(null);
    }

    public static WebhookScope of(CompanyId company) {
        return new WebhookScope(company);
    }

    public boolean isPlatform() {
        return company == null;
    }

    String companyIdOrNull() {
        return company == null ? null : company.value();
    }
}
