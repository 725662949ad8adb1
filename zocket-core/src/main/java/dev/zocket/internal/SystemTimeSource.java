package dev.zocket.internal;

import dev.zocket.Subscription;
import dev.zocket.spi.TimeSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The system clock and one daemon timer thread. {@link #shared()} is one instance for the whole
 * JVM, so many clients cost one timer thread in all. Used by the server and the client; not
 * API (see the package documentation).
 */
public final class SystemTimeSource implements TimeSource, AutoCloseable {

    private static final SystemTimeSource SHARED = new SystemTimeSource("zocket-timer");

    private final ScheduledExecutorService timer;

    /** A time source with its own timer thread, named {@code threadName}; close it when done. */
    public SystemTimeSource(String threadName) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName(threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    /** One time source for the whole JVM; never closed. */
    public static SystemTimeSource shared() {
        return SHARED;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Subscription schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = timer.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
