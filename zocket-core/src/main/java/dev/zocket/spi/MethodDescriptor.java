package dev.zocket.spi;

import java.util.Objects;

/**
 * Describes one RPC method of a contract; a host answers a call to a name no descriptor has with
 * {@code Unknown method} before middleware runs.
 *
 * @param name the method name on the wire
 */
public record MethodDescriptor(String name) {

    public MethodDescriptor {
        Objects.requireNonNull(name, "name");
    }
}
