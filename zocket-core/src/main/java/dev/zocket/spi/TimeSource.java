package dev.zocket.spi;

import dev.zocket.Subscription;
import java.time.Duration;

/**
 * A clock and a timer: the extension point through which the server and the client read time
 * and schedule work. Both use the system clock by default; the test kit supplies one whose time
 * only moves when a test advances it.
 */
public interface TimeSource {

    /** A monotonic time in nanoseconds. */
    long nanoTime();

    /**
     * Runs {@code task} once after {@code delay}, on a timer thread. The task must be quick.
     * Cancelling the returned subscription calls the task off if it has not started.
     */
    Subscription schedule(Duration delay, Runnable task);
}
