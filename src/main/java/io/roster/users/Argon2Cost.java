package io.roster.users;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * The cost parameters of one Argon2id hash, as written in the PHC string ({@code m=..,t=..,p=..}).
 *
 * @param memoryKiB  m, memory in KiB, which is the number of 1 KiB blocks before rounding
 * @param iterations t, passes over the memory
 * @param lanes      p, independent lanes (filled one after the other, not in parallel)
 */
record Argon2Cost(int memoryKiB, int iterations, int lanes) {

    /** OWASP's recommendation for Argon2id, the cost of every password Roster writes. */
    static final Argon2Cost SIGN_IN = new Argon2Cost(19 * 1024, 2, 1);

    /**
     * The most memory a stored hash may ask for, 16 GiB: far above any cost Roster writes, below what
     * would overflow the generator's block count.
     */
    static final int MAX_MEMORY_KIB = 16 * 1024 * 1024;

    Argon2Cost {
        if (iterations < 1 || lanes < 1 || lanes > 0xFFFFFF || memoryKiB < 1 || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Unsupported Argon2 cost m=%d,t=%d,p=%d"
                    .formatted(memoryKiB, iterations, lanes));
        }
    }

    /**
     * The blocks one hash takes from its pool: m' (m rounded down to a multiple of 4 × lanes, at
     * least 8 per lane) for the memory, and the generator's scratch blocks of the compression.
     */
    int pooledBlocks() {
        return Argon2BytesGenerator.getBlockCount(memoryKiB, lanes);
    }
}
