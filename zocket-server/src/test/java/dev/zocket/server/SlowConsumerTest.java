package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import io.micrometer.core.instrument.Counter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A client that stops reading must not make the server buffer without bound, nor slow down or
 * starve the others: it is closed once its backlog passes the limit, and everyone else receives
 * every patch, in order.
 */
@Timeout(180)
class SlowConsumerTest {

    private static final int CHANGES = 100_000;
    private static final int WINDOW = 200;
    /** Patches a follower may lag behind the writer: with the window, about 300 KB, under the 1 MiB limit. */
    private static final int FOLLOWER_LAG = 2_000;
    /**
     * Well inside the timeout: a run this slow fails with where it got to, which a timeout
     * (reported with nothing but its duration) would not say.
     */
    private static final long PROGRESS_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(120);

    @Test
    void aStalledSubscriberIsClosedWhileTheOthersReceiveEveryPatch() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder())
                        // Room for a healthy follower on a loaded machine: a queued patch of ~100
                        // bytes counts ~200 with its objects, so this is ~20,000 patches behind.
                        .maxBufferedBytes(4 * 1024 * 1024)
                        .maxInflightRpcs(WINDOW)
                        .start();
                RawClient first = RawClient.connect(server.url());
                RawClient second = RawClient.connect(server.url());
                RawClient writer = RawClient.connect(server.url());
                StalledSocket stalled = new StalledSocket(server.port())) {
            writer.call("counter", "stream", "add", "{\"amount\":1}");
            stalled.sendText("{\"type\":\"state:sub\",\"actor\":\"counter\",\"actorId\":\"stream\"}");
            first.subscribe("state:sub", "counter", "stream");
            second.subscribe("state:sub", "counter", "stream");
            JsonNode firstSnapshot = first.next("state:snapshot");
            assertEquals(1, firstSnapshot.get("state").get("count").asInt());
            List<Follower> followers = List.of(new Follower(first, firstSnapshot.get("version").asLong()),
                    new Follower(second, second.next("state:snapshot").get("version").asLong()));

            Counter closed = server.meterRegistry().get("zocket.connections.slow.closed").counter();
            int stalledCloseCode = 0;
            int sent = 0;
            int answered = 0;
            long startedAt = System.nanoTime();
            while (answered < CHANGES) {
                while (sent < CHANGES && sent - answered < WINDOW) {
                    writer.rpc("counter", "stream", "increment", null);
                    sent++;
                }
                writer.next("rpc:result");
                answered++;
                if (stalledCloseCode == 0 && closed.count() > 0) {
                    // It reads again right after being cut off: the close frame waits behind its backlog.
                    stalledCloseCode = stalled.readUntilCloseFrame();
                }
                if (answered % WINDOW == 0) {
                    if (System.nanoTime() - startedAt > PROGRESS_DEADLINE_NANOS) {
                        fail("Too slow: " + answered + " of " + CHANGES + " increments answered in "
                                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt) + " s; slow consumers closed: "
                                + closed.count() + ", the stalled one's close code: " + stalledCloseCode + ", followers at "
                                + followers.get(0).count + " and " + followers.get(1).count + ", connections open: "
                                + server.metrics().connections());
                    }
                    for (Follower follower : followers) {
                        // Checked as they come, so the test holds few of them; and the writer waits
                        // for a follower more than FOLLOWER_LAG behind, because a healthy client in a
                        // starved JVM may read slower than the server writes, and one that fell
                        // maxBufferedBytes behind would rightly be closed too.
                        follower.checkArrived();
                        follower.checkUntilCount(answered + 1 - FOLLOWER_LAG);
                    }
                }
            }
            assertEquals(1013, stalledCloseCode, "closed with the documented code, once over its buffer limit");

            for (Follower follower : followers) {
                follower.checkUntilCount(CHANGES + 1);
            }
            assertEquals(1.0, closed.count(), "the stalled subscriber was closed, and only it");
        }
    }

    /** A healthy subscriber, whose every patch is checked: contiguous versions, every increment in order. */
    private static final class Follower {
        private final RawClient client;
        private long version;
        private int count = 1;

        Follower(RawClient client, long snapshotVersion) {
            this.client = client;
            this.version = snapshotVersion;
        }

        /** Checks the patches that have arrived, without waiting for more. */
        void checkArrived() throws InterruptedException {
            for (JsonNode message = client.poll(0); message != null; message = client.poll(0)) {
                check(message);
            }
        }

        /** Checks patches, waiting for each, until the count reaches {@code expected}. */
        void checkUntilCount(int expected) throws Exception {
            while (count < expected) {
                JsonNode message;
                try {
                    message = client.next();
                } catch (AssertionError stopped) {
                    throw new AssertionError("A follower's stream stopped after increment " + count + "; the connection is "
                            + (client.isClosed() ? "closed: " + client.awaitClose() : "still open"), stopped);
                }
                check(message);
            }
        }

        private void check(JsonNode patch) {
            assertEquals("state:patch", patch.get("type").asString(), "a follower only receives patches");
            assertEquals(++version, patch.get("version").asLong(), "no patch lost or reordered");
            for (JsonNode operation : patch.get("patches")) {
                if (operation.get("path").asString().equals("/count")) {
                    assertEquals(++count, operation.get("value").asInt(), "every increment, in order");
                }
            }
        }
    }
}
