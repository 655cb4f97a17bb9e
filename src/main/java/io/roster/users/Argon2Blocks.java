package io.roster.users;

import java.util.ArrayDeque;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * The 1 KiB blocks of one Argon2 hash, kept for the next hash instead of allocated anew: without
 * it BouncyCastle allocates 19,456 blocks (20.7 MB) per sign-in, and the collector's copying of them
 * cost more CPU under concurrent sign-ins than the hashes themselves. One hash at a time owns it
 * (see {@link Argon2Memory}), so it needs no lock, unlike BouncyCastle's own {@code FixedBlockPool},
 * whose lock on every block halved the throughput of two concurrent hashes. The generator clears
 * each block before giving it back, so an idle pool holds nothing derived from a password.
 */
final class Argon2Blocks implements Argon2BytesGenerator.BlockPool {

    private final ArrayDeque<Argon2BytesGenerator.Block> idle = new ArrayDeque<>();
    private final int kept;

    /**
     * Keeps at most {@code kept} blocks (see {@link Argon2Cost#pooledBlocks()}): more are made for a
     * stored hash of a higher cost, then dropped.
     */
    Argon2Blocks(int kept) {
        this.kept = kept;
    }

    @Override
    public Argon2BytesGenerator.Block allocate() {
        Argon2BytesGenerator.Block block = idle.pollLast();
        return block != null ? block : new Argon2BytesGenerator.Block();
    }

    @Override
    public void deallocate(Argon2BytesGenerator.Block block) {
        if (idle.size() < kept) {
            idle.addLast(block);
        }
    }

    /** How many blocks wait for the next hash. */
    int idle() {
        return idle.size();
    }
}
