package dev.zocket.server.internal.runtime;

import dev.zocket.server.Caller;
import dev.zocket.spi.EventTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one message (an RPC, a hook, a timer) has done so far: the next state, the events to
 * deliver, and context middleware attached. Committed as a whole when the message completes,
 * discarded if it fails.
 */
final class Transaction<S> {

    record PendingEvent(String name, Object payload, EventTarget target) {}

    private final Caller caller;
    private final List<PendingEvent> events = new ArrayList<>();
    private final Map<Class<?>, Object> attachments = new HashMap<>();
    private S state;
    /**
     * The thread that may use the transaction through the actor's context: the one running its
     * hook or timer, {@code null} for any thread once an RPC's handler runs (it may continue on
     * its stage's threads), and {@link #NOBODY} once a late handler's transaction is abandoned.
     */
    private volatile Thread owner = Thread.currentThread();
    private static final Thread NOBODY = new Thread("nobody");

    Transaction(Caller caller, S state) {
        this.caller = caller;
        this.state = state;
    }

    /** Starts from {@code committed}: what hooks run since it was created (onConnect) committed. */
    void rebase(S committed) {
        this.state = committed;
    }

    void releaseToAnyThread() {
        owner = null;
    }

    /** The handler ran out of time: nothing may use this transaction any more. */
    void abandon() {
        owner = NOBODY;
    }

    /** Whether the current thread may use this transaction. */
    boolean usableHere() {
        Thread current = owner;
        return current == null || current == Thread.currentThread();
    }

    /** The client the message came from, or {@code null} for timers and activation hooks. */
    Caller caller() {
        return caller;
    }

    S state() {
        return state;
    }

    void setState(S state) {
        this.state = state;
    }

    void emit(PendingEvent event) {
        events.add(event);
    }

    List<PendingEvent> events() {
        return events;
    }

    <T> void attach(Class<T> type, T value) {
        attachments.put(type, type.cast(value));
    }

    <T> T attachment(Class<T> type) {
        return type.cast(attachments.get(type));
    }
}
