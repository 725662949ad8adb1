package dev.zocket.server;

import java.util.Collection;

/**
 * Chooses who receives an event, then emits it through the actor's typed events interface:
 *
 * <pre>{@code
 * context.emit().broadcast().newMessage(message);
 * context.emit().to(context.caller().clientId()).welcome(greeting);
 * context.emit().except(context.caller().clientId()).joined(player);
 * }</pre>
 *
 * Only clients subscribed to the instance's events receive anything; a target only narrows that
 * set. Events are delivered after the handler completes, after the state patch it caused, and
 * not at all if it fails.
 *
 * @param <E> the actor's events interface
 */
public interface Emitter<E> {

    /** To every event subscriber. */
    E broadcast();

    /** To these clients only. */
    E to(String... clientIds);

    /** To these clients only. */
    E to(Collection<String> clientIds);

    /** To every event subscriber except these clients. */
    E except(String... clientIds);

    /** To every event subscriber except these clients. */
    E except(Collection<String> clientIds);
}
