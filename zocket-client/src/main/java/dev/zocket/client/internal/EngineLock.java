package dev.zocket.client.internal;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine's one lock, and the discipline that goes with it: an operation changes the
 * engine's state and queues its messages while holding the lock, and only after releasing it
 * are the messages sent, the engine's actions (transport, timers) run, and the user's callbacks
 * handed to the serial executor.
 *
 * <p>So nothing outside this package ever runs under the lock: not user code, not the
 * transport, not the time source. That matters because the test kit's transport and clock run
 * whatever they are given on the calling thread; under the lock they would re-enter the
 * engine half-way through an operation. An operation that tries it anyway fails fast.
 *
 * <p><b>Threading.</b> Any thread may run operations; they are serialized by the lock.
 */
final class EngineLock {

    private final Object monitor = new Object();
    private final Outbox outbox;
    private final Executor events;

    EngineLock(Outbox outbox, Executor events) {
        this.outbox = outbox;
        this.events = events;
    }

    /** Runs {@code operation} under the lock, then what it deferred. */
    void run(Consumer<Deferred> operation) {
        apply(deferred -> {
            operation.accept(deferred);
            return null;
        });
    }

    /** Runs {@code operation} under the lock, then what it deferred; returns its result. */
    <T> T apply(Function<Deferred, T> operation) {
        requireNotHeld();
        Deferred deferred = new Deferred();
        try {
            synchronized (monitor) {
                return operation.apply(deferred);
            }
        } finally {
            outbox.flush();
            deferred.runActions();
            deferred.dispatchCallbacks(events);
        }
    }

    /** Reads engine state under the lock; {@code query} must not change anything. */
    <T> T read(Supplier<T> query) {
        requireNotHeld();
        synchronized (monitor) {
            return query.get();
        }
    }

    private void requireNotHeld() {
        if (Thread.holdsLock(monitor)) {
            throw new IllegalStateException("The client engine was re-entered under its lock");
        }
    }
}
