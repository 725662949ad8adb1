package dev.zocket.protocol;

import java.util.Objects;

/** {@code event}: sub:receive the instance's events. */
public record EventSub(String actor, String actorId) implements ClientMessage {

    public EventSub {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
    }

    @Override
    public MessageType type() {
        return MessageType.EVENT_SUB;
    }
}
