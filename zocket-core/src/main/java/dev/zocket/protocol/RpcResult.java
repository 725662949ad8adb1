package dev.zocket.protocol;

import dev.zocket.ErrorCode;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * {@code rpc:result}: the answer to the {@link RpcCall} with the same {@code id}.
 *
 * <p>A success carries {@code result}, which is absent ({@code null} here) for a void method.
 * A failure carries {@code error}, the message, and {@code code}, an additive extension that
 * older servers do not send (so it may be {@code null} when decoded).
 */
public record RpcResult(String id, JsonNode result, String error, ErrorCode code) implements ServerMessage {

    public RpcResult {
        Objects.requireNonNull(id, "id");
        if (error != null && result != null) {
            throw new IllegalArgumentException("An rpc:result carries a result or an error, not both");
        }
        if (error == null && code != null) {
            throw new IllegalArgumentException("An error code needs an error message");
        }
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

    public boolean isError() {
        return error != null;
    }

    @Override
    public MessageType type() {
        return MessageType.RPC_RESULT;
    }
}
