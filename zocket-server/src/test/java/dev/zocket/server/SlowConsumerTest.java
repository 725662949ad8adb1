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
 *
 * <p>Each change renames a note list's title to a 1 KiB text that starts with its number, so the
 * stalled client's backlog passes the limit (and the kernel's socket buffers, which may hold as
 * much again) in a few thousand changes: a test of many small round trips was slow to the point of
 * timing out on a machine whose cores other processes kept busy.
 */
@Timeout(240)
class SlowConsumerTest {

    private static final int CHANGES = 20_000;
    private static final int WINDOW = 200;
    private static final int TITLE_BYTES = 1024;
    /** Patches a follower may lag behind the writer: with the window, about 800 KB, under the 4 MiB limit. */
    private static final int FOLLOWER_LAG = 500;
    /**
     * Well inside the timeout: a run this slow fails with where it got to, which a timeout
     * (reported with nothing but its duration) would not say.
     */
    private static final long PROGRESS_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(200);

    @Test
    void aStalledSubscriberIsClosedWhileTheOthersReceiveEveryPatch() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder())
                        // Room for a healthy follower on a loaded machine: some 3,000 patches behind.
                        .maxBufferedBytes(4 * 1024 * 1024)
                        .maxInflightRpcs(WINDOW)
                        .start();
                RawClient first = RawClient.connect(server.url());
                RawClient second = RawClient.connect(server.url());
                RawClient writer = RawClient.connect(server.url());
                StalledSocket stalled = new StalledSocket(server.port())) {
            writer.call("notes", "stream", "edit", rename(0));
            stalled.sendText("{\"type\":\"state:sub\",\"actor\":\"notes\",\"actorId\":\"stream\"}");
            first.subscribe("state:sub", "notes", "stream");
            second.subscribe("state:sub", "notes", "stream");
            List<Follower> followers = List.of(Follower.fromSnapshot(first), Follower.fromSnapshot(second));

            Counter closed = server.meterRegistry().get("zocket.connections.slow.closed").counter();
            int stalledCloseCode = 0;
            int sent = 0;
            int answered = 0;
            long startedAt = System.nanoTime();
            while (answered < CHANGES) {
                while (sent < CHANGES && sent - answered < WINDOW) {
                    writer.rpc("notes", "stream", "edit", rename(++sent));
                }
                writer.next("rpc:result");
                answered++;
                if (stalledCloseCode == 0 && closed.count() > 0) {
                    // It reads again right after being cut off: the close frame waits behind its backlog.
                    stalledCloseCode = stalled.readUntilCloseFrame();
                }
                if (answered % WINDOW == 0) {
                    if (System.nanoTime() - startedAt > PROGRESS_DEADLINE_NANOS) {
                        fail("Too slow: " + answered + " of " + CHANGES + " renames answered in "
                                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt) + " s; slow consumers closed: "
                                + closed.count() + ", the stalled one's close code: " + stalledCloseCode + ", followers at "
                                + followers.get(0).renamed + " and " + followers.get(1).renamed + ", connections open: "
                                + server.metrics().connections());
                    }
                    for (Follower follower : followers) {
                        // Checked as they come, so the test holds few of them; and the writer waits
                        // for a follower more than FOLLOWER_LAG behind, because a healthy client in a
                        // starved JVM may read slower than the server writes, and one that fell
                        // maxBufferedBytes behind would rightly be closed too.
                        follower.checkArrived();
                        follower.checkUntil(answered - FOLLOWER_LAG);
                    }
                }
            }
            assertEquals(1013, stalledCloseCode, "closed with the documented code, once over its buffer limit");

            for (Follower follower : followers) {
                follower.checkUntil(CHANGES);
            }
            assertEquals(1.0, closed.count(), "the stalled subscriber was closed, and only it");
        }
    }

    /** The input of the rename numbered {@code n}: a title of {@value #TITLE_BYTES} bytes starting with n. */
    private static String rename(int n) {
        String number = String.format("%07d", n);
        return "{\"kind\":\"title\",\"index\":0,\"text\":\"" + number + "x".repeat(TITLE_BYTES - number.length()) + "\"}";
    }

    private static int renameNumber(JsonNode title) {
        return Integer.parseInt(title.asString().substring(0, 7));
    }

    /** A healthy subscriber, whose every patch is checked: contiguous versions, every rename in order. */
    private static final class Follower {
        private final RawClient client;
        private long version;
        private int renamed;

        private Follower(RawClient client, JsonNode snapshot) {
            this.client = client;
            this.version = snapshot.get("version").asLong();
            this.renamed = renameNumber(snapshot.get("state").get("title"));
        }

        static Follower fromSnapshot(RawClient client) throws InterruptedException {
            JsonNode snapshot = client.next("state:snapshot");
            Follower follower = new Follower(client, snapshot);
            assertEquals(0, follower.renamed, "the snapshot holds the first rename");
            return follower;
        }

        /** Checks the patches that have arrived, without waiting for more. */
        void checkArrived() throws InterruptedException {
            for (JsonNode message = client.poll(0); message != null; message = client.poll(0)) {
                check(message);
            }
        }

        /** Checks patches, waiting for each, until rename {@code expected} has arrived. */
        void checkUntil(int expected) throws Exception {
            while (renamed < expected) {
                JsonNode message;
                try {
                    message = client.next();
                } catch (AssertionError stopped) {
                    throw new AssertionError("A follower's stream stopped after rename " + renamed + "; the connection is "
                            + (client.isClosed() ? "closed: " + client.awaitClose() : "still open"), stopped);
                }
                check(message);
            }
        }

        private void check(JsonNode patch) {
            assertEquals("state:patch", patch.get("type").asString(), "a follower only receives patches");
            assertEquals(++version, patch.get("version").asLong(), "no patch lost or reordered");
            for (JsonNode operation : patch.get("patches")) {
                if (operation.get("path").asString().equals("/title")) {
                    assertEquals(++renamed, renameNumber(operation.get("value")), "every rename, in order");
                }
            }
        }
    }
}
