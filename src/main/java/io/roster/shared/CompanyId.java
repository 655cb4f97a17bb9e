package io.roster.shared;

/** Identifies a company (a tenant). Opaque. */
public record CompanyId(String value) {

    public CompanyId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("company id is required");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
