package dev.zocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zocket.ErrorCode;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.PatchOperation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class ProtocolCodecTest {

    private static final ProtocolCodec CODEC = ProtocolCodec.standard();
    private static final JsonCodec JSON = JsonCodec.standard();

    private static JsonNode json(String text) {
        return JSON.parse(text);
    }

    static Stream<ClientMessage> clientMessages() {
        return Stream.of(
                new RpcCall("rpc_1_m3abc", "chat", "room-1", "sendMessage", json("{\"text\":\"hello\"}")),
                new RpcCall("rpc_2_m3abc", "counter", "c", "increment", null),
                new RpcCall("rpc_3", "counter", "c", "set", json("null")),
                new RpcCall("rpc_4", "counter", "c", "set", json("{\"value\":1}"), "k-1", OptionalLong.of(12)),
                new RpcCall("rpc_5", "counter", "c", "increment", null, "k-2", OptionalLong.empty()),
                new RpcCall("rpc_6", "counter", "c", "increment", null, null, OptionalLong.of(0)),
                new StateSub("chat", "room-1", OptionalLong.of(41)),
                new EventSub("chat", "room-1"),
                new EventUnsub("chat", "room-1"),
                new StateSub("chat", "room/1 ~ é"),
                new StateUnsub("chat", "room-1"));
    }

    static Stream<ServerMessage> serverMessages() {
        return Stream.of(
                new Welcome("c_1"),
                RpcResult.success("rpc_1", json("{\"count\":42}")),
                RpcResult.success("rpc_2", json("null")),
                RpcResult.successVoid("rpc_3"),
                RpcResult.failure("rpc_4", ErrorCode.FORBIDDEN, "Unauthorized"),
                new RpcResult("rpc_5", null, "from an older server", null),
                RpcResult.success("rpc_6", json("{\"count\":42}")).replayFor("rpc_7"),
                RpcResult.successVoid("rpc_8").replayFor("rpc_9"),
                RpcResult.versionConflict("rpc_10", "State moved on: version 12, not 11", 12),
                new EventMessage("chat", "room-1", "newMessage", json("{\"text\":\"hello\",\"from\":\"conn_123\"}")),
                new StateSnapshot("chat", "room-1", json("{\"messages\":[],\"online\":[\"conn_123\"]}"), OptionalLong.of(0)),
                new StateSnapshot("chat", "room-1", json("{}"), OptionalLong.empty()),
                new StatePatch("chat", "room-1", List.of(
                        PatchOperation.add("/messages/-", json("{\"text\":\"hi\"}")),
                        PatchOperation.replace("/count", json("2")),
                        PatchOperation.remove("/players/0")), OptionalLong.of(7)),
                new ProtocolError(ErrorCode.NOT_FOUND, "Unknown actor: nope", MessageType.STATE_SUB, "nope", "x"),
                ProtocolError.malformed("Message must be a JSON object"));
    }

    @ParameterizedTest
    @MethodSource("clientMessages")
    void clientMessagesRoundTrip(ClientMessage message) {
        assertEquals(new ParseResult.Parsed<>(message), CODEC.parseClientMessage(CODEC.encodeToString(message)));
    }

    @ParameterizedTest
    @MethodSource("serverMessages")
    void serverMessagesRoundTrip(ServerMessage message) {
        assertEquals(new ParseResult.Parsed<>(message), CODEC.parseServerMessage(CODEC.encodeToString(message)));
    }

    @Test
    void encodesTheDocumentedShapes() {
        assertEquals("{\"type\":\"rpc\",\"id\":\"rpc_1_m3abc\",\"actor\":\"chat\",\"actorId\":\"room-1\","
                + "\"method\":\"sendMessage\",\"input\":{\"text\":\"hello\"}}",
                CODEC.encodeToString(new RpcCall("rpc_1_m3abc", "chat", "room-1", "sendMessage", json("{\"text\":\"hello\"}"))));
        assertEquals("{\"type\":\"rpc:result\",\"id\":\"r\"}", CODEC.encodeToString(RpcResult.successVoid("r")),
                "a void result has no result member");
        assertEquals("{\"type\":\"rpc:result\",\"id\":\"r\",\"error\":\"Unknown method: foo\",\"code\":\"not_found\"}",
                CODEC.encodeToString(RpcResult.failure("r", ErrorCode.NOT_FOUND, "Unknown method: foo")));
        assertEquals("{\"type\":\"state:patch\",\"actor\":\"chat\",\"actorId\":\"room-1\",\"patches\":"
                + "[{\"op\":\"add\",\"path\":\"/messages/-\",\"value\":{\"text\":\"hi\"}}],\"version\":3}",
                CODEC.encodeToString(new StatePatch("chat", "room-1",
                        List.of(PatchOperation.add("/messages/-", json("{\"text\":\"hi\"}"))), OptionalLong.of(3))));
        assertEquals("{\"type\":\"welcome\",\"clientId\":\"c_1\"}", CODEC.encodeToString(new Welcome("c_1")));
    }

    @Test
    void aResultEncodedAlreadyIsWrittenAsItIs() {
        assertEquals("{\"type\":\"rpc:result\",\"id\":\"r\",\"result\":{\"count\":1,\"by\":\"é\"},\"replayed\":true}",
                CODEC.encodeToString(RpcResult.success("q", JSON.raw("{\"count\":1,\"by\":\"é\"}")).replayFor("r")));
    }

    @Test
    void encodesTheExtensionFieldsOnlyWhenPresent() {
        assertEquals("{\"type\":\"rpc\",\"id\":\"r\",\"actor\":\"counter\",\"actorId\":\"c\",\"method\":\"increment\","
                + "\"idempotencyKey\":\"k-1\",\"baseVersion\":4}",
                CODEC.encodeToString(new RpcCall("r", "counter", "c", "increment", null, "k-1", OptionalLong.of(4))));
        assertEquals("{\"type\":\"rpc:result\",\"id\":\"r2\",\"result\":1,\"replayed\":true}",
                CODEC.encodeToString(RpcResult.success("r1", json("1")).replayFor("r2")));
        assertEquals("{\"type\":\"rpc:result\",\"id\":\"r\",\"error\":\"moved\",\"code\":\"conflict\",\"version\":9}",
                CODEC.encodeToString(RpcResult.versionConflict("r", "moved", 9)));
        assertEquals("{\"type\":\"state:sub\",\"actor\":\"chat\",\"actorId\":\"room-1\",\"since\":3}",
                CODEC.encodeToString(new StateSub("chat", "room-1", OptionalLong.of(3))));
        assertEquals("{\"type\":\"state:sub\",\"actor\":\"chat\",\"actorId\":\"room-1\"}",
                CODEC.encodeToString(new StateSub("chat", "room-1")), "an old client's frame is unchanged");
    }

    @Test
    void readsTheDocumentationsExampleFrames() {
        var rpc = CODEC.parseClientMessage("{\"type\":\"rpc\",\"id\":\"rpc_1_m3abc\",\"actor\":\"chat\","
                + "\"actorId\":\"room-1\",\"method\":\"sendMessage\",\"input\":{\"text\":\"hello\"}}");
        assertEquals(new ParseResult.Parsed<>(new RpcCall("rpc_1_m3abc", "chat", "room-1", "sendMessage",
                json("{\"text\":\"hello\"}"))), rpc);
        var patch = CODEC.parseServerMessage("{\"type\":\"state:patch\",\"actor\":\"chat\",\"actorId\":\"room-1\","
                + "\"patches\":[{\"op\":\"add\",\"path\":\"/messages/-\",\"value\":{\"text\":\"hi\"}}]}");
        StatePatch parsed = (StatePatch) ((ParseResult.Parsed<ServerMessage>) patch).message();
        assertFalse(parsed.version().isPresent(), "the original server sends no version");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json at all                                              | Message is not valid JSON",
        "''                                                           | Message must be a JSON object",
        "[1,2]                                                        | Message must be a JSON object",
        "\"rpc\"                                                      | Message must be a JSON object",
        "{}                                                           | Message has no \"type\" field",
        "{\"type\":7}                                                 | Field \"type\" must be a string",
        "{\"type\":\"bogus\"}                                         | Unknown message type: \"bogus\"",
        "{\"type\":\"rpc:result\",\"id\":\"x\"}                       | Message type \"rpc:result\" is not sent by clients",
        "{\"type\":\"rpc\",\"actor\":\"a\",\"actorId\":\"b\",\"method\":\"m\"} | Message of type \"rpc\" has no \"id\"",
        "{\"type\":\"rpc\",\"id\":1,\"actor\":\"a\",\"actorId\":\"b\",\"method\":\"m\"} | Field \"id\" must be a string",
        "{\"type\":\"state:sub\",\"actor\":\"a\"}                     | Missing field \"actorId\"",
        "{\"type\":\"event:sub\",\"actor\":\"a\",\"actorId\":[]}      | Field \"actorId\" must be a string",
        "{\"type\":\"rpc\",\"type\":\"rpc\"}                          | Message is not valid JSON",
        "{\"type\":\"state:sub\",\"actor\":\"a\",\"actorId\":\"b\"} trailing | Message is not valid JSON",
        "{\"type\":\"state:sub\",\"actor\":\"a\",\"actorId\":\"b\",\"since\":\"3\"} | Field \"since\" must be a non-negative integer",
    })
    void rejectsMalformedClientFramesWithAReason(String frame, String reasonStart) {
        var result = assertInstanceOf(ParseResult.Malformed.class, CODEC.parseClientMessage(frame));
        assertEquals(true, result.reason().startsWith(reasonStart), result.reason());
        assertEquals(Optional.empty(), result.rpcId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"rpc\",\"id\":\"r1\",\"actorId\":\"b\",\"method\":\"m\"}             | Missing field \"actor\"",
        "{\"type\":\"rpc\",\"id\":\"r1\",\"actor\":\"a\",\"actorId\":\"b\",\"method\":false} | Field \"method\" must be a string",
        "{\"type\":\"rpc\",\"id\":\"r1\",\"actor\":\"a\",\"actorId\":\"b\",\"method\":\"m\",\"idempotencyKey\":7} | Field \"idempotencyKey\" must be a string",
        "{\"type\":\"rpc\",\"id\":\"r1\",\"actor\":\"a\",\"actorId\":\"b\",\"method\":\"m\",\"baseVersion\":-1} | Field \"baseVersion\" must be a non-negative integer",
        "{\"type\":\"rpc\",\"id\":\"r1\",\"actor\":\"a\",\"actorId\":\"b\",\"method\":\"m\",\"baseVersion\":1.5} | Field \"baseVersion\" must be a non-negative integer",
    })
    void malformedRpcWithAnIdKeepsTheIdForTheReply(String frame, String reason) {
        var result = assertInstanceOf(ParseResult.Malformed.class, CODEC.parseClientMessage(frame));
        assertEquals(reason, result.reason());
        assertEquals(Optional.of("r1"), result.rpcId());
    }

    @Test
    void longUnknownTypesAreTruncatedInTheReason() {
        String type = "x".repeat(500);
        var result = assertInstanceOf(ParseResult.Malformed.class,
                CODEC.parseClientMessage("{\"type\":\"" + type + "\"}"));
        assertEquals("Unknown message type: \"" + "x".repeat(64) + "...\"", result.reason());
    }

    static Stream<Arguments> malformedServerFrames() {
        return Stream.of(
                Arguments.of("{\"type\":\"state:patch\",\"actor\":\"a\",\"actorId\":\"b\",\"patches\":{}}",
                        "Field \"patches\" is not a JSON Patch: a JSON Patch must be an array of operations"),
                Arguments.of("{\"type\":\"state:snapshot\",\"actor\":\"a\",\"actorId\":\"b\",\"state\":{},\"version\":-1}",
                        "Field \"version\" must be a non-negative integer"),
                Arguments.of("{\"type\":\"rpc\",\"id\":\"x\",\"actor\":\"a\",\"actorId\":\"b\",\"method\":\"m\"}",
                        "Message type \"rpc\" is not sent by servers"));
    }

    @ParameterizedTest
    @MethodSource("malformedServerFrames")
    void rejectsMalformedServerFrames(String frame, String reason) {
        var result = assertInstanceOf(ParseResult.Malformed.class, CODEC.parseServerMessage(frame));
        assertEquals(reason, result.reason());
    }
}
