package io.roster.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time bound as the audit form sends it: a day from the date picker ({@code 2026-12-06}), taken
 * in UTC, or a whole RFC 3339 instant as the API takes it (passed on unchanged, for the filter to
 * check). "Until" a day includes that day.
 */
final class DayOrInstant {

    private DayOrInstant() {
    }

    static String start(String value) {
        LocalDate day = day(value);
        return day == null ? value : day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    static String endExclusive(String value) {
        LocalDate day = day(value);
        return day == null ? value : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    private static LocalDate day(String value) {
        if (value == null || value.isBlank() || value.trim().length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException notADay) {
            return null;
        }
    }
}
