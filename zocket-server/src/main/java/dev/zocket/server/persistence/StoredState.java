package dev.zocket.server.persistence;

import java.util.Objects;

/**
 * An instance's state as last committed.
 *
 * @param version the version of the last change, 1 or more
 * @param snapshot the state as a JSON document
 */
public record StoredState(long version, String snapshot) {

    /** Checks the version is at least 1. */
    public StoredState {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
