package io.roster.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords: 12 to 128 characters and not one of the commonly used passwords bundled with Roster
 * (length beats composition rules, as NIST SP 800-63B advises).
 */
public final class PasswordPolicy {

    public static final int MIN = 12;
    public static final int MAX = 128;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why a password is refused, as a code the reader's language words, or empty when it is acceptable. */
    public static Optional<ValidationProblem> problemOf(String password) {
        if (password == null || password.length() < MIN) {
            return Optional.of(new ValidationProblem(ValidationCode.PASSWORD_TOO_SHORT, Map.of("min", String.valueOf(MIN))));
        }
        if (password.length() > MAX) {
            return Optional.of(new ValidationProblem(ValidationCode.PASSWORD_TOO_LONG, Map.of("max", String.valueOf(MAX))));
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(ValidationProblem.of(ValidationCode.PASSWORD_TOO_COMMON));
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/passwords/common.txt")) {
            if (in == null) {
                throw new IllegalStateException("passwords/common.txt is missing from the classpath");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
