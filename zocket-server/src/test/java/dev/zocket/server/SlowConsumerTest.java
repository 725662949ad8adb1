package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import io.micrometer.core.instrument.Counter;
import java.util.List;
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

    @Test
    void aStalledSubscriberIsClosedWhileTheOthersReceiveEveryPatch() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder())
                        .maxBufferedBytes(1024 * 1024)
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
            long firstVersion = firstSnapshot.get("version").asLong();
            long secondVersion = second.next("state:snapshot").get("version").asLong();
            assertEquals(1, firstSnapshot.get("state").get("count").asInt());

            Counter closed = server.meterRegistry().get("zocket.connections.slow.closed").counter();
            int stalledCloseCode = 0;
            int sent = 0;
            int answered = 0;
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
            }
            assertEquals(1013, stalledCloseCode, "closed with the documented code, once over its buffer limit");

            for (RawClient follower : List.of(first, second)) {
                long version = follower == first ? firstVersion : secondVersion;
                int count = 1;
                int countPatches = 0;
                while (count < CHANGES + 1) {
                    JsonNode patch = follower.next("state:patch");
                    assertEquals(++version, patch.get("version").asLong(), "no patch lost or reordered");
                    for (JsonNode operation : patch.get("patches")) {
                        if (operation.get("path").asString().equals("/count")) {
                            assertEquals(count + 1, operation.get("value").asInt(), "every increment, in order");
                            count++;
                            countPatches++;
                        }
                    }
                }
                assertEquals(CHANGES, countPatches);
            }
            assertEquals(1.0, closed.count(), "the stalled subscriber was closed, and only it");
        }
    }
}
