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
     * Stops it: removes the listener (a delivery already under way may still arrive), or calls
     * the scheduled task off if it has not started.
     */
    void cancel();
}
