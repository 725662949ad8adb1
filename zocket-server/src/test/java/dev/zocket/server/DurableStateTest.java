package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.MemoryStateStore;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoreException;
import dev.zocket.server.persistence.StoredState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** With a store, state outlives the server and passivation, and nothing is acknowledged before it is committed. */
@Timeout(60)
class DurableStateTest {

    @Test
    void stateAndVersionsContinueAcrossARestart() throws Exception {
        SharedStore store = new SharedStore();
        long versionBeforeStop;
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient client = RawClient.connect(server.url())) {
            for (int i = 1; i <= 3; i++) {
                assertEquals(i, client.call("counter", "c1", "increment", null).get("result").asInt());
            }
            versionBeforeStop = store.load("counter", "c1").orElseThrow().version();
        }
        long versionAfterStop = store.load("counter", "c1").orElseThrow().version();
        assertTrue(versionAfterStop > versionBeforeStop, "onDisconnect at shutdown was committed too");

        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient client = RawClient.connect(server.url())) {
            assertEquals(4, client.call("counter", "c1", "increment", null).get("result").asInt());
            client.subscribe("state:sub", "counter", "c1");
            JsonNode snapshot = client.next("state:snapshot");
            assertEquals(4, snapshot.get("state").get("count").asInt());
            assertTrue(snapshot.get("version").asLong() > versionAfterStop);
        }
        List<Change> history = store.history("counter", "c1", Long.MAX_VALUE, 1000);
        for (int i = 0; i < history.size(); i++) {
            assertEquals(history.size() - i, history.get(i).version(), "versions are contiguous from 1");
        }
        assertTrue(history.stream().anyMatch(change -> change.method().equals("increment")
                && change.caller() != null && change.patch().contains("/count")));
    }

    @Test
    void passivationLosesNothing() throws Exception {
        SharedStore store = new SharedStore();
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).store(store).idleTimeout(Duration.ofMillis(200)).start()) {
            try (RawClient client = RawClient.connect(server.url())) {
                client.call("counter", "p", "add", "{\"amount\":42}");
            }
            recorder.await("p deactivate"::equals);
            try (RawClient client = RawClient.connect(server.url())) {
                assertEquals(43, client.call("counter", "p", "increment", null).get("result").asInt());
            }
        }
    }

    @Test
    void aFailedCommitFailsTheCallAndLeavesStateAndVersionAsTheyWere() throws Exception {
        SharedStore store = new SharedStore();
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient client = RawClient.connect(server.url())) {
            client.call("counter", "f", "increment", null);
            client.subscribe("state:sub", "counter", "f");
            long version = client.next("state:snapshot").get("version").asLong();

            store.failing.set(true);
            JsonNode failed = client.call("counter", "f", "add", "{\"amount\":5}");
            assertEquals("internal_error", failed.get("code").asString(), failed.toString());
            store.failing.set(false);

            client.rpc("counter", "f", "increment", null);
            JsonNode patch = client.next("state:patch"); // published before the caller's result
            assertEquals(2, client.next("rpc:result").get("result").asInt());
            assertEquals(version + 1, patch.get("version").asLong(), "the failed change took no version");
            assertEquals(version + 1, store.load("counter", "f").orElseThrow().version());
        }
    }

    @Test
    void theResultAndThePatchWaitForTheCommit() throws Exception {
        SharedStore store = new SharedStore();
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient writer = RawClient.connect(server.url());
                RawClient watcher = RawClient.connect(server.url())) {
            watcher.subscribe("state:sub", "counter", "w");
            watcher.next("state:snapshot");
            watcher.sync("w");
            store.appendStarted = new CountDownLatch(1);
            store.gate = new CountDownLatch(1);
            String id = writer.rpc("counter", "w", "add", "{\"amount\":3}");
            assertTrue(store.appendStarted.await(10, TimeUnit.SECONDS));
            // The commit is held: neither the result nor a patch may have left yet.
            assertNull(writer.poll(200), "no result before the commit");
            assertNull(watcher.poll(50), "no patch before the commit");
            store.gate.countDown();
            JsonNode result = writer.next("rpc:result");
            assertEquals(id, result.get("id").asString());
            assertEquals(3, result.get("result").asInt());
            watcher.next("state:patch");
        }
    }

    @Test
    void anIncompatibleSnapshotFailsActivationAndStaysAsItWas() throws Exception {
        SharedStore store = new SharedStore();
        Change written = new Change("counter", "old", 1, Instant.now(), null, "increment", "[]");
        store.delegate.append(List.of(new Commit(written, "{\"count\":\"seven\"}")));
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient client = RawClient.connect(server.url())) {
            JsonNode failed = client.call("counter", "old", "increment", null);
            assertEquals("internal_error", failed.get("code").asString(), failed.toString());
        }
        assertEquals(Optional.of(new StoredState(1, "{\"count\":\"seven\"}")), store.load("counter", "old"));
    }

    @Test
    void anOldSnapshotWithoutANewComponentLoads() throws Exception {
        SharedStore store = new SharedStore();
        Change written = new Change("counter", "older", 1, Instant.now(), null, "increment", "[]");
        store.delegate.append(List.of(new Commit(written, "{\"count\":7,\"retired\":true}")));
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient client = RawClient.connect(server.url())) {
            assertEquals(8, client.call("counter", "older", "increment", null).get("result").asInt());
        }
    }
}
