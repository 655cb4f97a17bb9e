package io.roster.workspaces;

import io.roster.shared.CompanyId;
import java.time.Instant;

/** A workspace of a company. {@code createdBy} is the creator's account id, kept after its deletion. */
public record Workspace(String id, CompanyId companyId, String name, String createdBy, long version,
        Instant createdAt) {
}
