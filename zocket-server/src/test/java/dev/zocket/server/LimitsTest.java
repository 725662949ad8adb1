package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** Every limit answers with its documented error, and the server keeps serving everyone else. */
@Timeout(60)
class LimitsTest {

    private static void assertStillServing(ZocketServer server) throws Exception {
        try (RawClient other = RawClient.connect(server.url())) {
            JsonNode result = other.call("counter", "healthy", "add", "{\"amount\":1}");
            assertFalse(result.has("error"), result.toString());
        }
    }

    @Test
    void anOversizedFrameClosesThatConnectionWith1009() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).maxFrameBytes(1024).start();
                RawClient client = RawClient.connect(server.url())) {
            client.rpc("counter", "big", "fail", "{\"message\":\"" + "x".repeat(2000) + "\",\"asRpcException\":true}");
            assertEquals(1009, client.awaitClose().code());
            assertStillServing(server);
        }
    }

    @Test
    void longNamesAndIdsAreRejected() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).maxActorNameLength(10).maxActorIdLength(8).start();
                RawClient client = RawClient.connect(server.url())) {
            JsonNode longName = client.call("counter-with-a-long-name", "x", "increment", null);
            assertEquals("Actor name is too long: the limit is 10 characters", longName.get("error").asString());
            assertEquals("bad_request", longName.get("code").asString());
            JsonNode longId = client.call("counter", "123456789", "increment", null);
            assertEquals("Actor id is too long: the limit is 8 characters", longId.get("error").asString());
            client.subscribe("state:sub", "counter", "123456789");
            assertEquals("Actor id is too long: the limit is 8 characters", client.next("error").get("message").asString());
            assertEquals("Actor id must not be empty", client.call("counter", "", "increment", null).get("error").asString());
            assertEquals(0, server.metrics().liveInstances(), "no instance was created for a rejected address");
            assertStillServing(server);
        }
    }

    @Test
    void tooManyCallsInFlightAreOverloaded() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).maxInflightRpcs(2).start();
                RawClient client = RawClient.connect(server.url())) {
            client.rpc("counter", "busy", "incrementWhenOpen", "{\"name\":\"g\"}");
            client.rpc("counter", "busy", "increment", null);
            JsonNode third = client.call("counter", "busy", "increment", null);
            assertEquals("Too many calls in flight: the limit is 2 per connection", third.get("error").asString());
            assertEquals("overloaded", third.get("code").asString());
            recorder.open("g");
            assertEquals(1, client.next("rpc:result").get("result").asInt());
            assertEquals(2, client.next("rpc:result").get("result").asInt());
            assertEquals(3, client.call("counter", "busy", "increment", null).get("result").asInt(), "slots were freed");
        }
    }

    @Test
    void tooManySubscriptionsAreRefused() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).maxSubscriptions(2).start();
                RawClient client = RawClient.connect(server.url())) {
            client.subscribe("state:sub", "counter", "s1");
            client.next("state:snapshot");
            client.subscribe("event:sub", "counter", "s1");
            client.subscribe("state:sub", "counter", "s1"); // the same subscription again: a fresh snapshot, not a new one
            client.next("state:snapshot");
            client.subscribe("state:sub", "counter", "s2");
            JsonNode refused = client.next();
            assertEquals("{\"type\":\"error\",\"code\":\"overloaded\",\"message\":\"Too many subscriptions: the limit is 2"
                    + " per connection\",\"request\":\"state:sub\",\"actor\":\"counter\",\"actorId\":\"s2\"}", refused.toString());
            client.subscribe("event:unsub", "counter", "s1");
            client.subscribe("state:sub", "counter", "s2");
            assertEquals("s2", client.next("state:snapshot").get("actorId").asString(), "unsubscribing freed a slot");
            assertStillServing(server);
        }
    }

    @Test
    void aFullMailboxRefusesMoreCalls() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).maxMailboxDepth(3).start();
                RawClient blocker = RawClient.connect(server.url());
                RawClient caller = RawClient.connect(server.url())) {
            blocker.call("counter", "deep", "add", "{\"amount\":1}");
            blocker.rpc("counter", "deep", "incrementWhenOpen", "{\"name\":\"deep\"}");
            recorder.await("deep waiting for deep"::equals); // the blocker's call holds the mailbox
            for (int i = 0; i < 3; i++) {
                caller.rpc("counter", "deep", "increment", null);
            }
            JsonNode refused = caller.call("counter", "deep", "increment", null);
            assertEquals("Actor counter/deep is overloaded: 3 messages are queued", refused.get("error").asString());
            assertEquals("overloaded", refused.get("code").asString());
            recorder.open("deep");
            assertEquals(2, blocker.next("rpc:result").get("result").asInt());
            for (int i = 0; i < 3; i++) {
                assertFalse(caller.next("rpc:result").has("error"));
            }
            assertStillServing(server);
        }
    }

    @Test
    void aBurstOfMalformedMessagesIsAnsweredOneByOneAndTheConnectionKeepsServing() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient client = RawClient.connect(server.url())) {
            for (int i = 0; i < 15; i++) {
                client.send("garbage " + i);
            }
            for (int i = 0; i < 15; i++) {
                assertEquals("error", client.next().get("type").asString(), "malformed message " + i + " answered");
            }
            assertEquals(1, client.call("counter", "burst", "increment", null).get("result").asInt());
            assertFalse(client.isClosed(), "a burst within the allowance is tolerated");
        }
    }

    @Test
    void sustainedGarbageClosesOnlyThatConnectionWith1008() throws Exception {
        // 2 a second, so the allowance holds 10 (5 seconds' worth); a flood spends it at once.
        try (ZocketServer server = TestServer.builder(new Recorder()).maxMalformedFrames(2).start();
                RawClient client = RawClient.connect(server.url())) {
            for (int i = 0; i < 1_000 && !client.isClosed(); i++) {
                try {
                    client.send("garbage");
                } catch (CompletionException closedMeanwhile) {
                    break;
                }
            }
            RawClient.Closed closed = client.awaitClose();
            assertEquals(1008, closed.code());
            assertEquals("Too many malformed messages: more than 2 a second", closed.reason());
            int answered = 0;
            while (client.poll(0) != null) {
                answered++;
            }
            assertTrue(answered >= 11, "each malformed message was answered up to the closing one: " + answered);
            assertStillServing(server);
        }
    }

    @Test
    void shuttingDownRefusesNewCalls() throws Exception {
        Recorder recorder = new Recorder();
        ZocketServer server = TestServer.builder(recorder).start();
        try (RawClient client = RawClient.connect(server.url())) {
            client.rpc("counter", "closing", "incrementWhenOpen", "{\"name\":\"hold\"}");
            // The held call keeps the shutdown waiting, so calls made meanwhile are answered.
            recorder.await("closing waiting for hold"::equals);
            Thread stopper = new Thread(server::stop);
            stopper.start();
            JsonNode refused = null;
            while (refused == null) {
                JsonNode result = client.call("counter", "other", "increment", null);
                if (result.has("error")) {
                    refused = result;
                }
            }
            assertEquals("Server is shutting down", refused.get("error").asString());
            assertTrue(refused.get("code").asString().equals("overloaded"));
            recorder.open("hold");
            stopper.join(20_000);
        }
    }
}
