package io.roster.access;

import java.time.Instant;

/** A freshly issued API token. The {@code token} value is shown once and never stored. */
public record IssuedToken(String id, String token, Instant expiresAt) {
}
