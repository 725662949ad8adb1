package dev.zocket.protocol;

import java.util.Objects;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * {@code state:snapshot}: the whole state of an actor instance, the first state message a
 * subscriber receives.
 *
 * @param version the instance's state version (extension; empty when an older server omits it)
 */
public record StateSnapshot(String actor, String actorId, JsonNode state, OptionalLong version)
        implements ServerMessage {

    public StateSnapshot {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public MessageType type() {
        return MessageType.STATE_SNAPSHOT;
    }
}
