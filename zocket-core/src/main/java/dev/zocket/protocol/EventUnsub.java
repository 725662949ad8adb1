package dev.zocket.protocol;

import java.util.Objects;

/** {@code event}: unsub:stop receiving the instance's events. */
public record EventUnsub(String actor, String actorId) implements ClientMessage {

    public EventUnsub {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
    }

    @Override
    public MessageType type() {
        return MessageType.EVENT_UNSUB;
    }
}
