package dev.zocket.hostile.attack;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A time bound for one attack: it stops at its count or at this deadline, whichever is first. */
final class Bounds {

    /** How long past the deadline a blocked write may stay blocked before its socket is closed. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "hostile-bounds");
        thread.setDaemon(true);
        return thread;
    });

    private final long deadline;

    private Bounds(Duration limit) {
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    static Bounds of(Duration limit) {
        return new Bounds(limit);
    }

    boolean expired() {
        return System.nanoTime() - deadline > 0;
    }

    /**
     * Closes {@code socket} a little after the deadline, if it is still open: a write to a server
     * that stopped reading blocks, and would otherwise hold the attack past its bound.
     */
    <T extends AutoCloseable> T guard(T socket) {
        long delay = deadline - System.nanoTime() + GRACE.toNanos();
        CLOSER.schedule(() -> {
            try {
                socket.close();
            } catch (Exception ignored) {
                // already closed
            }
        }, Math.max(0, delay), TimeUnit.NANOSECONDS);
        return socket;
    }
}
