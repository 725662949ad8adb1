package dev.zocket;

/**
 * Something that keeps happening until it is called off: a registered listener, or a task
 * scheduled for later. {@link #cancel()} stops it; cancelling twice is harmless.
 *
 * <pre>{@code
 * Subscription messages = room.onNewMessage(message -> show(message));
 * ...
 * messages.cancel();
 * }</pre>
 */
@FunctionalInterface
public interface Subscription {

    /**
     * Stops it: a listener receives nothing further (a delivery already running finishes), a
     * scheduled task that has not started yet never runs.
     */
    void cancel();
}
