package io.roster.shared;

import java.util.regex.Pattern;

/**
 * A userId: 3–64 characters among a-z 0-9 . _ - @ + (so a directory's email-shaped names fit), unique
 * platform-wide, immutable once claimed. Only lower case is kept: the same name in another case is the same userId.
 */
public record UserHandle(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9._@+-]{3,64}");

    public UserHandle {
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid user id");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
