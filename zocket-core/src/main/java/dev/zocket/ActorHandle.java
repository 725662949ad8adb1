package dev.zocket;

/**
 * What every generated handle offers besides its typed methods and event listeners: the state
 * view and the handle's identity. Closing a handle disposes it.
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

    /** Name, id and disposal. */
    HandleMeta meta();

    /** Same as {@code meta().dispose()}. */
    @Override
    default void close() {
        meta().dispose();
    }
}
