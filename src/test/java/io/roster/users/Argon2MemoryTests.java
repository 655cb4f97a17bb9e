package io.roster.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class Argon2MemoryTests {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void many_virtual_threads_get_correct_hashes_from_at_most_one_pool_of_blocks_per_core() throws Exception {
        Argon2Memory pool = Argon2Memory.perCore(Argon2Cost.SIGN_IN);
        Argon2id argon2id = new Argon2id(pool);
        byte[] salt = "sixteen byte salt".getBytes(StandardCharsets.UTF_8);
        int passwords = 4;
        byte[][] expected = new byte[passwords][];
        for (int i = 0; i < passwords; i++) {
            expected[i] = argon2id.hash(password(i), salt, Argon2Cost.SIGN_IN, 32);
        }

        List<Future<byte[]>> hashes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8 * CORES + 3; i++) {
                int which = i % passwords;
                hashes.add(threads.submit(() -> argon2id.hash(password(which), salt, Argon2Cost.SIGN_IN, 32)));
            }
        }

        for (int i = 0; i < hashes.size(); i++) {
            assertThat(hashes.get(i).get()).as("hash %d", i).isEqualTo(expected[i % passwords]);
        }
        assertThat(pool.created()).isBetween(1, CORES);
    }

    @Test
    void a_caller_waits_while_every_pool_of_blocks_is_in_use() throws Exception {
        Argon2Memory pool = new Argon2Memory(2, 8);
        Argon2Blocks first = pool.take();
        Argon2Blocks second = pool.take();

        Thread third = Thread.ofVirtual().start(() -> pool.giveBack(pool.take()));
        TimeUnit.MILLISECONDS.sleep(200);
        assertThat(third.isAlive()).isTrue();

        pool.giveBack(first);
        assertThat(third.join(java.time.Duration.ofSeconds(5))).isTrue();
        pool.giveBack(second);
        assertThat(pool.created()).isEqualTo(2);
    }

    @Test
    void a_returned_pool_of_blocks_is_reused() {
        Argon2Memory pool = new Argon2Memory(2, 8);
        Argon2Blocks blocks = pool.take();
        pool.giveBack(blocks);

        assertThat(pool.take()).isSameAs(blocks);
        assertThat(pool.created()).isEqualTo(1);
    }

    @Test
    void a_hash_leaves_its_blocks_for_the_next_but_never_more_than_one_sign_in_hash_needs() {
        Argon2Memory pool = new Argon2Memory(1, Argon2Cost.SIGN_IN.pooledBlocks());
        Argon2id argon2id = new Argon2id(pool);
        byte[] salt = "sixteen byte salt".getBytes(StandardCharsets.UTF_8);

        argon2id.hash(password(0), salt, Argon2Cost.SIGN_IN, 32);
        Argon2Blocks blocks = pool.take();
        assertThat(blocks.idle()).isEqualTo(Argon2Cost.SIGN_IN.pooledBlocks());
        pool.giveBack(blocks);

        argon2id.hash(password(0), salt, new Argon2Cost(20000, 1, 1), 32);
        blocks = pool.take();
        assertThat(blocks.idle()).isEqualTo(Argon2Cost.SIGN_IN.pooledBlocks());
        pool.giveBack(blocks);
        assertThat(pool.created()).isEqualTo(1);
    }

    private static byte[] password(int i) {
        return ("password number " + i).getBytes(StandardCharsets.UTF_8);
    }
}
