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
 * @param idempotencyKey the idempotency key of the call that made the change, {@code null} when the
 *     call had none (and for timers and hooks)
 * @param requestDigest with a key: a digest of the call's method, input and caller, which tells a
 *     repeat of the same call from another call reusing its key; {@code null} without a key
 * @param result with a key: the call's result as a JSON document, so a repeat can be answered with
 *     it after a restart; {@code null} for a void method or without a key
 */
public record Change(String actorType, String instanceId, long version, Instant time, String caller,
                     String method, String patch, String idempotencyKey, String requestDigest, String result) {

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
        if (idempotencyKey == null && (requestDigest != null || result != null)) {
            throw new IllegalArgumentException("a request digest or result needs an idempotency key");
        }
    }

    /** A change made without an idempotency key. */
    public Change(String actorType, String instanceId, long version, Instant time, String caller, String method,
            String patch) {
        this(actorType, instanceId, version, time, caller, method, patch, null, null, null);
    }
}
