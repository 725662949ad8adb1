package dev.zocket.spi;

import dev.zocket.Cancellable;
import java.time.Duration;

/**
 * A clock and a timer. The server and the client use the system's ({@link SystemTimeSource});
 * the test kit supplies one whose time only moves when a test advances it.
 */
public interface TimeSource {

    /** A monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}, on a timer thread. The task must be quick. */
    Cancellable schedule(Duration delay, Runnable task);
}
