package dev.zocket.protocol;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * {@code rpc}: calls {@code method} on one actor instance. The server answers with an
 * {@link RpcResult} carrying the same {@code id}.
 *
 * @param input the method's input; {@code null} when absent (methods without input)
 */
public record RpcCall(String id, String actor, String actorId, String method, JsonNode input)
        implements ClientMessage {

    public RpcCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(method, "method");
    }

    @Override
    public MessageType type() {
        return MessageType.RPC;
    }
}
