package dev.zocket.server.internal.runtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message queue of one actor instance. At most one message runs at a time, on its executor
 * (for most instances a {@link CallerLoopExecutor}: the I/O loop that queued the first message of
 * a drain runs it); a drain runs a batch of messages and then yields the thread to other instances.
 * {@code runLock} is held while messages run; it is only ever contended in the hand-over from a
 * suspending drain to {@link #resume}.
 *
 * <p>A message may {@link #suspend()} the mailbox (an asynchronous handler that has not
 * finished); nothing else runs until {@link #resume} hands it a continuation. A mailbox can be
 * {@link #retire retired} when its instance goes away: later offers are {@link Delivery#REFUSED refused}, so the sender
 * creates a new instance instead of queueing into a dead one.
 *
 * <p>Thread-safe: {@link #offer} from any thread; {@link #suspend} only from the running message.
 */
final class Mailbox {

    private static final Logger LOG = LoggerFactory.getLogger(Mailbox.class);
    private static final int BATCH = 64;

    private final Executor executor;
    private final int capacity;
    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Made once: a method reference made per scheduling was an allocation per message. */
    private final Runnable drainTask = this::drain;
    private final Object lock = new Object();
    private final Object runLock = new Object();
    private int size;
    private boolean retired;
    private boolean suspended;

    Mailbox(Executor executor, int capacity) {
        this.executor = executor;
        this.capacity = capacity;
    }

    /**
     * Queues a message.
     *
     * @param bounded whether the capacity applies; lifecycle messages (disconnects, timers,
     *     activation) are never refused for being over capacity
     */
    Delivery offer(Runnable message, boolean bounded) {
        synchronized (lock) {
            if (retired) {
                return Delivery.REFUSED;
            }
            if (bounded && size >= capacity) {
                return Delivery.FULL;
            }
            size++;
            queue.add(message);
        }
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(drainTask);
        }
        return Delivery.ACCEPTED;
    }

    /**
     * Queues {@code message} as the last one: later offers are refused from now on, so nothing
     * can be queued behind it.
     */
    Delivery offerLast(Runnable message) {
        synchronized (lock) {
            if (retired) {
                return Delivery.REFUSED;
            }
            size++;
            queue.add(message);
            retired = true;
        }
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(drainTask);
        }
        return Delivery.ACCEPTED;
    }

    /**
     * Refuses further messages if none is waiting.
     *
     * @return whether the mailbox is now retired
     */
    boolean retireIfEmpty() {
        synchronized (lock) {
            if (size == 0) {
                retired = true;
            }
            return retired;
        }
    }

    /** Called by the running message: nothing else runs until {@link #resume}. */
    void suspend() {
        suspended = true;
    }

    /**
     * Runs {@code continuation} as part of the suspended message, then carries on draining.
     * May be called from any thread, even before the suspending drain has returned: the run
     * lock makes the continuation wait for it, so two messages never overlap.
     */
    void resume(Runnable continuation) {
        executor.execute(() -> {
            synchronized (runLock) {
                suspended = false;
                run(continuation);
                drain();
            }
        });
    }

    private void drain() {
        synchronized (runLock) {
            if (suspended) {
                return;
            }
            for (int i = 0; i < BATCH; i++) {
                Runnable message = queue.poll();
                if (message == null) {
                    break;
                }
                synchronized (lock) {
                    size--;
                }
                run(message);
                if (suspended) {
                    return; // still scheduled: resume() continues the drain
                }
            }
            scheduled.set(false);
        }
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            executor.execute(drainTask);
        }
    }

    private static void run(Runnable message) {
        try {
            message.run();
        } catch (Throwable unexpected) {
            // Messages handle their own failures; this keeps one bug from stalling the instance.
            LOG.error("Unexpected failure in an actor message", unexpected);
        }
    }
}
