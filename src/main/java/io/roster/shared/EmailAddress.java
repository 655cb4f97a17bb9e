package io.roster.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as people type it. Uniqueness is case-insensitive, so {@link #key()} is the
 * lower-cased form every uniqueness check and lookup uses.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;

    // Pragmatic: one @, a non-empty local part without spaces, a dotted domain of letters, digits, hyphens.
    private static final Pattern FORMAT = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\]\\\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid email");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && candidate.length() <= MAX_LENGTH && FORMAT.matcher(candidate).matches();
    }

    public static String keyOf(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public String key() {
        return keyOf(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
