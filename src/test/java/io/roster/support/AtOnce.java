package io.roster.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same work on two threads released at one instant: what two nodes do when their scheduled
 * job fires at the same time. The answers come back in order; a failure of either fails the call.
 */
public final class AtOnce {

    private AtOnce() {
    }

    public static <T> List<T> twice(Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> run : runs) {
                answers.add(run.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
