package dev.zocket.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.json.JsonCodec;
import dev.zocket.processor.fixtures.Counter;
import dev.zocket.processor.fixtures.CounterBinding;
import dev.zocket.spi.ActorBinding;
import dev.zocket.spi.ActorBindings;
import dev.zocket.spi.EventTarget;
import dev.zocket.spi.InputDecoder;
import dev.zocket.spi.MethodDescriptor;
import dev.zocket.spi.MethodDispatcher;
import dev.zocket.spi.MethodResult;
import dev.zocket.validation.ValidatingInputDecoder;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Runs a generated dispatcher, emitter and binding directly: decode and validate without an
 * implementation, then invoke, then encode.
 */
class DispatcherEndToEndTest {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final InputDecoder INPUTS = new ValidatingInputDecoder(JSON, Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator());

    /** A plain implementation, as a user would write one. */
    static final class CounterActor implements Counter {
        int count;

        @Override
        public Total add(Add input) {
            count += input.amount();
            return new Total(count);
        }

        @Override
        public int current() {
            return count;
        }

        @Override
        public void reset() {
            count = 0;
        }

        @Override
        public CompletionStage<Total> addLater(Add input) {
            return CompletableFuture.completedFuture(add(input));
        }
    }

    /** Fails in every method; a test overrides the one that invoke must call, and no other may run. */
    static class UntouchableCounter implements Counter {
        @Override
        public Total add(Add input) {
            throw new AssertionError("add called");
        }

        @Override
        public int current() {
            throw new AssertionError("current called");
        }

        @Override
        public void reset() {
            throw new AssertionError("reset called");
        }

        @Override
        public CompletionStage<Total> addLater(Add input) {
            throw new AssertionError("addLater called");
        }
    }

    private static final MethodDispatcher<Counter> DISPATCHER = CounterBinding.INSTANCE.dispatcher();

    private final CounterActor actor = new CounterActor();

    /** Both steps, as the server runs them. */
    private MethodResult call(String method, String input) throws Exception {
        Object decoded = decode(method, input);
        return DISPATCHER.invoke(actor, method, decoded);
    }

    private static Object decode(String method, String input) {
        JsonNode node = input == null ? null : JSON.parse(input);
        return DISPATCHER.decode(method, node, INPUTS);
    }

    @Test
    void bindingIsFoundThroughServiceLoader() {
        ActorBinding<Counter, ?, ?> binding = ActorBindings.forContract(Counter.class);
        assertSame(Counter.class, binding.contract());
        assertEquals("counter", binding.actorName());
        assertEquals(List.of("add", "current", "reset", "addLater"),
                binding.methods().stream().map(MethodDescriptor::name).toList());
    }

    @Test
    void decodesValidatesInvokesAndEncodes() throws Exception {
        MethodResult result = call("add", "{\"amount\":2,\"reason\":{\"text\":\"why\"}}");

        Object value = assertInstanceOf(MethodResult.Value.class, result).value();
        assertEquals("{\"count\":2}", JSON.toJson(value));
        assertEquals(2, actor.count);
    }

    @Test
    void methodsWithoutInputOrResult() throws Exception {
        actor.count = 5;
        assertEquals(5, assertInstanceOf(MethodResult.Value.class, call("current", null)).value());
        assertSame(MethodResult.none(), call("reset", null));
        assertEquals(0, actor.count);
    }

    @Test
    void asynchronousMethodsReturnTheirStage() throws Exception {
        MethodResult.Pending pending = assertInstanceOf(MethodResult.Pending.class,
                call("addLater", "{\"amount\":3,\"reason\":{\"text\":\"later\"}}"));

        assertEquals(new Counter.Total(3), pending.stage().toCompletableFuture().join());
        assertEquals(false, pending.isVoid());
    }

