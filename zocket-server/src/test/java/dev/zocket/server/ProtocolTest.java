package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Every message type and error string of the protocol, over a real socket. */
@Timeout(60)
class ProtocolTest {

    private static ZocketServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.builder(new Recorder()).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static RawClient connect() throws Exception {
        return RawClient.connect(server.url());
    }

    @Test
    void everyConnectionIsWelcomedWithItsOwnClientId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            try (RawClient client = connect()) {
                assertTrue(client.clientId.matches("c_\\d+_[0-9a-z]+"), client.clientId);
                ids.add(client.clientId);
            }
        }
        assertEquals(20, ids.size());
    }

    @Test
    void rpcReturnsTheResultAndVoidMethodsReturnNoResultMember() throws Exception {
        try (RawClient client = connect()) {
            JsonNode first = client.call("counter", "rpc-results", "increment", null);
            assertEquals(1, first.get("result").asInt());
            JsonNode added = client.call("counter", "rpc-results", "add", "{\"amount\":5}");
            assertEquals(6, added.get("result").asInt());
            JsonNode identity = client.call("counter", "rpc-results", "whoAmI", null);
            assertEquals(client.clientId, identity.get("result").get("clientId").asString());
            assertEquals("tagged whoAmI", identity.get("result").get("context").asString(), "middleware context");

            JsonNode reset = client.call("counter", "rpc-results", "reset", null);
            assertEquals("Sign in to reset", reset.get("error").asString());
        }
        try (RawClient signedIn = RawClient.connect(server.url() + "/?token=bob")) {
            JsonNode reset = signedIn.call("counter", "rpc-results", "reset", null);
            assertFalse(reset.has("result"), "a void method's result has no result member: " + reset);
            assertFalse(reset.has("error"));
        }
    }

    @Test
    void errorsCarryTheSpecMessagesAndACode() throws Exception {
        try (RawClient client = connect()) {
            assertError(client.call("counter", "errors", "nope", null), "Unknown method: nope", "not_found");
            assertError(client.call("ghost", "x", "anything", null), "Unknown actor: ghost", "not_found");
            assertError(client.call("counter", "errors", "add", "{\"amount\":0}"),
                    "Validation failed for add: [amount: must be greater than or equal to 1]", "bad_request");
            assertError(client.call("counter", "errors", "add", "{\"amount\":\"two\"}"),
                    "Validation failed for add: [amount: expected an integer]", "bad_request");
            assertError(client.call("counter", "errors", "add", null),
                    "Validation failed for add: [input: is required]", "bad_request");
            assertError(client.call("counter", "errors", "fail", "{\"message\":\"Need at least 2 players\",\"asRpcException\":true}"),
                    "Need at least 2 players", "conflict");
            JsonNode unexpected = client.call("counter", "errors", "fail", "{\"message\":\"boom\",\"asRpcException\":false}");
            assertEquals("internal_error", unexpected.get("code").asString());
            assertTrue(unexpected.get("error").asString().matches("Internal server error \\(error id [0-9a-z]+\\)"),
                    "only an RpcException's message reaches the client: " + unexpected);
        }
        try (RawClient banned = RawClient.connect(server.url() + "/?token=banned")) {
            JsonNode rejected = banned.call("counter", "errors", "increment", null);
            assertEquals("forbidden", rejected.get("code").asString());
            assertTrue(rejected.get("error").asString().matches("Call rejected \\(error id [0-9a-z]+\\)"),
                    "middleware that throws something other than an RpcException: " + rejected);
        }
    }

    @Test
    void aFailedHandlerLeavesStateUnchangedAndEmitsNothing() throws Exception {
        try (RawClient watcher = connect(); RawClient caller = connect()) {
            watcher.subscribe("state:sub", "counter", "atomic");
            JsonNode snapshot = watcher.next("state:snapshot");
            assertEquals("{\"count\":0,\"online\":[\"" + watcher.clientId + "\"]}", snapshot.get("state").toString(),
                    "the subscriber's own arrival is already in its snapshot");
            watcher.subscribe("event:sub", "counter", "atomic");
            watcher.sync("atomic");
            caller.call("counter", "atomic", "fail", "{\"message\":\"no\",\"asRpcException\":true}");
            JsonNode online = watcher.next("state:patch");
            assertEquals("/online/-", online.get("patches").get(0).get("path").asString(), "only the caller's connect");
            assertEquals("presence", watcher.next("event").get("event").asString());
            assertNull(watcher.poll(300), "nothing from the failed call");
            assertEquals(2, caller.call("counter", "atomic", "add", "{\"amount\":2}").get("result").asInt(),
                    "the failed call's count of -1 was discarded");
        }
    }

    @Test
    void stateSubscribersGetASnapshotThenVersionedPatchesBeforeTheCallersResult() throws Exception {
        try (RawClient client = connect()) {
            client.subscribe("state:sub", "counter", "ordering");
            JsonNode snapshot = client.next();
            assertEquals("state:snapshot", snapshot.get("type").asString());
            assertEquals("counter", snapshot.get("actor").asString());
            assertEquals("ordering", snapshot.get("actorId").asString());
            assertEquals(0, snapshot.get("state").get("count").asInt());
            long version = snapshot.get("version").asLong();

            client.rpc("counter", "ordering", "increment", null);
            JsonNode patch = client.next();
            assertEquals("state:patch", patch.get("type").asString(), "the patch comes before the result");
            assertEquals(version + 1, patch.get("version").asLong());
            JsonNode result = client.next();
            assertEquals("rpc:result", result.get("type").asString());
            assertEquals(1, result.get("result").asInt());
        }
    }

    @Test
    void patchThenEventThenResult() throws Exception {
        try (RawClient client = connect()) {
            client.call("counter", "order2", "add", "{\"amount\":1}"); // attach first, so increment is the only change
            client.subscribe("state:sub", "counter", "order2");
            assertEquals(1, client.next("state:snapshot").get("state").get("count").asInt());
            client.subscribe("event:sub", "counter", "order2");
            client.rpc("counter", "order2", "increment", null);

            JsonNode patch = client.next();
            assertEquals("state:patch", patch.get("type").asString());
            assertEquals("[{\"op\":\"replace\",\"path\":\"/count\",\"value\":2}]", patch.get("patches").toString());
            JsonNode event = client.next();
            assertEquals("event", event.get("type").asString());
            assertEquals("changed", event.get("event").asString());
            assertEquals("{\"count\":2,\"by\":\"" + client.clientId + "\"}", event.get("payload").toString());
            assertEquals("rpc:result", client.next().get("type").asString());
        }
    }

    @Test
    void versionsAreContiguousAndSnapshotsCarryTheCurrentOne() throws Exception {
        try (RawClient writer = connect(); RawClient reader = connect()) {
            writer.call("counter", "versions", "increment", null);
            reader.subscribe("state:sub", "counter", "versions");
            long version = reader.next("state:snapshot").get("version").asLong();
            for (int i = 0; i < 10; i++) {
                writer.call("counter", "versions", "increment", null);
            }
            for (int i = 0; i < 10; i++) {
                JsonNode patch = reader.next("state:patch");
                assertEquals(++version, patch.get("version").asLong());
            }
        }
    }

    @Test
    void eventsReachOnlySubscribersAndRespectTargets() throws Exception {
        try (RawClient a = connect(); RawClient b = connect(); RawClient outsider = connect()) {
            a.subscribe("event:sub", "counter", "targets");
            a.sync("targets");
            assertEquals("{\"online\":1}", a.next("event").get("payload").toString(), "a hears its own arrival");
            b.subscribe("event:sub", "counter", "targets");
            assertEquals("{\"online\":2}", a.next("event").get("payload").toString(), "b's arrival, seen by a");
            assertEquals("{\"online\":2}", b.next("event").get("payload").toString(), "b hears its own arrival");

            a.call("counter", "targets", "notifyClients", "{\"clientIds\":[\"" + b.clientId + "\"],\"except\":false}");
            JsonNode toB = b.next("event");
            assertEquals(a.clientId, toB.get("payload").get("by").asString());
            assertNull(a.poll(200), "to(b) skips a");

            b.call("counter", "targets", "notifyClients", "{\"clientIds\":[\"" + b.clientId + "\"],\"except\":true}");
            assertEquals("changed", a.next("event").get("event").asString());
            assertNull(b.poll(200), "except(b) skips b");

            assertFalse(outsider.call("counter", "targets", "notifyClients",
                    "{\"clientIds\":[\"" + outsider.clientId + "\"],\"except\":false}").has("error"));
            assertNull(outsider.poll(200), "a target never reaches a client that did not subscribe");
            assertEquals("{\"online\":3}", a.next("event").get("payload").toString(), "the outsider's arrival");
            assertEquals("{\"online\":3}", b.next("event").get("payload").toString());

            a.subscribe("event:unsub", "counter", "targets");
            a.sync("targets");
            b.rpc("counter", "targets", "increment", null);
            assertEquals("changed", b.next().get("event").asString());
            assertEquals("rpc:result", b.next().get("type").asString());
            assertNull(a.poll(200), "no events after event:unsub");
        }
    }

    @Test
    void stateUnsubStopsPatches() throws Exception {
        try (RawClient client = connect()) {
            client.subscribe("state:sub", "counter", "unsub");
            client.next("state:snapshot");
            client.subscribe("state:unsub", "counter", "unsub");
            client.call("counter", "unsub", "increment", null);
            assertNull(client.poll(200), "no patch after state:unsub");
        }
    }

    @Test
    void subscribingToAnUnknownActorIsAnsweredWithAnError() throws Exception {
        try (RawClient client = connect()) {
            client.subscribe("state:sub", "ghost", "x");
            JsonNode error = client.next();
            assertEquals("{\"type\":\"error\",\"code\":\"not_found\",\"message\":\"Unknown actor: ghost\","
                    + "\"request\":\"state:sub\",\"actor\":\"ghost\",\"actorId\":\"x\"}", error.toString());
        }
    }

    @Test
    void malformedMessagesAreAnsweredPrecisely() throws Exception {
        try (RawClient client = connect()) {
            client.send("this is not json");
            JsonNode notJson = client.next();
            assertEquals("error", notJson.get("type").asString());
            assertEquals("bad_request", notJson.get("code").asString());
            assertTrue(notJson.get("message").asString().startsWith("Message is not valid JSON"));

            client.send("{\"type\":\"rpc\",\"id\":\"r7\",\"actor\":\"counter\",\"actorId\":\"m\"}");
            assertEquals("{\"type\":\"rpc:result\",\"id\":\"r7\",\"error\":\"Missing field \\\"method\\\"\","
                    + "\"code\":\"bad_request\"}", client.next().toString());

            client.send("{\"type\":\"telepathy\"}");
            assertEquals("Unknown message type: \"telepathy\"", client.next().get("message").asString());

            client.sendBinary(new byte[] {1, 2, 3});
            assertEquals("Binary messages are not supported: send JSON text", client.next().get("message").asString());

            assertEquals(1, client.call("counter", "malformed", "increment", null).get("result").asInt(),
                    "the connection still works");
        }
    }

    private static void assertError(JsonNode result, String message, String code) {
        assertEquals(message, result.get("error").asString(), result.toString());
        assertEquals(code, result.get("code").asString(), result.toString());
        assertFalse(result.has("result"));
    }
}
