package io.roster.users;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id version 1.3 (RFC 9106), computed by BouncyCastle's {@code Argon2BytesGenerator} into
 * blocks kept between hashes (see {@link Argon2Memory}) rather than 19 MiB allocated per hash.
 * It replaced an Argon2id of our own on pooled flat memory that was not 15 % faster (BENCHMARKS.md,
 * "Passwords: our Argon2id vs BouncyCastle"); without the pool the library was slower than that.
 */
final class Argon2id {

    static final int MIN_TAG_LENGTH = 4;
    private static final byte[] NONE = new byte[0];

    private final Argon2Memory pool;

    Argon2id(Argon2Memory pool) {
        this.pool = pool;
    }

    byte[] hash(byte[] password, byte[] salt, Argon2Cost cost, int tagLength) {
        return hash(password, salt, NONE, NONE, cost, tagLength);
    }

    /** The tag of {@code tagLength} bytes; waits while every pool of blocks is in use. */
    byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Cost cost,
            int tagLength) {
        if (tagLength < MIN_TAG_LENGTH) {
            throw new IllegalArgumentException("An Argon2 tag has at least 4 bytes, not " + tagLength);
        }
        Argon2Blocks blocks = pool.take();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(cost.memoryKiB())
                    .withIterations(cost.iterations())
                    .withParallelism(cost.lanes())
                    .withSalt(salt)
                    .withSecret(secret)
                    .withAdditional(associatedData)
                    .withBlockPool(blocks)
                    .build());
            byte[] tag = new byte[tagLength];
            // the generator clears its blocks and gives them back to the pool before it returns
            generator.generateBytes(password, tag);
            return tag;
        } finally {
            pool.giveBack(blocks);
        }
    }
}
