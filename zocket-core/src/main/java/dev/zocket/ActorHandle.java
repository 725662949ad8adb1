package dev.zocket;

/**
 * What every generated handle offers besides its typed methods and event listeners: the state
 * view, the handle's identity, and {@link #close()}.
 *
 * <pre>{@code
 * try (ChatRoomHandle room = ChatRoomHandle.of(client, "general")) {
 *     room.sendMessage(new ChatRoom.Send("hello")).join();
 * }
 * }</pre>
 *
 * @param <S> the actor's state record
 */
public interface ActorHandle<S> extends AutoCloseable {

    /** The actor instance's state, kept in sync while subscribed. */
    StateView<S> state();

    /** The actor name and instance id. */
    HandleMeta meta();

    /**
     * Releases this handle and the listeners added through it. Handles to the same instance
     * share their subscriptions; when the last one is closed the client unsubscribes, after a
     * short grace period so that a close immediately followed by a new handle keeps them.
     * Idempotent.
     */
    @Override
    void close();
}
