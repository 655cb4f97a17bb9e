package io.roster.tenancy;

import io.roster.shared.PartnerId;

/** Published when a partner space is opened. */
public record PartnerCreated(PartnerId partnerId, String name) {
}
