package dev.zocket.server.runtime;

import dev.zocket.server.Cancellable;
import java.time.Duration;

/**
 * The runtime's clock and timer. The server uses the system's; the test kit supplies one whose
 * time only moves when a test advances it.
 */
public interface TimeSource {

    /** A monotonic time in nanoseconds. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}, on a timer thread. The task must be quick. */
    Cancellable schedule(Duration delay, Runnable task);
}
