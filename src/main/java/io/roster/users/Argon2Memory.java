package io.roster.users;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of {@link Argon2Workspace}s that is also the gate on concurrent hashes: at most
 * {@code size} hashes run at once and later callers wait in line. With one workspace per core the
 * CPUs stay busy while memory stays at {@code size} × 19 MiB, however many sign-ins arrive on
 * virtual threads (without the gate, 500 of them would allocate ~10 GB). Workspaces are created on
 * first need and then kept, so the garbage collector never copies hash memory.
 */
final class Argon2Memory {

    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Argon2Workspace> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger created = new AtomicInteger();
    private final int blocksPerWorkspace;

    /** {@code size} workspaces of {@code blocksPerWorkspace} blocks each. */
    Argon2Memory(int size, int blocksPerWorkspace) {
        // fair, so that a sign-in waiting in line is not overtaken indefinitely by later ones
        this.permits = new Semaphore(size, true);
        this.blocksPerWorkspace = blocksPerWorkspace;
    }

    /** One workspace per available core, each large enough for {@code cost}. */
    static Argon2Memory perCore(Argon2Cost cost) {
        return new Argon2Memory(Runtime.getRuntime().availableProcessors(), cost.blocks());
    }

    /**
     * Waits for a free workspace. Not interruptible: the wait is bounded by the hashes ahead in line,
     * and giving up halfway would only turn a sign-in into an error.
     */
    Argon2Workspace take() {
        permits.acquireUninterruptibly();
        Argon2Workspace workspace = idle.poll();
        if (workspace != null) {
            return workspace;
        }
        try {
            created.incrementAndGet();
            return new Argon2Workspace(blocksPerWorkspace);
        } catch (RuntimeException | Error e) {
            created.decrementAndGet();
            permits.release();
            throw e;
        }
    }

    void giveBack(Argon2Workspace workspace) {
        idle.add(workspace);
        permits.release();
    }

    /** Runs {@code work} while holding a place in line, for hashes computed elsewhere (BouncyCastle). */
    <T> T gated(java.util.function.Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    /** How many workspaces exist; never more than the pool's size. */
    int created() {
        return created.get();
    }
}
