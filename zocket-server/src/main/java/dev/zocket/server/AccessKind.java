package dev.zocket.server;

/** What a client asks to do with an actor instance; each kind is authorized on its own. */
public enum AccessKind {
    /** An {@code rpc}: calling one method. */
    CALL,
    /** A {@code state:sub}: receiving the state's snapshot and patches. */
    STATE,
    /** An {@code event:sub}: receiving the actor's events. */
    EVENTS
}
