package dev.zocket.client.internal;

import dev.zocket.Subscription;
import dev.zocket.client.transport.Transport;
import dev.zocket.spi.TimeSource;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What all clients of a JVM share: a pool for callbacks ({@code zocket-client-callbacks-N}), a
 * JDK {@link HttpClient} with a small pool of its own ({@code zocket-client-io-N}), and one
 * timer thread ({@code zocket-client-timer-N}), so that a thousand clients do not cost a
 * thousand threads.
 *
 * <p>They exist only while a client is open: each client holds a {@link Lease}, the first lease
 * creates them (each part on first use), and closing the last lease shuts them down, so that no
 * thread of the library outlives the last client and an application's {@code main} can simply
 * return. The next lease starts afresh. All threads are daemons besides.
 *
 * <p><b>Threading.</b> Thread-safe.
 */
public final class SharedResources {

    /** The prefix of every thread these resources start. */
    public static final String THREAD_PREFIX = "zocket-client-";

    private static final Object LOCK = new Object();
    private static Generation current; // guarded by LOCK
    private static int leases; // guarded by LOCK

    private SharedResources() {}

    /** Takes a lease on the shared resources, creating them if no client holds any. */
    public static Lease acquire() {
        synchronized (LOCK) {
            if (current == null) {
                current = new Generation();
            }
            leases++;
            return new Lease(current);
        }
    }

    private static void release() {
        Generation ending = null;
        synchronized (LOCK) {
            if (--leases == 0) {
                ending = current;
                current = null;
            }
        }
        if (ending != null) {
            ending.shutdown();
        }
    }

    /** One client's use of the shared resources; close it when the client closes. */
    public static final class Lease implements AutoCloseable {
        private final Generation generation;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(Generation generation) {
            this.generation = generation;
        }

        public Executor callbacks() {
            return generation.callbacks();
        }

        /** The shared transport, or one over the shared HTTP client if the message limit is not the default. */
        public Transport transport(int maxMessageChars) {
            return generation.transport(maxMessageChars);
        }

        public TimeSource time() {
            return generation.time();
        }

        /** Gives the lease back; the last one shuts the resources down. Idempotent. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release();
            }
        }
    }

    /** The resources from a first lease to the last; each part is created on first use. */
    private static final class Generation {
        private boolean shutDown;
        private ThreadPoolExecutor callbacks;
        private ThreadPoolExecutor io;
        private HttpClient http;
        private Transport transport;
        private PoolTime time;

        synchronized Executor callbacks() {
            requireRunning();
            if (callbacks == null) {
                int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
                // After shutdown only closed clients submit (a late frame of a link being closed): drop it.
                callbacks = pool(threads, "callbacks", new ThreadPoolExecutor.DiscardPolicy());
            }
            return callbacks;
        }

        synchronized Transport transport(int maxMessageChars) {
            requireRunning();
            if (transport == null) {
                // After shutdown the HttpClient may still finish closing a link: let it do so on its own thread.
                io = pool(2, "io", (task, pool) -> task.run());
                http = HttpClient.newBuilder().executor(io).build();
                transport = new JdkWebSocketTransport(http);
            }
            return maxMessageChars == JdkWebSocketTransport.DEFAULT_MAX_MESSAGE_CHARS
                    ? transport
                    : new JdkWebSocketTransport(http, maxMessageChars);
        }

        synchronized TimeSource time() {
            requireRunning();
            if (time == null) {
                time = new PoolTime();
            }
            return time;
        }

        private void requireRunning() {
            if (shutDown) {
                throw new IllegalStateException("These shared resources were shut down; acquire a new lease");
            }
        }

        synchronized void shutdown() {
            shutDown = true;
            if (callbacks != null) {
                callbacks.shutdown(); // the callbacks already queued, such as the last close's, still run
            }
            if (io != null) {
                io.shutdown();
            }
            if (time != null) {
                time.timer.shutdown();
            }
        }

        private static ThreadPoolExecutor pool(int threads, String name, RejectedExecutionHandler rejected) {
            return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    daemon(THREAD_PREFIX + name + "-"), rejected);
        }
    }

    /** The system clock, and a timer thread that drops what is scheduled after shutdown. */
    private static final class PoolTime implements TimeSource {
        private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                daemon(THREAD_PREFIX + "timer-"));

        PoolTime() {
            timer.setRemoveOnCancelPolicy(true);
            timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Subscription schedule(Duration delay, Runnable task) {
            try {
                ScheduledFuture<?> future = timer.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            } catch (RejectedExecutionException e) {
                return () -> {}; // shut down: only closed clients are left, and their timers do not matter
            }
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
