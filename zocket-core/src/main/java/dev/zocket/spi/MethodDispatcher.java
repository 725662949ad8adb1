package dev.zocket.spi;

import dev.zocket.RpcException;
import tools.jackson.databind.JsonNode;

/**
 * Calls the method named in an RPC on an implementation of the contract. Generated: a
 * {@code switch} over method names with direct calls, no reflection.
 *
 * @param <C> the contract interface
 */
@FunctionalInterface
public interface MethodDispatcher<C> {

    /**
     * Decodes the input, invokes the method and reports what it returned.
     *
     * @throws RpcException {@code Unknown method: <name>} (code {@code not_found}) or a
     *     validation failure from {@code inputs}
     * @throws Exception whatever the method throws
     */
    MethodResult dispatch(C actor, String method, JsonNode input, InputDecoder inputs) throws Exception;

    /** The error for a method the contract does not declare. */
    static RpcException unknownMethod(String method) {
        return RpcException.notFound("Unknown method: " + method);
    }
}
