package io.roster.shared;

/** Identifies a partner space. Opaque. */
public record PartnerId(String value) {

    public PartnerId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("partner id is required");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
