package dev.zocket.server.internal.runtime;

import dev.zocket.RpcException;
import dev.zocket.json.JsonType;
import dev.zocket.spi.InputDecoder;
import dev.zocket.spi.MethodDispatcher;
import java.lang.reflect.Proxy;
import tools.jackson.databind.JsonNode;

/**
 * Decodes and validates an RPC's input before the instance's implementation is involved, so a
 * call with bad input creates nothing and runs no middleware or factory.
 *
 * <p>The generated dispatcher decodes a method's input and then calls the method. Dispatching
 * to a stand-in implementation, whose every method stops the dispatch, yields the decoded input
 * (or the validation failure) without a generated method of its own; {@link Decoded#replay}
 * hands that same value to the real dispatch, so nothing is decoded twice.
 */
final class InputCheck<C> {

    /** Thrown by the stand-in once the dispatcher has decoded the input and called it. */
    private static final class Reached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Reached() {
            super(null, null, false, false);
        }
    }

    private static final Reached REACHED = new Reached();

    private final MethodDispatcher<C> dispatcher;
    private final C standIn;

    InputCheck(Class<C> contract, MethodDispatcher<C> dispatcher) {
        this.dispatcher = dispatcher;
        this.standIn = contract.cast(Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract},
                (proxy, method, arguments) -> {
                    throw REACHED;
                }));
    }

    /**
     * Decodes {@code input} for {@code method}, which the contract declares.
     *
     * @throws RpcException {@code bad_request} for input that does not decode or validate
     */
    Decoded decode(String method, JsonNode input, InputDecoder inputs) throws RpcException {
        Decoded decoded = new Decoded(inputs);
        try {
            dispatcher.dispatch(standIn, method, input, decoded);
        } catch (Reached reached) {
            return decoded;
        } catch (RpcException rejected) {
            throw rejected;
        } catch (Exception unexpected) {
            throw new IllegalStateException("The dispatcher of " + method + " failed before calling it", unexpected);
        }
        throw new IllegalStateException("The dispatcher of " + method + " returned without calling it");
    }

    /** The decoded input of one call: recorded by the check, replayed to the real dispatch. */
    static final class Decoded implements InputDecoder {

        private final InputDecoder inputs;
        private Object value;

        private Decoded(InputDecoder inputs) {
            this.inputs = inputs;
        }

        @Override
        public <T> T decode(String method, JsonNode input, JsonType<T> type) {
            T decoded = inputs.decode(method, input, type);
            value = decoded;
            return decoded;
        }

        /** A decoder that returns the value decoded already. */
        InputDecoder replay() {
            return new InputDecoder() {
                @Override
                public <T> T decode(String method, JsonNode input, JsonType<T> type) {
                    @SuppressWarnings("unchecked")
                    T same = (T) value;
                    return same;
                }
            };
        }
    }
}
