package dev.zocket.server;

/**
 * Optional hooks for an actor implementation. Each runs as a message of its own, in order with
 * RPCs, and may change state and emit events like a handler.
 */
public interface ActorLifecycle {

    /** The instance was created, before its first message. */
    default void onActivate() {}

    /** The instance is going away: idle too long, or the server is shutting down. */
    default void onDeactivate() {}

    /** A client interacted with this instance for the first time on its connection. */
    default void onConnect(Caller client) {}

    /** A client that had interacted with this instance disconnected. */
    default void onDisconnect(Caller client) {}
}
