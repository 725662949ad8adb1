package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connections that go quiet, never finish their handshake, or send an endless one are dropped. */
@Timeout(60)
class ConnectionHealthTest {

    /** Long enough that a live client on a loaded machine answers a ping in time (it has a whole interval). */
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);

    @Test
    void aSilentPeerIsPingedThenDroppedWhileALiveOneStays() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).heartbeatInterval(HEARTBEAT).start();
                RawClient live = RawClient.connect(server.url());
                StalledSocket silent = new StalledSocket(server.port())) {
            List<Integer> opcodes = silent.readOpcodesUntilEnd(); // returns once the server hangs up

            assertTrue(opcodes.contains(0x9), "the silent peer was pinged before being dropped: " + opcodes);
            assertTrue(!opcodes.contains(0x8), "dropped without a close handshake: " + opcodes);
            // The live client has been idle at least as long, answering pings by itself.
            assertEquals(1, live.call("counter", "health", "increment", null).get("result").asInt());
        }
    }

    @Test
    void aConnectionThatNeverFinishesItsHandshakeIsDropped() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).heartbeatInterval(HEARTBEAT).start();
                Socket socket = connect(server)) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(-1, readUntilClosed(socket.getInputStream()));
        }
    }

    @Test
    void anOversizedUpgradeRequestIsDropped() throws Exception {
        try (ZocketServer server = TestServer.builder(new Recorder()).start(); Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] header = "X-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
                        .getBytes(StandardCharsets.US_ASCII);
                for (int sent = 0; sent < 80 * 1024; sent += header.length) {
                    out.write(header);
                }
            } catch (SocketException reset) {
                return; // dropped while still sending: what the test wants
            }
            assertEquals(-1, readUntilClosed(socket.getInputStream()), "the server hung up without answering");
        }
    }

    private static Socket connect(ZocketServer server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(20_000);
        return socket;
    }

    /** Reads until the server closes; -1 when it did so without sending anything. */
    private static int readUntilClosed(InputStream in) throws IOException {
        int first;
        try {
            first = in.read();
            while (first >= 0 && in.read() >= 0) {
                // an answer arrived; keep reading to the end
            }
        } catch (SocketException reset) {
            return -1;
        }
        return first;
    }
}
