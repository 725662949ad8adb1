package dev.zocket.protocol;

import java.util.Objects;

/** {@code state}: unsub:stop receiving state patches. */
public record StateUnsub(String actor, String actorId) implements ClientMessage {

    public StateUnsub {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
    }

    @Override
    public MessageType type() {
        return MessageType.STATE_UNSUB;
    }
}
