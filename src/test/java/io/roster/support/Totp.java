package io.roster.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * An authenticator app for tests: RFC 6238 written out here (HMAC-SHA-1, dynamic truncation, six
 * digits, 30-second steps) rather than borrowed from Roster, so the tests check Roster's codes.
 */
public final class Totp {

    private Totp() {
    }

    /** The code of one 30-second step for a base32 secret. */
    public static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0xf;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The current 30-second step, begun a while ago and with at least ten seconds left (it waits for
     * the next one otherwise): a test uses the step before it, it and the one after, which the
     * server accepts for as long as its clock stays in this step or the next.
     */
    public static long freshStep() {
        long seconds = Instant.now().getEpochSecond();
        if (seconds % 30 > 20) {
            try {
                Thread.sleep((31 - seconds % 30) * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return Instant.now().getEpochSecond() / 30;
    }

    /** A six-digit code that is none of the three the server accepts around {@code step}. */
    public static String wrongCode(String base32Secret, long step) {
        List<String> window = List.of(code(base32Secret, step - 1), code(base32Secret, step), code(base32Secret, step + 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!window.contains(code)) {
                return code;
            }
        }
    }
}
