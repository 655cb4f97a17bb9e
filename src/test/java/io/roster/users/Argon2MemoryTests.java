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
    void many_virtual_threads_get_correct_hashes_from_at_most_one_workspace_per_core() throws Exception {
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
    void a_caller_waits_while_every_workspace_is_in_use() throws Exception {
        Argon2Memory pool = new Argon2Memory(2, 8);
        Argon2Workspace first = pool.take();
        Argon2Workspace second = pool.take();

        Thread third = Thread.ofVirtual().start(() -> pool.giveBack(pool.take()));
        TimeUnit.MILLISECONDS.sleep(200);
        assertThat(third.isAlive()).isTrue();

        pool.giveBack(first);
        assertThat(third.join(java.time.Duration.ofSeconds(5))).isTrue();
        pool.giveBack(second);
        assertThat(pool.created()).isEqualTo(2);
    }

    @Test
    void a_returned_workspace_is_reused() {
        Argon2Memory pool = new Argon2Memory(2, 8);
        Argon2Workspace workspace = pool.take();
        pool.giveBack(workspace);

        assertThat(pool.take()).isSameAs(workspace);
        assertThat(pool.created()).isEqualTo(1);
    }

    private static byte[] password(int i) {
        return ("password number " + i).getBytes(StandardCharsets.UTF_8);
    }
}
