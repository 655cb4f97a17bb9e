package io.roster.users;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of {@link Argon2Blocks} that is also the gate on concurrent hashes: at most
 * {@code size} hashes run at once and later callers wait in line. With one pool of blocks per core
 * the CPUs stay busy while memory stays at {@code size} × 19 MiB, however many sign-ins arrive on
 * virtual threads (without the gate, 500 of them would allocate ~10 GB). Blocks are created on
 * first need and then kept, so the garbage collector never copies hash memory.
 */
final class Argon2Memory {

    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Argon2Blocks> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger created = new AtomicInteger();
    private final int blocksPerHash;

    /** {@code size} pools, each keeping {@code blocksPerHash} blocks between hashes. */
    Argon2Memory(int size, int blocksPerHash) {
        // fair, so that a sign-in waiting in line is not overtaken indefinitely by later ones
        this.permits = new Semaphore(size, true);
        this.blocksPerHash = blocksPerHash;
    }

    /** One pool of blocks per available core, each large enough for {@code cost}. */
    static Argon2Memory perCore(Argon2Cost cost) {
        return new Argon2Memory(Runtime.getRuntime().availableProcessors(), cost.pooledBlocks());
    }

    /**
     * Waits for a free pool of blocks. Not interruptible: the wait is bounded by the hashes ahead in
     * line, and giving up halfway would only turn a sign-in into an error.
     */
    Argon2Blocks take() {
        permits.acquireUninterruptibly();
        Argon2Blocks blocks = idle.poll();
        if (blocks != null) {
            return blocks;
        }
        created.incrementAndGet();
        return new Argon2Blocks(blocksPerHash);
    }

    void giveBack(Argon2Blocks blocks) {
        idle.add(blocks);
        permits.release();
    }

    /** Runs {@code work} while holding a place in line, for hashes that bring their own memory. */
    <T> T gated(java.util.function.Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** How many pools of blocks exist; never more than the gate's size. */
    int created() {
        return created.get();
    }
}
