package dev.zocket.server;

import dev.zocket.Subscription;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What an actor implementation uses to read and change its state, emit events and learn who is
 * calling. One per instance, passed to the factory:
 *
 * <pre>{@code
 * final class ChatRoomActor implements ChatRoom {
 *     private final ActorContext<ChatRoom.State, ChatRoom.Events> context;
 *
 *     ChatRoomActor(ActorContext<ChatRoom.State, ChatRoom.Events> context) {
 *         this.context = context;
 *     }
 *
 *     public Sent sendMessage(Send input) {
 *         Message message = new Message(context.caller().clientId(), input.text());
 *         State next = context.update(s -> s.withMessages(append(s.messages(), message)));
 *         context.emit().broadcast().newMessage(message);
 *         return new Sent(next.messages().size() - 1);
 *     }
 * }
 * }</pre>
 *
 * <h2>Threading</h2>
 * An instance handles one message at a time (an RPC, a subscription, a lifecycle hook, a
 * timer), so handlers need no locks. Changes made with {@link #setState} and {@link #emit} are
 * part of the current message: if the handler throws, they are all discarded. If it completes,
 * subscribers receive the state patch, then the events, and the caller receives its result last.
 * {@code setState}, {@code update}, {@code emit} and {@code caller} may only be used while the
 * instance is handling a message (including the completion of an asynchronous handler);
 * otherwise they throw {@link IllegalStateException}.
 *
 * @param <S> the state record
 * @param <E> the events interface
 */
public interface ActorContext<S extends Record, E> {

    /** The actor name, for example {@code "chat"}. */
    String actorName();

    /** This instance's id, for example {@code "room-1"}. */
    String actorId();

    /** The current state, including changes the running handler has made. */
    S state();

    /** Replaces the state; subscribers receive the difference when the handler completes. */
    void setState(S next);

    /** Replaces the state with {@code change} applied to it, and returns the new state. */
    S update(UnaryOperator<S> change);

    /** Emits events to this instance's event subscribers. */
    Emitter<E> emit();

    /** The client the current message came from: the RPC caller, or the client a hook is about. */
    Caller caller();

    /** The ids of the clients currently connected to this instance. */
    Set<String> clients();

    /** Context middleware attached for the current RPC. */
    <T> Optional<T> context(Class<T> type);

    /**
     * Runs {@code task} on this instance after {@code delay}, as a message of its own (with no
     * caller): it may change state and emit. Timers end when the instance is deactivated.
     */
    Subscription schedule(Duration delay, Runnable task);
}
