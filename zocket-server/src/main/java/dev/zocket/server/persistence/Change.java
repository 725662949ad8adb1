package dev.zocket.server.persistence;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an instance's change log.
 *
 * @param actorType the actor type's name, as clients address it
 * @param instanceId the instance's id
 * @param version the version this change produced, 1 for an instance's first change
 * @param time when the change was committed by the actor
 * @param caller who caused it: the caller's principal name or client id, {@code null} for timers
 *     and lifecycle hooks
 * @param method the RPC method or hook that made the change
 * @param patch the change as a JSON Patch (RFC 6902) document, a JSON array
 * @param idempotencyKey the RPC's idempotency key; always {@code null} until exactly-once RPCs land
 */
public record Change(String actorType, String instanceId, long version, Instant time, String caller,
                     String method, String patch, String idempotencyKey) {

    /** Checks the required components are present and the version is at least 1. */
    public Change {
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(patch, "patch");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
    }
}
