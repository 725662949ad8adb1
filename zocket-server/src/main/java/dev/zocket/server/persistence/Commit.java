package dev.zocket.server.persistence;

import java.util.Objects;

/**
 * What one committed change writes: its log entry and the instance's state after it.
 *
 * @param change the log entry
 * @param snapshot the state after the change, as a JSON document
 */
public record Commit(Change change, String snapshot) {

    /** Checks both components are present. */
    public Commit {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
