package dev.zocket.spi;

import dev.zocket.json.JsonType;
import java.util.Objects;

/**
 * Describes one RPC method of a contract.
 *
 * @param name the method name on the wire
 * @param inputType the input record, or {@code null} when the method takes no input
 * @param resultType the result type; {@code Void} for void methods
 * @param async whether the method returns a {@code CompletionStage}
 */
public record MethodDescriptor(String name, JsonType<?> inputType, JsonType<?> resultType, boolean async) {

    public MethodDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resultType, "resultType");
    }
}
