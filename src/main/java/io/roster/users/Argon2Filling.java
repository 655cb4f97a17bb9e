package io.roster.users;

import static io.roster.users.Argon2Blocks.LONGS;

/**
 * Fills the memory of one Argon2id hash (RFC 9106 §3.4): pass after pass, slice after slice, lane
 * after lane. Argon2id picks each block's reference from pseudo-random addresses that do not depend
 * on the password in the first half of the first pass (Argon2i, against side channels) and from the
 * previous block's content afterwards (Argon2d, against trade-off attacks). Lanes are filled one
 * after the other: a segment only references other lanes' finished slices, so the order gives the
 * same result as filling them in parallel.
 */
final class Argon2Filling {

    private static final int SLICES = 4;
    private static final long LOW_32 = 0xFFFFFFFFL;

    private final Argon2Cost cost;
    private final long[] memory;
    private final Argon2Workspace scratch;
    private final int segmentLength;
    private final int laneLength;
    private final int lanes;

    Argon2Filling(Argon2Cost cost, long[] memory, Argon2Workspace scratch) {
        this.cost = cost;
        this.memory = memory;
        this.scratch = scratch;
        this.segmentLength = cost.segmentLength();
        this.laneLength = cost.laneLength();
        this.lanes = cost.lanes();
    }

    /** Fills every pass; the first two blocks of each lane must already be in memory. */
    void fill() {
        for (int pass = 0; pass < cost.iterations(); pass++) {
            for (int slice = 0; slice < SLICES; slice++) {
                for (int lane = 0; lane < cost.lanes(); lane++) {
                    fillSegment(pass, slice, lane);
                }
            }
        }
    }

    private void fillSegment(int pass, int slice, int lane) {
        boolean independent = pass == 0 && slice < SLICES / 2;
        int first = pass == 0 && slice == 0 ? 2 : 0;   // blocks 0 and 1 come from H'
        long[] addresses = scratch.addresses;
        if (independent) {
            startAddresses(pass, slice, lane);
            if (first != 0) {
                nextAddresses();
            }
        }
        int laneStart = lane * laneLength;
        int column = slice * segmentLength + first;
        for (int index = first; index < segmentLength; index++, column++) {
            int previous = laneStart + (column == 0 ? laneLength - 1 : column - 1);
            long pseudoRandom;
            if (independent) {
                if (index % LONGS == 0) {
                    nextAddresses();
                }
                pseudoRandom = addresses[index % LONGS];
            } else {
                pseudoRandom = memory[previous * LONGS];
            }
            int referenceLane = lanes == 1 || pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
            int reference = referenceLane * laneLength
                    + referenceColumn(pass, slice, index, pseudoRandom & LOW_32, referenceLane == lane);
            Argon2Blocks.compress(memory, previous * LONGS, memory, reference * LONGS,
                    memory, (laneStart + column) * LONGS, pass > 0, scratch.r, scratch.z);
        }
    }

    /**
     * Maps the low 32 bits of the pseudo-random value onto the blocks a block may reference: the
     * finished ones of the last three slices (all of the current lane's so far, except the previous
     * block, which is used anyway), skewed towards the most recent.
     */
    private int referenceColumn(int pass, int slice, int index, long random, boolean sameLane) {
        long finishedSlices = pass == 0 ? (long) slice * segmentLength : laneLength - segmentLength;
        long areaSize = sameLane ? finishedSlices + index - 1 : finishedSlices + (index == 0 ? -1 : 0);
        long skewed = (random * random) >>> 32;
        long relative = areaSize - 1 - ((areaSize * skewed) >>> 32);
        long start = pass == 0 || slice == SLICES - 1 ? 0 : (long) (slice + 1) * segmentLength;
        // start and relative are both below laneLength: a subtraction does the modulo's work
        long column = start + relative;
        return (int) (column < laneLength ? column : column - laneLength);
    }

    private void startAddresses(int pass, int slice, int lane) {
        long[] input = scratch.addressInput;
        java.util.Arrays.fill(input, 0L);
        input[0] = pass;
        input[1] = lane;
        input[2] = slice;
        input[3] = cost.blocks();
        input[4] = cost.iterations();
        input[5] = 2;   // Argon2id
    }

    /** The next 128 pseudo-random addresses: G(0, G(0, input)) with the input's counter raised. */
    private void nextAddresses() {
        Argon2Workspace w = scratch;
        w.addressInput[6]++;
        Argon2Blocks.compress(w.zero, 0, w.addressInput, 0, w.addresses, 0, false, w.r, w.z);
        Argon2Blocks.compress(w.zero, 0, w.addresses, 0, w.addresses, 0, false, w.r, w.z);
    }
}
