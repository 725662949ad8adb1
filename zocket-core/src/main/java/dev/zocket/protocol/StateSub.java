package dev.zocket.protocol;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code state:sub}: receive the instance's state, then a patch after every change.
 *
 * @param since extension: the state version the client already holds; the server may then answer
 *     with the patches after it instead of a snapshot. Empty when absent (always a snapshot)
 */
public record StateSub(String actor, String actorId, OptionalLong since) implements ClientMessage {

    public StateSub {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(since, "since");
    }

    /** A subscription as the original protocol has it: the answer starts with a snapshot. */
    public StateSub(String actor, String actorId) {
        this(actor, actorId, OptionalLong.empty());
    }

    @Override
    public MessageType type() {
        return MessageType.STATE_SUB;
    }
}
