package dev.zocket.spi;

import dev.zocket.RpcException;
import tools.jackson.databind.JsonNode;

/**
 * Calls the method named in an RPC on an implementation of the contract, in two steps that a
 * host may run apart: {@link #decode} needs no implementation, so a call with bad input can be
 * refused before one exists; {@link #invoke} calls the method with what {@code decode} returned.
 * Generated: one {@code switch} over method names per step, with direct calls, no reflection.
 *
 * <pre>{@code
 * Object input = dispatcher.decode(call.method(), call.input(), inputs); // may throw bad_request
 * MethodResult result = dispatcher.invoke(actor, call.method(), input);
 * }</pre>
 *
 * @param <C> the contract interface
 */
public interface MethodDispatcher<C> {

    /**
     * Decodes and validates the input of {@code method}.
     *
     * @param input the call's JSON input, or {@code null} if it has none
     * @return the method's input record, or {@code null} for a method that takes no input (its
     *     JSON input, if any, is ignored)
     * @throws RpcException {@code Unknown method: <name>} (code {@code not_found}) or a
     *     validation failure from {@code inputs}
     */
    Object decode(String method, JsonNode input, InputDecoder inputs);

    /**
     * Invokes {@code method} on {@code actor} and reports what it returned.
     *
     * @param input what {@link #decode} returned for the same method
     * @throws RpcException {@code Unknown method: <name>} (code {@code not_found})
     * @throws ClassCastException if {@code input} was decoded for another method
     * @throws Exception whatever the method throws
     */
    MethodResult invoke(C actor, String method, Object input) throws Exception;

    /** The error for a method the contract does not declare. */
    static RpcException unknownMethod(String method) {
        return RpcException.notFound("Unknown method: " + method);
    }
}
