package io.roster.web;

import io.roster.shared.FieldError;
import io.roster.shared.Problems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A day picked in a console form (an end date) is its first instant in UTC, the zone the console shows it in. */
final class ConsoleDates {

    private ConsoleDates() {
    }

    /** {@code 2027-03-31} → 2027-03-31T00:00:00Z; blank is none; anything else is refused with its field. */
    static Instant startOfDay(String day, String field) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.InvalidInput.of(new FieldError(field, "must be a date such as 2027-03-31", "ENDS_AT_FORMAT",
                    new Object[] {day}));
        }
    }

    /** The day an instant falls on in UTC, as a date input takes it. */
    static String day(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
