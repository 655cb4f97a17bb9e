package io.roster.workspaces;

import io.roster.shared.FieldError;
import io.roster.shared.Problems;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** An end date given to a right lies in the future: a right that ends now is removed, not dated. */
public final class EndDatePolicy {

    private EndDatePolicy() {
    }

    /** Refuses (400, {@code ENDS_AT_NOT_FUTURE}) an end date that is not after the clock's now; null passes. */
    public static Instant requireFuture(Instant endsAt, Clock clock) {
        if (endsAt != null && !endsAt.isAfter(clock.instant())) {
            throw Problems.InvalidInput.of(new FieldError("endsAt", "must be in the future", "ENDS_AT_NOT_FUTURE",
                    new Object[] {endsAt.toString()})).coded("ENDS_AT_NOT_FUTURE", endsAt.toString());
        }
        return endsAt;
    }

    /** Reads an ISO-8601 instant ({@code 2027-03-31T00:00:00Z}); blank is none; anything else is refused (400). */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problems.InvalidInput.of(new FieldError("endsAt", "must be an ISO-8601 instant such as"
                    + " 2027-03-31T00:00:00Z", "ENDS_AT_FORMAT", new Object[] {value})).coded("ENDS_AT_FORMAT", value);
        }
    }
}
