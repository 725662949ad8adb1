package dev.zocket.hostile.attack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a numbered task a bounded number of times on a few threads, counting the failures. */
final class Parallel {

    @FunctionalInterface
    interface Task {
        void run(int index) throws Exception;
    }

    private Parallel() {}

    /**
     * Runs {@code task} for 0..count-1 on {@code threads} threads, stopping early once
     * {@code bounds} expire; returns how many runs threw (a server refusing a connection, say).
     */
    static int run(int count, int threads, Bounds bounds, Task task) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "hostile-attacker");
            thread.setDaemon(true);
            return thread;
        });
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count && !bounds.expired(); i = next.getAndIncrement()) {
                    try {
                        task.run(i);
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        return failures.get();
    }
}
