package dev.zocket.spi;

import dev.zocket.json.JsonType;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON input of an RPC into its validated input record. Supplied by the host to
 * generated dispatchers.
 */
@FunctionalInterface
public interface InputDecoder {

    /**
     * Decodes and validates.
     *
     * @throws dev.zocket.RpcException with code {@code bad_request} and the message
     *     {@code Validation failed for <method>: [<path>: <problem>, ...]}
     */
    <T> T decode(String method, JsonNode input, JsonType<T> type);
}
