package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

@Timeout(60)
class LifecycleTest {

    @Test
    void activateConnectAndDisconnectHooksRunInOrderAndChangeState() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start();
                RawClient watcher = RawClient.connect(server.url())) {
            watcher.subscribe("state:sub", "counter", "room");
            watcher.next("state:snapshot");
            String visitorId;
            try (RawClient visitor = RawClient.connect(server.url())) {
                visitorId = visitor.clientId;
                visitor.call("counter", "room", "increment", null);
                assertEquals("[{\"op\":\"add\",\"path\":\"/online/-\",\"value\":\"" + visitorId + "\"}]",
                        watcher.next("state:patch").get("patches").toString(), "onConnect ran before the call");
            }
            recorder.await(("room disconnect " + visitorId)::equals);
            JsonNode count = watcher.next("state:patch");
            assertEquals("/count", count.get("patches").get(0).get("path").asString());
            JsonNode left = watcher.next("state:patch");
            assertEquals("[{\"op\":\"remove\",\"path\":\"/online/1\"}]", left.get("patches").toString(),
                    "onDisconnect removed the visitor");
            List<String> records = recorder.records();
            assertEquals(List.of("room activate", "room connect " + watcher.clientId, "room connect " + visitorId,
                    "room disconnect " + visitorId), records);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"state:sub", "rpc"})
    void aClientSubscribedToEventsHearsThePresenceItsOwnArrivalEmitsAlsoAfterAReconnect(String firstMessage)
            throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start();
                RawClient stayer = RawClient.connect(server.url())) {
            stayer.call("counter", "lobby", "increment", null);
            for (int visit = 1; visit <= 2; visit++) { // the second visit is the reconnect
                String clientId;
                try (RawClient client = RawClient.connect(server.url())) {
                    clientId = client.clientId;
                    client.subscribe("event:sub", "counter", "lobby");
                    if (firstMessage.equals("rpc")) {
                        client.rpc("counter", "lobby", "whoAmI", null);
                    } else {
                        client.subscribe("state:sub", "counter", "lobby");
                    }
                    JsonNode presence = client.next("event");
                    assertEquals("presence", presence.get("event").asString(), "onConnect's event reached its client");
                    assertEquals(2, presence.get("payload").get("online").asInt(), "the stayer and this client");
                }
                recorder.await(("lobby disconnect " + clientId)::equals);
            }
        }
    }

    @Test
    void timersRunAsMessagesOfTheirOwn() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start();
                RawClient client = RawClient.connect(server.url())) {
            client.subscribe("state:sub", "counter", "timed");
            client.next("state:snapshot");
            client.call("counter", "timed", "incrementLater", "{\"millis\":20}");
            JsonNode patch = client.next("state:patch");
            assertEquals("[{\"op\":\"replace\",\"path\":\"/count\",\"value\":1}]", patch.get("patches").toString());
            recorder.await("timed timer 1"::equals);
        }
    }

    @Test
    void idleInstancesArePassivatedAndComeBackFresh() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).idleTimeout(Duration.ofSeconds(1)).start()) {
            try (RawClient client = RawClient.connect(server.url())) {
                assertEquals(1, client.call("counter", "sleepy", "increment", null).get("result").asInt());
            }
            recorder.await("sleepy deactivate"::equals);
            assertEquals(0, server.metrics().liveInstances());
            try (RawClient client = RawClient.connect(server.url())) {
                assertEquals(1, client.call("counter", "sleepy", "increment", null).get("result").asInt(),
                        "a passivated instance starts again from its initial state");
            }
            assertEquals(2, recorder.records().stream().filter("sleepy activate"::equals).count());
        }
    }

    @Test
    void instancesWithConnectedClientsAreNotPassivated() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).idleTimeout(Duration.ofSeconds(1)).start();
                RawClient client = RawClient.connect(server.url())) {
            client.call("counter", "kept", "increment", null);
            client.call("counter", "dropped", "increment", null);
            try (RawClient other = RawClient.connect(server.url())) {
                other.call("counter", "other", "increment", null);
            }
            recorder.await("other deactivate"::equals);
            assertTrue(recorder.records().stream().noneMatch(r -> r.startsWith("kept deactivate")));
            assertEquals(2, client.call("counter", "kept", "increment", null).get("result").asInt(),
                    "the instance a connected client uses kept its state");
        }
    }

    @Test
    void shutdownFinishesQueuedWorkDeactivatesEveryInstanceAndClosesWith1001() throws Exception {
        Recorder recorder = new Recorder();
        ZocketServer server = TestServer.builder(recorder).start();
        RawClient client = RawClient.connect(server.url());
        client.call("counter", "a", "increment", null);
        client.call("counter", "b", "increment", null);
        client.rpc("counter", "a", "incrementWhenOpen", "{\"name\":\"slow\"}");
        recorder.await("a waiting for slow"::equals); // in progress, so stop() has to wait for it
        Thread stopper = new Thread(server::stop);
        stopper.start();
        recorder.open("slow"); // the queued call may finish during shutdown
        stopper.join(20_000);

        assertTrue(recorder.records().containsAll(List.of("a deactivate", "b deactivate")), recorder.records().toString());
        JsonNode finished = client.next("rpc:result");
        assertEquals(2, finished.get("result").asInt(), "queued work finished before the instance was deactivated");
        assertEquals(1001, client.awaitClose().code());
    }
}
