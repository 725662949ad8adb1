package dev.zocket.protocol;

import dev.zocket.ErrorCode;
import java.util.Objects;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * {@code rpc:result}: the answer to the {@link RpcCall} with the same {@code id}.
 *
 * <p>A success carries {@code result}, which is absent ({@code null} here) for a void method.
 * A failure carries {@code error}, the message, and {@code code}, an additive extension that
 * older servers do not send (so it may be {@code null} when decoded).
 *
 * @param replayed extension: {@code true} when this is the stored outcome of an earlier call with
 *     the same idempotency key, answered without running the method again
 * @param version extension: on a {@code conflict} caused by a base version, the instance's current
 *     version; empty otherwise
 */
public record RpcResult(String id, JsonNode result, String error, ErrorCode code, boolean replayed,
                        OptionalLong version) implements ServerMessage {

    public RpcResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        if (error != null && result != null) {
            throw new IllegalArgumentException("An rpc:result carries a result or an error, not both");
        }
        if (error == null && code != null) {
            throw new IllegalArgumentException("An error code needs an error message");
        }
    }

    /** An answer as the original protocol has it: not a replay, no version. */
    public RpcResult(String id, JsonNode result, String error, ErrorCode code) {
        this(id, result, error, code, false, OptionalLong.empty());
    }

    /** A successful call that returned {@code result}. */
    public static RpcResult success(String id, JsonNode result) {
        return new RpcResult(id, Objects.requireNonNull(result, "result"), null, null);
    }

    /** A successful call to a void method: no {@code result} member on the wire. */
    public static RpcResult successVoid(String id) {
        return new RpcResult(id, null, null, null);
    }

    public static RpcResult failure(String id, ErrorCode code, String message) {
        return new RpcResult(id, null, Objects.requireNonNull(message, "message"), Objects.requireNonNull(code, "code"));
    }

    /** A {@code conflict}: the call named a base version other than the instance's {@code version}. */
    public static RpcResult versionConflict(String id, String message, long version) {
        return new RpcResult(id, null, Objects.requireNonNull(message, "message"), ErrorCode.CONFLICT, false,
                OptionalLong.of(version));
    }

    /** This outcome answering another call, {@code id}, that repeated its idempotency key. */
    public RpcResult replayFor(String id) {
        return new RpcResult(id, result, error, code, true, version);
    }

    public boolean isError() {
        return error != null;
    }

    @Override
    public MessageType type() {
        return MessageType.RPC_RESULT;
    }
}
