package io.roster.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with Argon2id at the OWASP-recommended cost (19 MiB of memory,
 * 2 iterations, 1 lane), stored as the PHC strings Spring Security's {@code Argon2PasswordEncoder}
 * writes; the hashing itself is BouncyCastle's (see {@link Argon2id}). At most one hash per core runs
 * at a time; further sign-ins wait in line (see {@link Argon2Memory}). A hash of a throw-away
 * password is kept so that checking an unknown account costs the same time as checking a known one;
 * it is made at the first such check, not at start, where one Argon2id hash in a cold JVM costs a
 * noticeable share of the start time.
 */
@Component
public class Passwords {

    private static final int SALT_LENGTH = 16;
    private static final int HASH_LENGTH = 32;

    private final Argon2Memory memory = Argon2Memory.perCore(Argon2Cost.SIGN_IN);
    private final Argon2id argon2id = new Argon2id(memory);
    /** For stored hashes of another Argon2 variant (argon2i, argon2d) or version (1.0). */
    private final Argon2PasswordEncoder otherVariants = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final SecureRandom random = new SecureRandom();
    private volatile String decoy;

    /** The PHC string of {@code password} with a fresh salt; {@code null} for {@code null}, as before. */
    public String hash(String password) {
        if (password == null) {
            return null;
        }
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        byte[] hash = argon2id.hash(utf8(password), salt, Argon2Cost.SIGN_IN, HASH_LENGTH);
        return new Argon2Phc(Argon2Cost.SIGN_IN, salt, hash).format();
    }

    /**
     * Checks a password against a stored hash, with the cost written in it. With a {@code null} hash
     * it still spends one hash's time, then fails. An empty password never matches (and, as with
     * Spring's encoder, is refused without hashing: it says nothing about the account).
     */
    public boolean matches(String password, String hash) {
        if (hash == null) {
            spendOneHash(password);
            return false;
        }
        if (password == null || password.isEmpty() || hash.isEmpty()) {
            return false;
        }
        Optional<Argon2Phc> stored = Argon2Phc.parse(hash);
        if (stored.isEmpty()) {
            // Spring's encoder answers false for a damaged string; the gate still bounds the memory
            return memory.gated(() -> otherVariants.matches(password, hash));
        }
        Argon2Phc expected = stored.get();
        byte[] actual = argon2id.hash(utf8(password), expected.salt(), expected.cost(), expected.hash().length);
        return MessageDigest.isEqual(actual, expected.hash());
    }

    private static byte[] utf8(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** Making the decoy costs one hash, as checking against it does: the first unknown login is no slower. */
    private void spendOneHash(String password) {
        String made = decoy;
        if (made == null) {
            // two threads may both make one on the first unknown-account checks; either hash will do
            decoy = hash("decoy-password-for-timing");
        } else {
            matches(password, made);
        }
    }
}
