package dev.zocket.spi;

import dev.zocket.json.JsonType;
import java.util.Objects;

/**
 * Describes one event of a contract.
 *
 * @param name the event name on the wire
 * @param payloadType the payload record
 */
public record EventDescriptor(String name, JsonType<?> payloadType) {

    public EventDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
    }
}
