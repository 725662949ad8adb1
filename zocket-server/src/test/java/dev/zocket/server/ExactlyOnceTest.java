package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import dev.zocket.server.persistence.Change;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Idempotency keys and base versions on {@code rpc}, over real sockets: a repeated key is answered
 * with the first call's outcome and runs nothing, in memory and from a durable store after a
 * restart; a stale base version is refused with the current version.
 */
@Timeout(60)
class ExactlyOnceTest {

    private static String keyed(String id, String method, String input, String key) {
        return "{\"type\":\"rpc\",\"id\":\"" + id + "\",\"actor\":\"counter\",\"actorId\":\"c\",\"method\":\"" + method
                + "\"" + (input == null ? "" : ",\"input\":" + input) + ",\"idempotencyKey\":\"" + key + "\"}";
    }

    private static JsonNode result(RawClient client, String id) throws InterruptedException {
        JsonNode result = client.next("rpc:result");
        assertEquals(id, result.get("id").asString(), result.toString());
        return result;
    }

    private static int count(RawClient client) throws InterruptedException {
        return client.call("counter", "c", "add", "{\"amount\":1000}").get("result").asInt() - 1000;
    }

    @Test
    void aRepeatedKeyIsAnsweredWithTheFirstResultWithoutRunningAgainEvenFromAnotherConnection() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient first = RawClient.connect(server.url());
                RawClient second = RawClient.connect(server.url())) {
            first.send(keyed("a1", "add", "{\"amount\":5}", "k-1"));
            JsonNode original = result(first, "a1");
            assertEquals(5, original.get("result").asInt());
            assertNull(original.get("replayed"), "a first answer is not a replay");

            // The same call after a reconnect: another connection, members in another order.
            second.send("{\"input\":{\"amount\":5},\"idempotencyKey\":\"k-1\",\"type\":\"rpc\",\"id\":\"a2\","
                    + "\"actor\":\"counter\",\"actorId\":\"c\",\"method\":\"add\"}");
            JsonNode repeat = result(second, "a2");
            assertEquals(5, repeat.get("result").asInt());
            assertTrue(repeat.get("replayed").asBoolean(), repeat.toString());

            assertEquals(5, count(second), "the add ran once");
        }
    }

    @Test
    void aKeyReusedForAnotherInputOrMethodIsAConflictAndRunsNothing() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient client = RawClient.connect(server.url())) {
            client.send(keyed("b1", "add", "{\"amount\":2}", "k-2"));
            assertEquals(2, result(client, "b1").get("result").asInt());

            client.send(keyed("b2", "add", "{\"amount\":3}", "k-2"));
            JsonNode otherInput = result(client, "b2");
            assertEquals("conflict", otherInput.get("code").asString());
            assertEquals("Idempotency key k-2 was used for another call: a key names one call",
                    otherInput.get("error").asString());

            client.send(keyed("b3", "increment", null, "k-2"));
            assertEquals("conflict", result(client, "b3").get("code").asString());

            assertEquals(2, count(client));
        }
    }

    @Test
    void keysBelongToOneInstance() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient client = RawClient.connect(server.url())) {
            client.send(keyed("c1", "increment", null, "shared"));
            assertEquals(1, result(client, "c1").get("result").asInt());
            client.send(keyed("c2", "increment", null, "shared").replace("\"actorId\":\"c\"", "\"actorId\":\"other\""));
            JsonNode other = result(client, "c2");
            assertEquals(1, other.get("result").asInt());
            assertNull(other.get("replayed"));
        }
    }

    @Test
    void aHandlersFailureIsAnOutcomeButARefusalBeforeItRanIsNot() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient client = RawClient.connect(server.url())) {
            String failure = "{\"message\":\"no such move\",\"asRpcException\":true}";
            client.send(keyed("d1", "fail", failure, "k-fail"));
            JsonNode first = result(client, "d1");
            client.send(keyed("d2", "fail", failure, "k-fail"));
            JsonNode repeat = result(client, "d2");
            assertEquals(first.get("error"), repeat.get("error"));
            assertEquals(first.get("code"), repeat.get("code"));
            assertTrue(repeat.get("replayed").asBoolean());

            client.send(keyed("d3", "add", "{\"amount\":0}", "k-invalid"));
            assertEquals("bad_request", result(client, "d3").get("code").asString());
            client.send(keyed("d4", "add", "{\"amount\":0}", "k-invalid"));
            JsonNode again = result(client, "d4");
            assertEquals("bad_request", again.get("code").asString());
            assertNull(again.get("replayed"), "invalid input never ran, so there is nothing to replay");
        }
    }

    @Test
    void aRepeatQueuedBehindARunningFirstCallWaitsForItsOutcome() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start();
                RawClient first = RawClient.connect(server.url());
                RawClient second = RawClient.connect(server.url())) {
            first.send(keyed("e1", "incrementWhenOpen", "{\"name\":\"g\"}", "k-slow"));
            recorder.await("c waiting for g"::equals);
            second.send(keyed("e2", "incrementWhenOpen", "{\"name\":\"g\"}", "k-slow"));
            recorder.open("g");
            assertEquals(1, result(first, "e1").get("result").asInt());
            JsonNode repeat = result(second, "e2");
            assertEquals(1, repeat.get("result").asInt());
            assertTrue(repeat.get("replayed").asBoolean());
        }
    }

    @Test
    void aKeyLongerThanTheLimitIsRefused() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).maxIdempotencyKeyLength(8).start();
                RawClient client = RawClient.connect(server.url())) {
            client.send(keyed("f1", "increment", null, "123456789"));
            JsonNode refused = result(client, "f1");
            assertEquals("bad_request", refused.get("code").asString());
            assertEquals("Idempotency key is too long: the limit is 8 characters", refused.get("error").asString());
            client.send(keyed("f2", "increment", null, "12345678"));
            assertEquals(1, result(client, "f2").get("result").asInt());
        }
    }

    @Test
    void outcomesBeyondTheCountAreForgottenOldestFirst() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).maxCallOutcomes(2).start();
                RawClient client = RawClient.connect(server.url())) {
            for (int i = 1; i <= 3; i++) {
                client.send(keyed("g" + i, "increment", null, "k" + i));
                result(client, "g" + i);
            }
            client.send(keyed("g4", "increment", null, "k3"));
            assertTrue(result(client, "g4").get("replayed").asBoolean(), "the newest is remembered");
            client.send(keyed("g5", "increment", null, "k1"));
            JsonNode forgotten = result(client, "g5");
            assertNull(forgotten.get("replayed"));
            assertEquals(4, forgotten.get("result").asInt(), "a forgotten key runs again");
        }
    }

    @Test
    void aStaleBaseVersionIsRefusedWithTheCurrentVersionAndRunsNothing() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient client = RawClient.connect(server.url())) {
            client.call("counter", "c", "increment", null);
            client.subscribe("state:sub", "counter", "c");
            long version = client.next("state:snapshot").get("version").asLong();

            client.send("{\"type\":\"rpc\",\"id\":\"h1\",\"actor\":\"counter\",\"actorId\":\"c\",\"method\":\"increment\","
                    + "\"baseVersion\":" + version + "}");
            JsonNode patch = client.next("state:patch"); // subscribers hear of a change before its caller
            assertEquals(version + 1, patch.get("version").asLong());
            assertEquals(2, result(client, "h1").get("result").asInt());

            client.send("{\"type\":\"rpc\",\"id\":\"h2\",\"actor\":\"counter\",\"actorId\":\"c\",\"method\":\"increment\","
                    + "\"baseVersion\":" + version + "}");
            JsonNode conflict = result(client, "h2");
            assertEquals("conflict", conflict.get("code").asString());
            assertEquals(version + 1, conflict.get("version").asLong());
            assertEquals("The state of counter/c is at version " + (version + 1) + ", not " + version,
                    conflict.get("error").asString());
            try (RawClient other = RawClient.connect(server.url())) {
                assertEquals(2, count(other));
            }
        }
    }

    @Test
    void aConditionalCallRepeatedAfterItMovedTheVersionIsReplayedNotRefused() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient client = RawClient.connect(server.url())) {
            String call = "{\"type\":\"rpc\",\"id\":\"ID\",\"actor\":\"counter\",\"actorId\":\"c\",\"method\":\"increment\","
                    + "\"baseVersion\":0,\"idempotencyKey\":\"k-cond\"}";
            client.send(call.replace("ID", "i1"));
            assertEquals(1, result(client, "i1").get("result").asInt());
            client.send(call.replace("ID", "i2"));
            JsonNode repeat = result(client, "i2");
            assertTrue(repeat.get("replayed").asBoolean(), repeat.toString());
            assertEquals(1, repeat.get("result").asInt());
        }
    }

    @Test
    void aDurableStoreAnswersARepeatAfterARestart() throws Exception {
        SharedStore store = new SharedStore();
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient client = RawClient.connect(server.url())) {
            client.send(keyed("j1", "add", "{\"amount\":7}", "k-durable"));
            assertEquals(7, result(client, "j1").get("result").asInt());
            client.send(keyed("j2", "reset", null, "k-void").replace("\"actorId\":\"c\"", "\"actorId\":\"v\""));
            result(client, "j2");
        }
        List<Change> log = store.history("counter", "c", Long.MAX_VALUE, 100);
        Change keyed = log.stream().filter(change -> "k-durable".equals(change.idempotencyKey())).findFirst().orElseThrow();
        assertEquals("7", keyed.result());

        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient client = RawClient.connect(server.url())) {
            client.send(keyed("j3", "add", "{\"amount\":7}", "k-durable"));
            JsonNode repeat = result(client, "j3");
            assertTrue(repeat.get("replayed").asBoolean(), repeat.toString());
            assertEquals(7, repeat.get("result").asInt());
            client.send(keyed("j4", "add", "{\"amount\":8}", "k-durable"));
            assertEquals("conflict", result(client, "j4").get("code").asString());
            assertEquals(7, count(client), "the add was applied once across the restart");
        }
    }

    @Test
    void callsWithoutAKeyOrBaseVersionAnswerAsTheOriginalDoes() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient client = RawClient.connect(server.url())) {
            JsonNode first = client.call("counter", "c", "increment", null);
            JsonNode second = client.call("counter", "c", "increment", null);
            assertEquals(2, second.get("result").asInt());
            for (JsonNode answer : List.of(first, second)) {
                assertFalse(answer.has("replayed"));
                assertFalse(answer.has("version"));
            }
        }
    }
}
