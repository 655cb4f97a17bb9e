package io.roster.users;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The two Blake2b-based functions around Argon2's memory filling (RFC 9106 §3.2 and §3.3): the
 * pre-hash H0 of all inputs, and the variable-length hash H' that stretches it into the first
 * blocks and shrinks the last blocks into the tag. Blake2b itself is BouncyCastle's.
 */
final class Argon2Blake2b {

    static final int VERSION = 0x13;
    private static final int TYPE_ARGON2ID = 2;
    private static final int MAX_DIGEST_BYTES = 64;

    private Argon2Blake2b() {
    }

    /**
     * H0, followed by 8 free bytes where the caller writes the two 32-bit numbers that make each
     * first block different.
     */
    static byte[] h0(Argon2Cost cost, int tagLength, byte[] password, byte[] salt, byte[] secret,
            byte[] associatedData) {
        Blake2bDigest digest = new Blake2bDigest(MAX_DIGEST_BYTES * 8);
        int32(digest, cost.lanes());
        int32(digest, tagLength);
        int32(digest, cost.memoryKiB());   // the m asked for, not the rounded m'
        int32(digest, cost.iterations());
        int32(digest, VERSION);
        int32(digest, TYPE_ARGON2ID);
        for (byte[] input : new byte[][] {password, salt, secret, associatedData}) {
            int32(digest, input.length);
            digest.update(input, 0, input.length);
        }
        byte[] h0 = new byte[MAX_DIGEST_BYTES + 8];
        digest.doFinal(h0, 0);
        return h0;
    }

    /** H'^length(input) into {@code out[0, length)}. */
    static void variableLength(byte[] input, byte[] out, int length) {
        if (length <= MAX_DIGEST_BYTES) {
            Blake2bDigest digest = new Blake2bDigest(length * 8);
            int32(digest, length);
            digest.update(input, 0, input.length);
            digest.doFinal(out, 0);
            return;
        }
        // V1 = H(length ‖ input), V(i+1) = H(Vi); the output is the first half of each V, then all
        // of the last V, whose size makes the total come out right
        Blake2bDigest digest = new Blake2bDigest(MAX_DIGEST_BYTES * 8);
        byte[] v = new byte[MAX_DIGEST_BYTES];
        int32(digest, length);
        digest.update(input, 0, input.length);
        digest.doFinal(v, 0);
        int written = 0;
        while (true) {
            System.arraycopy(v, 0, out, written, MAX_DIGEST_BYTES / 2);
            written += MAX_DIGEST_BYTES / 2;
            if (length - written <= MAX_DIGEST_BYTES) {
                break;
            }
            digest.update(v, 0, v.length);
            digest.doFinal(v, 0);
        }
        Blake2bDigest last = new Blake2bDigest((length - written) * 8);
        last.update(v, 0, v.length);
        last.doFinal(out, written);
        java.util.Arrays.fill(v, (byte) 0);
    }

    static void int32(Blake2bDigest digest, int value) {
        digest.update((byte) value);
        digest.update((byte) (value >>> 8));
        digest.update((byte) (value >>> 16));
        digest.update((byte) (value >>> 24));
    }
}
