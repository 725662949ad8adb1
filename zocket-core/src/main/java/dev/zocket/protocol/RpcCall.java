package dev.zocket.protocol;

import java.util.Objects;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * {@code rpc}: calls {@code method} on one actor instance. The server answers with an
 * {@link RpcResult} carrying the same {@code id}.
 *
 * @param input the method's input; {@code null} when absent (methods without input)
 * @param idempotencyKey extension: a key chosen by the client; a second call with the same key to
 *     the same instance is answered with the first call's outcome instead of running again.
 *     {@code null} when absent
 * @param baseVersion extension: the state version the caller based the call on; the call is
 *     refused with {@code conflict} when the instance's version differs. Empty when absent
 */
public record RpcCall(String id, String actor, String actorId, String method, JsonNode input,
                      String idempotencyKey, OptionalLong baseVersion)
        implements ClientMessage {

    public RpcCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(baseVersion, "baseVersion");
    }

    /** A call as the original protocol has it: no idempotency key, no base version. */
    public RpcCall(String id, String actor, String actorId, String method, JsonNode input) {
        this(id, actor, actorId, method, input, null, OptionalLong.empty());
    }

    @Override
    public MessageType type() {
        return MessageType.RPC;
    }
}
