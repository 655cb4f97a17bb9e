package io.roster.users;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format, exactly as Spring Security's
 * {@code Argon2PasswordEncoder} writes it, so that every hash Roster has stored, whichever code wrote
 * it, verifies with either: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, Base64 without
 * padding.
 */
record Argon2Phc(Argon2Cost cost, byte[] salt, byte[] hash) {

    private static final Pattern ARGON2ID_V19 =
            Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})\\$([A-Za-z0-9+/]*={0,2})\\$([A-Za-z0-9+/]+={0,2})");

    /**
     * The parts of an Argon2id version 1.3 hash; empty for anything else (other Argon2 variants,
     * other schemes, damaged strings, costs {@link Argon2Cost} refuses).
     */
    static Optional<Argon2Phc> parse(String phc) {
        Matcher parts = ARGON2ID_V19.matcher(phc);
        if (!parts.matches()) {
            return Optional.empty();
        }
        try {
            Argon2Cost cost = new Argon2Cost(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                    Integer.parseInt(parts.group(3)));
            byte[] hash = Base64.getDecoder().decode(parts.group(5));
            if (hash.length < Argon2id.MIN_TAG_LENGTH) {
                return Optional.empty();
            }
            return Optional.of(new Argon2Phc(cost, Base64.getDecoder().decode(parts.group(4)), hash));
        } catch (IllegalArgumentException notBase64OrOutOfRange) {
            return Optional.empty();
        }
    }

    String format() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(cost.memoryKiB(), cost.iterations(), cost.lanes(),
                base64.encodeToString(salt), base64.encodeToString(hash));
    }
}
