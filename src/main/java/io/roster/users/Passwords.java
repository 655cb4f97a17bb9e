package io.roster.users;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Argon2id at the OWASP-recommended cost (19 MiB of memory,
 * 2 iterations, 1 lane). A hash of a throw-away password is kept so that checking an unknown
 * account costs the same time as checking a known one; it is made at the first such check, not
 * at start, where one Argon2id hash in a cold JVM costs a noticeable share of the start time.
 */
@Component
public class Passwords {

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private volatile String decoy;

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Checks a password; with a {@code null} hash it still spends one hash's time, then fails. */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            spendOneHash(password);
            return false;
        }
        return encoder.matches(password, hash);
    }

    /** Making the decoy costs one hash, as checking against it does: the first unknown login is no slower. */
    private void spendOneHash(String password) {
        String made = decoy;
        if (made == null) {
            // two threads may both make one on the first unknown-account checks; either hash will do
            decoy = encoder.encode("decoy-password-for-timing");
        } else {
            encoder.matches(password, made);
        }
    }
}
