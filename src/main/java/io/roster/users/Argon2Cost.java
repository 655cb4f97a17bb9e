package io.roster.users;

/**
 * The cost parameters of one Argon2id hash, as written in the PHC string ({@code m=..,t=..,p=..}).
 *
 * @param memoryKiB  m, memory in KiB, which is the number of 1 KiB blocks before rounding
 * @param iterations t, passes over the memory
 * @param lanes      p, independent lanes (we fill them one after the other, not in parallel)
 */
record Argon2Cost(int memoryKiB, int iterations, int lanes) {

    /** OWASP's recommendation for Argon2id, the cost of every password Roster writes. */
    static final Argon2Cost SIGN_IN = new Argon2Cost(19 * 1024, 2, 1);

    /** The largest memory one flat {@code long[]} of 128-long blocks can hold. */
    static final int MAX_MEMORY_KIB = (Integer.MAX_VALUE - 64) / Argon2Blocks.LONGS;

    Argon2Cost {
        if (iterations < 1 || lanes < 1 || lanes > 0xFFFFFF || memoryKiB < 1 || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Unsupported Argon2 cost m=%d,t=%d,p=%d"
                    .formatted(memoryKiB, iterations, lanes));
        }
    }

    /** Blocks per segment: a lane is cut in 4 slices, and m is rounded down to 4 × lanes × this (at least 2). */
    int segmentLength() {
        return Math.max(memoryKiB, 8 * lanes) / (4 * lanes);
    }

    int laneLength() {
        return 4 * segmentLength();
    }

    /** m', the number of blocks actually filled. */
    int blocks() {
        return lanes * laneLength();
    }
}
