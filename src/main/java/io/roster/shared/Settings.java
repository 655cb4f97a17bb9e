package io.roster.shared;

import java.time.Duration;

/**
 * Checks of configuration values, for the compact constructors of the settings records: a value
 * that makes no sense stops the start with a message that names the setting and what it takes,
 * instead of a node that runs with it and misbehaves later.
 */
public final class Settings {

    private Settings() {
    }

    /** A duration above zero, e.g. a timeout or a lifetime; {@code setting} names the property and its variable. */
    public static Duration positive(Duration value, String setting) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(setting + " must be a duration above zero, such as 10s, 5m or PT1H; it is "
                    + shown(value));
        }
        return value;
    }

    /** A duration of zero or more, e.g. a pause that may be switched off with 0s. */
    public static Duration notNegative(Duration value, String setting) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(setting + " must be a duration of zero or more, such as 0s, 2s or PT1M; it is "
                    + shown(value));
        }
        return value;
    }

    /** A whole number of at least {@code least}. */
    public static int atLeast(int value, int least, String setting) {
        if (value < least) {
            throw new IllegalArgumentException(setting + " must be a whole number of at least " + least + "; it is " + value);
        }
        return value;
    }

    private static String shown(Duration value) {
        return value == null ? "empty" : value.toString();
    }
}
