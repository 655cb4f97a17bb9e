package io.roster.tenancy;

import io.roster.shared.PartnerId;
import java.time.Instant;

/** A partner space (a reseller or consultancy managing client companies). */
public record Partner(PartnerId id, String name, long version, Instant createdAt) {
}
