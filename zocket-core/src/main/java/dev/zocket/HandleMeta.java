package dev.zocket;

/** Which actor instance a handle talks to. */
public interface HandleMeta {

    /** The actor name, for example {@code "chat"}. */
    String name();

    /** The actor instance id, for example {@code "room-1"}. */
    String id();
}
