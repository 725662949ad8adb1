package dev.zocket.server.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.java_websocket.handshake.ClientHandshake;
import org.junit.jupiter.api.Test;

/** Both readers the benchmark times read the same request, whole. */
class UpgradeRequestBenchmarkSmokeTest {

    @Test
    void bothReadersReadTheSameRequest() throws Exception {
        for (String request : new String[] {"ordinary", "padded"}) {
            UpgradeRequestBenchmark benchmark = new UpgradeRequestBenchmark();
            benchmark.request = request;
            benchmark.setUp();
            ClientHandshake ours = (ClientHandshake) benchmark.ours();
            ClientHandshake theirs = (ClientHandshake) benchmark.javaWebSocket();
            assertEquals("/?token=abc", ours.getResourceDescriptor());
            assertEquals(theirs.getFieldValue("Sec-WebSocket-Key"), ours.getFieldValue("Sec-WebSocket-Key"));
            assertEquals(theirs.getFieldValue("X"), ours.getFieldValue("X"));
        }
    }
}
