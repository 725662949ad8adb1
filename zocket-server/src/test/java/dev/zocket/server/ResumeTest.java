package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.zocket.json.JsonEquality;
import dev.zocket.json.JsonPatch;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import dev.zocket.server.persistence.Retention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * {@code state:sub} with {@code since}: a subscriber that comes back with the version it holds gets
 * the patches it missed, from memory or from a durable change log, or a snapshot when they are gone.
 */
@Timeout(60)
class ResumeTest {

    private static String subscribeSince(String actorId, long since) {
        return "{\"type\":\"state:sub\",\"actor\":\"counter\",\"actorId\":\"" + actorId + "\",\"since\":" + since + "}";
    }

    /** What a client holds: the state and its version. */
    private record Held(JsonNode state, long version) {
        static Held from(JsonNode snapshot) {
            return new Held(snapshot.get("state"), snapshot.get("version").asLong());
        }
    }

    private static Held subscribe(RawClient client, String actorId) throws InterruptedException {
        client.subscribe("state:sub", "counter", actorId);
        return Held.from(client.next("state:snapshot"));
    }

    /** Applies {@code count} patches the client receives next to what it held, checking each version. */
    private static Held applyPatches(RawClient client, Held held, int count) throws InterruptedException {
        JsonNode state = held.state();
        long version = held.version();
        for (int i = 0; i < count; i++) {
            JsonNode patch = client.next();
            assertEquals("state:patch", patch.get("type").asString(), "expected a patch, not " + patch);
            assertEquals(version + 1, patch.get("version").asLong());
            state = JsonPatch.fromJson(patch.get("patches")).apply(state);
            version++;
        }
        return new Held(state, version);
    }

    private static void change(ZocketServer server, String actorId, int times) throws Exception {
        try (RawClient writer = RawClient.connect(server.url())) {
            for (int i = 0; i < times; i++) {
                writer.call("counter", actorId, "increment", null);
            }
        }
    }

    /** Compares what {@code holder} holds with a fresh subscriber's snapshot, which includes the fresh one's arrival. */
    private static void assertSameAsAFreshSnapshot(ZocketServer server, String actorId, RawClient holder, Held held)
            throws Exception {
        try (RawClient fresh = RawClient.connect(server.url())) {
            Held expected = subscribe(fresh, actorId);
            held = applyPatches(holder, held, 1);
            assertEquals(expected.version(), held.version());
            assertEquals(true, JsonEquality.equal(expected.state(), held.state()),
                    "patched " + held.state() + " but a fresh snapshot is " + expected.state());
        }
    }

    @Test
    void aSubscriberThatComesBackGetsOnlyThePatchesItMissed() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start()) {
            Held held;
            try (RawClient first = RawClient.connect(server.url())) {
                held = subscribe(first, "r");
            }
            change(server, "r", 3);
            try (RawClient back = RawClient.connect(server.url())) {
                back.send(subscribeSince("r", held.version()));
                // The first client's disconnect, the writer's connect, three increments and its
                // disconnect, and this client's own connect.
                Held resumed = applyPatches(back, held, 7);
                assertNull(back.poll(200), "nothing but the missed patches");
                assertSameAsAFreshSnapshot(server, "r", back, resumed);
                assertEquals(1.0, server.meterRegistry().get("zocket.state.resumed").counter().count());
            }
        }
    }

    @Test
    void aSubscriberThatMissedNothingGetsNothingUntilTheNextChange() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient watcher = RawClient.connect(server.url())) {
            Held held = subscribe(watcher, "same");
            try (RawClient back = RawClient.connect(server.url())) {
                back.send(subscribeSince("same", held.version()));
                // Its own arrival changes the state (the online list): that one patch, nothing before it.
                applyPatches(back, held, 1);
            }
        }
    }

    @Test
    void aSubscriberFurtherBehindThanTheLogHoldsGetsASnapshot() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).maxResumePatches(4).start()) {
            Held held;
            try (RawClient first = RawClient.connect(server.url())) {
                held = subscribe(first, "far");
            }
            change(server, "far", 10);
            try (RawClient back = RawClient.connect(server.url())) {
                back.send(subscribeSince("far", held.version()));
                JsonNode answer = back.next();
                assertEquals("state:snapshot", answer.get("type").asString(), answer.toString());
            }
        }
    }

    @Test
    void aVersionTheInstanceNeverHadGetsASnapshot() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start();
                RawClient client = RawClient.connect(server.url())) {
            client.send(subscribeSince("new", 1_000_000));
            JsonNode answer = client.next();
            assertEquals("state:snapshot", answer.get("type").asString(), answer.toString());
        }
    }

    @Test
    void afterARestartADurableLogSendsPatchesNotASnapshot() throws Exception {
        SharedStore store = new SharedStore();
        Held held;
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start()) {
            try (RawClient first = RawClient.connect(server.url())) {
                held = subscribe(first, "d");
            }
            change(server, "d", 3);
        }
        long stored = store.load("counter", "d").orElseThrow().version();
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient back = RawClient.connect(server.url())) {
            back.send(subscribeSince("d", held.version()));
            // Everything stored since, then this client's own arrival.
            Held resumed = applyPatches(back, held, (int) (stored - held.version()) + 1);
            assertSameAsAFreshSnapshot(server, "d", back, resumed);
        }
    }

    @Test
    void afterRetentionPrunedTheMissedChangesADurableInstanceSendsASnapshot() throws Exception {
        SharedStore store = new SharedStore();
        Held held;
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start()) {
            try (RawClient first = RawClient.connect(server.url())) {
                held = subscribe(first, "p");
            }
            change(server, "p", 5);
        }
        store.prune(Retention.lastChanges(2), java.time.Instant.now());
        try (ZocketServer server = TestServer.builder(new Recorder()).store(store).start();
                RawClient back = RawClient.connect(server.url())) {
            back.send(subscribeSince("p", held.version()));
            JsonNode answer = back.next();
            assertEquals("state:snapshot", answer.get("type").asString(), answer.toString());
        }
    }
}
