package dev.zocket.protocol;

import java.util.Objects;

/** {@code state}: sub:receive a snapshot of the instance's state, then a patch after every change. */
public record StateSub(String actor, String actorId) implements ClientMessage {

    public StateSub {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
    }

    @Override
    public MessageType type() {
        return MessageType.STATE_SUB;
    }
}
