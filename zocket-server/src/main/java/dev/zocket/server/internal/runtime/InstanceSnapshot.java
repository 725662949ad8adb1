package dev.zocket.server.internal.runtime;

/**
 * What diagnostics may read of a live instance from outside its mailbox, without stopping it:
 * values as of a recent moment, each read once.
 *
 * @param key the instance
 * @param version its committed version, as last seen by this thread
 * @param idleNanos how long since its last message
 * @param holds clients, subscriptions and timers keeping it live
 * @param active whether its implementation exists (an instance that only received a refused call has none)
 */
public record InstanceSnapshot(InstanceKey key, long version, long idleNanos, int holds, boolean active) {}
