package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition on the server side that offers nothing to wait on (its metrics
 * counters, for instance). Client-side effects are awaited with futures and latches instead.
 */
final class Eventually {

    private Eventually() {}

    static void holds(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Not within 10 s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
