package dev.zocket.protocol;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** {@code event}: an event emitted by an actor instance, sent to its event subscribers. */
public record EventMessage(String actor, String actorId, String event, JsonNode payload) implements ServerMessage {

    public EventMessage {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public MessageType type() {
        return MessageType.EVENT;
    }
}
