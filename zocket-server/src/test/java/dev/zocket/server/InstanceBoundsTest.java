package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * What one connection can make the server hold is bounded, a call that fails before its handler
 * creates nothing, and a neighbour connection is not harmed by either.
 */
@Timeout(60)
class InstanceBoundsTest {

    @Test
    void callsRejectedBeforeTheirHandlerCreateNoInstance() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start();
                RawClient client = RawClient.connect(server.url());
                RawClient banned = RawClient.connect(server.url() + "/?token=banned")) {
            assertCode("not_found", client.call("counter", "fresh-1", "nope", null));
            assertCode("bad_request", client.call("counter", "fresh-2", "add", "{\"amount\":0}"));
            JsonNode infinite = client.call("counter", "fresh-3", "add", "{\"amount\":1e999}");
            assertCode("bad_request", infinite);
            assertEquals("Validation failed for add: [amount: must be a finite number]", infinite.get("error").asString());
            assertCode("forbidden", banned.call("counter", "fresh-4", "increment", null));
            // Middleware runs before the input is decoded: a rejected caller learns nothing of its rules.
            assertCode("forbidden", banned.call("counter", "fresh-6", "add", "{\"amount\":0}"));
            assertCode("forbidden", client.call("counter", "fresh-5", "reset", null));

            assertEquals(0, server.metrics().liveInstances());
            assertEquals(0, server.metrics().attachedClients());
            assertFalse(recorder.records().stream().anyMatch(r -> r.startsWith("fresh-")), "no factory or hook ran");
            assertEquals(1, client.call("counter", "fresh-1", "increment", null).get("result").asInt(),
                    "the connection is unharmed");
        }
    }

    @Test
    void oneConnectionAddressesAtMostItsShareOfInstances() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).maxInstancesPerConnection(3).start();
                RawClient greedy = RawClient.connect(server.url());
                RawClient neighbour = RawClient.connect(server.url())) {
            for (int i = 0; i < 3; i++) {
                assertEquals(1, greedy.call("counter", "mine-" + i, "increment", null).get("result").asInt());
            }
            JsonNode refused = greedy.call("counter", "mine-3", "increment", null);
            assertCode("overloaded", refused);
            assertEquals("Too many actor instances for one connection: the limit is 3",
                    refused.get("error").asString());
            greedy.subscribe("event:sub", "counter", "mine-4");
            assertEquals("overloaded", greedy.next("error").get("code").asString());
            assertEquals(2, greedy.call("counter", "mine-0", "increment", null).get("result").asInt(),
                    "instances it holds already still answer");
            assertEquals(1, neighbour.call("counter", "mine-3", "increment", null).get("result").asInt());
            assertEquals(4, server.metrics().liveInstances());
        }
    }

    @Test
    void subscriptionChurnOnFreshIdsStopsAtTheServerWideLimit() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).maxInstances(20).start();
                RawClient neighbour = RawClient.connect(server.url())) {
            assertEquals(1, neighbour.call("counter", "home", "increment", null).get("result").asInt());
            int refusals = 0;
            try (RawClient churner = RawClient.connect(server.url())) {
                for (int i = 0; i < 100; i++) {
                    churner.subscribe("event:sub", "counter", "churn-" + i);
                    churner.subscribe("event:unsub", "counter", "churn-" + i);
                }
                churner.sync("home");
                JsonNode message;
                while ((message = churner.poll(0)) != null) {
                    if (message.get("type").asString().equals("error")) {
                        assertEquals("overloaded", message.get("code").asString());
                        assertEquals("Too many live actor instances: the limit is 20", message.get("message").asString());
                        refusals++;
                    }
                }
            }
            assertEquals(81, refusals, "19 fresh instances fit beside the neighbour's");
            assertTrue(server.metrics().liveInstances() <= 20);
            assertEquals(2, neighbour.call("counter", "home", "increment", null).get("result").asInt());
        }
    }

    @Test
    void aChangeThatWouldPassTheStateSizeLimitFailsAndLeavesTheStateAsItWas() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).maxStateBytes(1024).start();
                RawClient writer = RawClient.connect(server.url());
                RawClient watcher = RawClient.connect(server.url())) {
            String note = "x".repeat(200);
            for (int i = 0; i < 4; i++) {
                writer.call("notes", "board", "edit", "{\"kind\":\"add\",\"index\":0,\"text\":\"" + note + "\"}");
            }
            JsonNode refused = writer.call("notes", "board", "edit", "{\"kind\":\"add\",\"index\":0,\"text\":\"" + note + "\"}");
            assertCode("conflict", refused);
            assertEquals("The state of notes/board would exceed 1024 bytes; it was left as it was",
                    refused.get("error").asString());

            watcher.subscribe("state:sub", "notes", "board");
            assertEquals(4, watcher.next("state:snapshot").get("state").get("notes").size(),
                    "a new subscriber still joins, and sees the state from before the refused change");
            writer.call("notes", "board", "edit", "{\"kind\":\"remove\",\"index\":0}");
            assertEquals("state:patch", watcher.next().get("type").asString(), "smaller changes still commit");
        }
    }

    @Test
    void anAsyncHandlerPastItsDeadlineAnswersTimeoutAndTheInstanceMovesOn() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).handlerTimeout(Duration.ofSeconds(1)).start();
                RawClient client = RawClient.connect(server.url())) {
            JsonNode late = client.call("counter", "slow", "incrementWhenOpen", "{\"name\":\"never\"}");
            assertCode("timeout", late);
            assertEquals(1, client.call("counter", "slow", "increment", null).get("result").asInt(),
                    "the instance handles the next message");

            recorder.open("never"); // completes late: its increment is refused, not applied
            assertEquals(2, client.call("counter", "slow", "increment", null).get("result").asInt());
        }
    }

    @Test
    void unexpectedFailuresReachTheClientAsAnErrorIdOnly() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient client = RawClient.connect(server.url())) {
            JsonNode failed = client.call("counter", "ids", "fail", "{\"message\":\"secret detail\",\"asRpcException\":false}");
            assertCode("internal_error", failed);
            String message = failed.get("error").asString();
            assertTrue(message.matches("Internal server error \\(error id [0-9a-z]+\\)"), message);
        }
    }

    private static void assertCode(String code, JsonNode result) {
        assertEquals(code, result.get("code").asString(), result.toString());
    }
}
