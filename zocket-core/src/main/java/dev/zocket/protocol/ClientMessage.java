package dev.zocket.protocol;

/** A message a client sends to the server. Every one addresses one actor instance. */
public sealed interface ClientMessage extends Message
        permits RpcCall, EventSub, EventUnsub, StateSub, StateUnsub {

    /** The actor name, for example {@code "chat"}. */
    String actor();

    /** The actor instance id, for example {@code "room-1"}. */
    String actorId();
}