    @Test
    void unknownMethodIsNotFound() {
        RpcException failure = assertThrows(RpcException.class, () -> call("nope", null));
        assertEquals(ErrorCode.NOT_FOUND, failure.code());
        assertEquals("Unknown method: nope", failure.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"amount\":0,\"reason\":{\"text\":\"x\"}}       | Validation failed for add: [amount: must be greater than or equal to 1]",
        "{\"amount\":1,\"reason\":{\"text\":\" \"}}       | Validation failed for add: [reason.text: must not be blank]",
        "{\"amount\":0,\"reason\":null}                  | Validation failed for add: [amount: must be greater than or equal to 1, reason: must not be null]",
        "{\"reason\":{\"text\":\"x\"}}                   | Validation failed for add: [amount: is required]",
        "{\"amount\":\"2\",\"reason\":{\"text\":\"x\"}}   | Validation failed for add: [amount: expected an integer]",
        "{\"amount\":1,\"reason\":{\"text\":5}}          | Validation failed for add: [reason.text: expected a string but was a number]",
        "[1]                                             | Validation failed for add: [input: expected an object]",
        "null                                            | Validation failed for add: [input: is required]",
    })
    void invalidInputIsABadRequestNamingEveryProblem(String input, String message) {
        RpcException failure = assertThrows(RpcException.class, () -> call("add", input));
        assertEquals(ErrorCode.BAD_REQUEST, failure.code());
        assertEquals(message, failure.getMessage());
        assertEquals(0, actor.count, "the handler did not run");
    }

    @Test
    void decodingNeedsNoImplementationAndReturnsTheValidatedRecord() {
        assertEquals(new Counter.Add(2, new Counter.Reason("why")),
                decode("add", "{\"amount\":2,\"reason\":{\"text\":\"why\"}}"));
        assertEquals(new Counter.Add(4, new Counter.Reason("soon")),
                decode("addLater", "{\"amount\":4,\"reason\":{\"text\":\"soon\"}}"));
    }

    @Test
    void decodingAMethodWithoutInputIgnoresWhateverWasSent() {
        assertNull(decode("current", null));
        assertNull(decode("reset", "{\"amount\":\"not even valid\"}"));
    }

    @Test
    void decodingRefusesInvalidInputAndUnknownMethods() {
        RpcException invalid = assertThrows(RpcException.class, () -> decode("add", "{\"amount\":0}"));
        assertEquals("Validation failed for add: [amount: must be greater than or equal to 1, reason: must not be null]",
                invalid.getMessage());
        RpcException unknown = assertThrows(RpcException.class, () -> decode("nope", "{}"));
        assertEquals(ErrorCode.NOT_FOUND, unknown.code());
        assertEquals("Unknown method: nope", unknown.getMessage());
    }

    @Test
    void invokingCallsTheNamedMethodWithTheDecodedValueAsIs() throws Exception {
        List<Counter.Add> received = new ArrayList<>();
        Counter recording = new UntouchableCounter() {
            @Override
            public Total add(Add input) {
                received.add(input);
                return new Total(input.amount());
            }
        };
        Object decoded = decode("add", "{\"amount\":7,\"reason\":{\"text\":\"once\"}}");

        MethodResult result = DISPATCHER.invoke(recording, "add", decoded);

        assertEquals(new Counter.Total(7), assertInstanceOf(MethodResult.Value.class, result).value());
        assertEquals(1, received.size());
        assertSame(decoded, received.get(0), "invoke hands over the decoded record without decoding again");
    }

    @Test
    void invokingAnUnknownMethodIsNotFound() {
        RpcException failure = assertThrows(RpcException.class, () -> DISPATCHER.invoke(actor, "nope", null));
        assertEquals(ErrorCode.NOT_FOUND, failure.code());
        assertEquals("Unknown method: nope", failure.getMessage());
    }

    @Test
    void missingInputIsABadRequest() {
        RpcException failure = assertThrows(RpcException.class, () -> call("add", null));
        assertEquals("Validation failed for add: [input: is required]", failure.getMessage());
    }

    @Test
    void emitterSendsNamedEventsToTheSinkWithItsTarget() {
        List<String> emitted = new ArrayList<>();
        Counter.Events events = CounterBinding.INSTANCE.emitter(
                (event, payload, target) -> emitted.add(event + " " + JSON.toJson(payload) + " " + target),
                EventTarget.broadcast());

        events.changed(new Counter.Changed(3, "c1"));

        assertEquals(List.of("changed {\"count\":3,\"by\":\"c1\"} broadcast"), emitted);
    }

    @Test
    void initialStateUsesEmptyValuesForTheCanonicalConstructor() {
        assertEquals(new Counter.State(0, List.of()), CounterBinding.INSTANCE.initialState());
    }
}
