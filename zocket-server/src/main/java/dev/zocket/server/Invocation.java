package dev.zocket.server;

import java.util.Optional;

/**
 * An RPC as middleware sees it, before the handler runs. Middleware reads who is calling what,
 * and may attach typed context for the handler ({@link ActorContext#context(Class)}).
 */
public interface Invocation {

    Caller caller();

    /** The actor name, for example {@code "chat"}. */
    String actor();

    /** The instance id, for example {@code "room-1"}. */
    String actorId();

    /** The method being called. */
    String method();

    /** Attaches a value the handler and later middleware can read by its type. */
    <T> void put(Class<T> type, T value);

    /** A value earlier middleware attached. */
    <T> Optional<T> get(Class<T> type);
}
