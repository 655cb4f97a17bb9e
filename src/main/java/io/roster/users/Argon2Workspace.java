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
     * Forgets the scratch blocks. The memory itself is not wiped: every hash writes each block it
     * uses before reading it, so stale content never leaks into a result, and zeroing 19 MiB would
     * cost a tenth of a hash. What stays behind from the last pass (t ≥ 2) took the whole hash to
     * compute, so it offers a password guesser no shortcut over the stored hash itself; with t = 1 the
     * first blocks are cheap to recompute from a guess, so {@link Argon2id} wipes them (see there).
     */
    void forgetScratch() {
        Arrays.fill(r, 0L);
        Arrays.fill(z, 0L);
        Arrays.fill(addressInput, 0L);
        Arrays.fill(addresses, 0L);
    }
}
