package io.roster.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
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

    /** Why a password is refused, or empty when it is acceptable. */
    public static Optional<String> problemOf(String password) {
        if (password == null || password.length() < MIN) {
            return Optional.of("Password is too short: use at least " + MIN + " characters");
        }
        if (password.length() > MAX) {
            return Optional.of("Password is too long: use at most " + MAX + " characters");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("Password is too common: choose one that is harder to guess");
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
