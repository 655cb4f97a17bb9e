package io.roster.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MadeAtFirstUseTests {

    @Test
    void nothing_is_made_before_the_first_use_and_one_value_serves_every_caller_after() throws Exception {
        AtomicInteger makings = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        MadeAtFirstUse<Object> value = new MadeAtFirstUse<>(() -> {
            makings.incrementAndGet();
            return new Object();
        });
        assertThat(makings).hasValue(0);

        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen.add(value.get());
            }));
        }
        start.countDown();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(makings).hasValue(1);
        assertThat(seen).hasSize(8).allMatch(v -> v == seen.get(0));
        assertThat(value.get()).isSameAs(seen.get(0));
    }

    @Test
    void a_making_that_gives_nothing_is_refused_and_tried_again_next_time() {
        AtomicInteger makings = new AtomicInteger();
        MadeAtFirstUse<String> value = new MadeAtFirstUse<>(() -> makings.incrementAndGet() == 1 ? null : "made");

        assertThatThrownBy(value::get).isInstanceOf(NullPointerException.class);
        assertThat(value.get()).isEqualTo("made");
    }
}
