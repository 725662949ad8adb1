package dev.zocket.server.internal.runtime;

import java.util.Objects;

/** Addresses one actor instance: {@code chat/room-1}. */
public record InstanceKey(String actor, String id) {

    public InstanceKey {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return actor + "/" + id;
    }
}
