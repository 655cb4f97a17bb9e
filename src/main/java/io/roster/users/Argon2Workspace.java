package io.roster.users;

import java.util.Arrays;

/**
 * Everything one Argon2id hash writes: its memory as one flat {@code long[]} of 128-long blocks and
 * the few scratch blocks of the compression and the address generator. Owned by one hash at a time
 * (see {@link Argon2Memory}), reused by the next.
 */
final class Argon2Workspace {

    private final long[] pooled;
    final long[] r = new long[Argon2Blocks.LONGS];
    final long[] z = new long[Argon2Blocks.LONGS];
    final long[] zero = new long[Argon2Blocks.LONGS];
    final long[] addressInput = new long[Argon2Blocks.LONGS];
    final long[] addresses = new long[Argon2Blocks.LONGS];

    Argon2Workspace(int blocks) {
        this.pooled = new long[blocks * Argon2Blocks.LONGS];
    }

    /**
     * Memory for {@code blocks} blocks: the pooled array when it is large enough (only its start is
     * used), else a one-off array for a stored hash of a higher cost than Roster writes.
     */
    long[] memoryFor(int blocks) {
        int longs = blocks * Argon2Blocks.LONGS;
        return longs <= pooled.length ? pooled : new long[longs];
    }

    /**
     * Zeroes what a hash of {@code blocks} blocks left behind, before the workspace goes back to the
     * pool. Correctness would not need it (every hash writes each block before reading it), but the
     * blocks are derived from the password and an idle workspace may keep them for hours; zeroing
     * 19 MiB is cheap beside the hash itself.
     */
    void wipe(long[] memory, int blocks) {
        Arrays.fill(memory, 0, blocks * Argon2Blocks.LONGS, 0L);
        Arrays.fill(r, 0L);
        Arrays.fill(z, 0L);
        Arrays.fill(addressInput, 0L);
        Arrays.fill(addresses, 0L);
    }
}
