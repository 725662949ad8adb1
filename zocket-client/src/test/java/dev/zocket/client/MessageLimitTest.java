package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.fixtures.CounterHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A server cannot make the client buffer a message longer than its limit, whole or in fragments. */
@Timeout(60)
class MessageLimitTest {

    private static final int LIMIT = 4_000;
    private static final String HEAD = "{\"type\":\"state:snapshot\",\"actor\":\"counter\",\"actorId\":\"big\","
            + "\"state\":{\"count\":1,\"online\":[\"";
    private static final String TAIL = "\"]},\"version\":1}";

    /** A snapshot of exactly {@code length} characters, most of them one client's name. */
    private static String snapshotOfLength(int length) {
        return HEAD + "x".repeat(length - HEAD.length() - TAIL.length()) + TAIL;
    }

    private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T item = queue.poll(10, TimeUnit.SECONDS);
        if (item == null) {
            throw new AssertionError("nothing within 10 s");
        }
        return item;
    }

    private static ZocketClient client(ScriptedServer server) {
        return ZocketClient.builder(server.url()).maxMessageLength(LIMIT).reconnectDelay(Duration.ofMillis(5)).build();
    }

    @Test
    void aMessageAtTheLimitArrivesAndALongerOneDropsTheConnection() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); ZocketClient client = client(server)) {
            CounterHandle counter = CounterHandle.of(client, "big");
            BlockingQueue<Integer> nameLengths = new LinkedBlockingQueue<>();
            counter.state().subscribe(state -> nameLengths.add(state.online().get(0).length()));
            assertTrue(server.next().contains("state:sub"));
            server.nextConnection();

            server.send(snapshotOfLength(LIMIT));
            assertEquals(LIMIT - HEAD.length() - TAIL.length(), next(nameLengths), "a message of the limit's length arrives");

            BlockingQueue<ConnectionStatus> statuses = new LinkedBlockingQueue<>();
            client.onStatusChange(statuses::add);
            server.send(snapshotOfLength(LIMIT + 1));
            assertEquals(ConnectionStatus.RECONNECTING, next(statuses), "one character more drops the connection");
            server.nextConnection();
            assertEquals(ConnectionStatus.CONNECTED, next(statuses));
            assertTrue(server.next().contains("state:sub"), "the client subscribes again on the new connection");
            assertTrue(nameLengths.isEmpty(), "the long snapshot was never delivered");
        }
    }

    @Test
    void fragmentsAddingUpToMoreThanTheLimitDropTheConnectionBeforeTheMessageEnds() throws Exception {
        try (ScriptedServer server = new ScriptedServer(); ZocketClient client = client(server)) {
            client.ready().get(10, TimeUnit.SECONDS);
            WebSocket socket = server.nextConnection();
            BlockingQueue<ConnectionStatus> statuses = new LinkedBlockingQueue<>();
            client.onStatusChange(statuses::add);

            byte[] half = "x".repeat(LIMIT / 2 + 1).getBytes(StandardCharsets.UTF_8);
            socket.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(half), false);
            socket.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(half), false); // a continuation; no final fragment follows
            assertEquals(ConnectionStatus.RECONNECTING, next(statuses));
            server.nextConnection();
            assertEquals(ConnectionStatus.CONNECTED, next(statuses));
        }
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> ZocketClient.builder("ws://127.0.0.1:1").maxMessageLength(0));
    }
}
