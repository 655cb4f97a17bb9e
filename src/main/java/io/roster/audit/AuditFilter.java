package io.roster.audit;

import io.roster.shared.FieldErrors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What to keep of a list: an {@code actor} (userId or account id), an {@code action} — exact
 * ({@code user.created}) or a prefix ending with {@code .} or {@code *} ({@code user.},
 * {@code user.*}) — and a time window {@code from} (inclusive) … {@code to} (exclusive). Every field
 * is optional; {@link #of} validates them all at once. {@code signInsLeftOut} leaves the
 * {@code sign_in.*} entries out.
 */
public record AuditFilter(String actor, String action, String actionPrefix, Instant from, Instant to,
        boolean signInsLeftOut) {

    private static final int MAX_ACTOR = 64;
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9._@+:-]+");
    private static final Pattern ACTION = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*(\\.|\\.\\*|\\*)?");

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant AFTER_LATEST = LocalDate.of(10000, 1, 1)
            .atStartOfDay(ZoneOffset.UTC).toInstant();

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, false);

    /** Parses request parameters; blank ones are absent. 400 naming each bad field. */
    public static AuditFilter of(String actor, String action, String from, String to) {
        FieldErrors errors = new FieldErrors();
        String who = blankToNull(actor);
        if (who != null && (who.length() > MAX_ACTOR || !ACTOR.matcher(who).matches())) {
            errors.add("actor", "must be a userId or an account id");
        }
        String what = blankToNull(action);
        String exact = null;
        String prefix = null;
        if (what != null) {
            if (what.length() > 64 || !ACTION.matcher(what).matches()) {
                errors.add("action", "must be an action such as 'user.created', or a prefix ending with '.' or '*'"
                        + " such as 'user.'");
            } else if (what.endsWith("*")) {
                prefix = what.substring(0, what.length() - 1);
            } else if (what.endsWith(".")) {
                prefix = what;
            } else {
                exact = what;
            }
        }
        Instant since = time(from, "from", errors);
        Instant until = time(to, "to", errors);
        if (since != null && until != null && !since.isBefore(until)) {
            errors.add("to", "must be after 'from'");
        }
        errors.throwIfAny();
        return new AuditFilter(who == null ? null : who.toLowerCase(Locale.ROOT), exact, prefix, since, until, false);
    }

    /**
     * The same filter without the sign-ins ({@code sign_in.*}), which outnumber every change: the
     * console hides them unless asked. A filter naming a sign-in action keeps them.
     */
    public AuditFilter withoutSignIns() {
        boolean asksForSignIns = (action != null && action.startsWith(SIGN_IN))
                || (actionPrefix != null && (actionPrefix.startsWith(SIGN_IN) || SIGN_IN.startsWith(actionPrefix)));
        return asksForSignIns ? this : new AuditFilter(actor, action, actionPrefix, from, to, true);
    }

    /** The prefix of the sign-in actions. */
    static final String SIGN_IN = "sign_in.";

    /** The upper bound of the prefix range: the prefix with its last character moved up by one. */
    String actionPrefixEnd() {
        char last = actionPrefix.charAt(actionPrefix.length() - 1);
        return actionPrefix.substring(0, actionPrefix.length() - 1) + (char) (last + 1);
    }

    /**
     * RFC 3339 ({@code 2025-01-31T08:00:00Z}, {@code …+01:00}, a space for the T); an offset's '+'
     * that a query string decoded as a space is put back.
     */
    private static Instant time(String value, String field, FieldErrors errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            String offsetKept = text.replaceFirst(" (\\d{2}:\\d{2})$", "+$1");
            Instant instant = OffsetDateTime.parse(offsetKept.replace(' ', 'T').toUpperCase(Locale.ROOT)).toInstant();
            if (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST)) {
                // RFC 3339 years have four digits; the databases' timestamps end near there too
                errors.add(field, "must be between the years 0001 and 9999");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an RFC 3339 date and time, e.g. 2025-01-31T08:00:00Z");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
