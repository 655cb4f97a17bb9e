package io.roster.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How client secrets are kept: a SHA-256 hash. A secret is 256 random bits made by Roster, not a
 * password a person chose, so a slow hash would add nothing but a bound on the token endpoint's
 * throughput (every code exchange and refresh of a confidential client checks it).
 */
final class ClientSecretHash implements PasswordEncoder {

    static final ClientSecretHash INSTANCE = new ClientSecretHash();
    private static final String PREFIX = "sha256:";

    private ClientSecretHash() {
    }

    @Override
    public String encode(CharSequence raw) {
        return PREFIX + hex(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null || !encoded.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(encoded.getBytes(StandardCharsets.US_ASCII),
                encode(raw).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(CharSequence raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(raw.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
