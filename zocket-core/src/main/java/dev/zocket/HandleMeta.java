package dev.zocket;

/** Identity and lifecycle of a handle: which actor instance it talks to, and how to let go. */
public interface HandleMeta {

    /** The actor name, for example {@code "chat"}. */
    String name();

    /** The actor instance id, for example {@code "room-1"}. */
    String id();

    /**
     * Releases this handle. Handles to the same instance share their subscriptions; when the
     * last one is released the client unsubscribes, after a short grace period so that a
     * release immediately followed by a new handle keeps them. Idempotent.
     */
    void dispose();
}
