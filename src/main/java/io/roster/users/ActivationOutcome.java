package io.roster.users;

/** The row after an activation attempt; {@code activated} tells whether it is ACTIVE now. */
public record ActivationOutcome(UserRow row, boolean activated) {
}
