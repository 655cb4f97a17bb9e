package io.roster.users;

import static io.roster.users.Argon2Blocks.LONGS;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Argon2id version 1.3 (RFC 9106), computing into pooled memory (see {@link Argon2Memory}) instead
 * of allocating 19 MiB of block objects per hash as BouncyCastle does: under concurrent sign-ins
 * the garbage collector spent more CPU copying those blocks than the hashes themselves took.
 * Produces the same bytes as BouncyCastle's {@code Argon2BytesGenerator} for the same inputs.
 */
final class Argon2id {

    static final int MIN_TAG_LENGTH = 4;
    private static final int BLOCK_BYTES = LONGS * Long.BYTES;
    private static final VarHandle LITTLE_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] NONE = new byte[0];

    private final Argon2Memory pool;

    Argon2id(Argon2Memory pool) {
        this.pool = pool;
    }

    byte[] hash(byte[] password, byte[] salt, Argon2Cost cost, int tagLength) {
        return hash(password, salt, NONE, NONE, cost, tagLength);
    }

    /** The tag of {@code tagLength} bytes; waits while every workspace of the pool is in use. */
    byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, Argon2Cost cost,
            int tagLength) {
        if (tagLength < MIN_TAG_LENGTH) {
            throw new IllegalArgumentException("An Argon2 tag has at least 4 bytes, not " + tagLength);
        }
        byte[] seed = Argon2Blake2b.h0(cost, tagLength, password, salt, secret, associatedData);
        byte[] bytes = new byte[BLOCK_BYTES];
        Argon2Workspace workspace = pool.take();
        long[] memory = null;
        try {
            memory = workspace.memoryFor(cost.blocks());
            writeFirstBlocks(seed, bytes, memory, cost);
            new Argon2Filling(cost, memory, workspace).fill();
            long[] last = lastColumnXor(memory, cost, workspace.r);
            toBytes(last, bytes);
            byte[] tag = new byte[tagLength];
            Argon2Blake2b.variableLength(bytes, tag, tagLength);
            return tag;
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(bytes, (byte) 0);
            if (memory != null) {
                workspace.wipe(memory, cost.blocks());
            }
            pool.giveBack(workspace);
        }
    }

    /** Blocks 0 and 1 of each lane: H'^1024(H0 ‖ column ‖ lane). */
    private static void writeFirstBlocks(byte[] seed, byte[] bytes, long[] memory, Argon2Cost cost) {
        int at = seed.length - 8;
        for (int lane = 0; lane < cost.lanes(); lane++) {
            for (int column = 0; column < 2; column++) {
                littleEndian(seed, at, column);
                littleEndian(seed, at + 4, lane);
                Argon2Blake2b.variableLength(seed, bytes, BLOCK_BYTES);
                int block = (lane * cost.laneLength() + column) * LONGS;
                for (int i = 0; i < LONGS; i++) {
                    memory[block + i] = (long) LITTLE_ENDIAN_LONGS.get(bytes, i * Long.BYTES);
                }
            }
        }
    }

    private static long[] lastColumnXor(long[] memory, Argon2Cost cost, long[] into) {
        Arrays.fill(into, 0L);
        for (int lane = 0; lane < cost.lanes(); lane++) {
            int block = ((lane + 1) * cost.laneLength() - 1) * LONGS;
            for (int i = 0; i < LONGS; i++) {
                into[i] ^= memory[block + i];
            }
        }
        return into;
    }

    private static void toBytes(long[] block, byte[] bytes) {
        for (int i = 0; i < LONGS; i++) {
            LITTLE_ENDIAN_LONGS.set(bytes, i * Long.BYTES, block[i]);
        }
    }

    private static void littleEndian(byte[] into, int at, int value) {
        into[at] = (byte) value;
        into[at + 1] = (byte) (value >>> 8);
        into[at + 2] = (byte) (value >>> 16);
        into[at + 3] = (byte) (value >>> 24);
    }
}
