package dev.zocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.server.ZocketServer;
import dev.zocket.server.fixtures.CounterHandle;
import dev.zocket.server.fixtures.Recorder;
import dev.zocket.server.fixtures.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's own liveness check: a connection that goes silent without closing (a network
 * that drops packets) is pinged, then given up and replaced, and the calls in flight on it are
 * re-sent; a connection whose server answers pings is kept however idle it is.
 */
@Timeout(120)
class HeartbeatTest {

    /** Short, so that silence is noticed quickly. */
    private static final Duration INTERVAL = Duration.ofMillis(200);
    /**
     * For clients that must never be thought lost: long enough for a pong to come back on a
     * loaded machine.
     */
    private static final Duration PATIENT_INTERVAL = Duration.ofMillis(500);

    private static ZocketClient.Builder client(String url) {
        return client(url, INTERVAL);
    }

    private static ZocketClient.Builder client(String url, Duration interval) {
        return ZocketClient.builder(url).heartbeatInterval(interval).reconnectDelay(Duration.ofMillis(5))
                .connectTimeout(Duration.ofSeconds(5)).rpcTimeout(Duration.ofSeconds(60));
    }

    private static ConnectionStatus nextStatus(BlockingQueue<ConnectionStatus> statuses) throws InterruptedException {
        ConnectionStatus status = statuses.poll(30, TimeUnit.SECONDS);
        if (status == null) {
            throw new AssertionError("no status change within 30 s");
        }
        return status;
    }

    @Test
    void aConnectionThatGoesSilentIsReplacedAndTheCallSentIntoItIsResent() throws Exception {
        Recorder recorder = new Recorder();
        BlockingQueue<ConnectionStatus> statuses = new LinkedBlockingQueue<>();
        try (ZocketServer server = TestServer.builder(recorder).start();
                ChaosProxy proxy = new ChaosProxy(server.port());
                ZocketClient client = client(proxy.url()).build()) {
            CounterHandle counter = CounterHandle.of(client, "silent");
            assertEquals(1, counter.increment().get(30, TimeUnit.SECONDS));
            client.onStatusChange(statuses::add);

            proxy.swallowEverything();
            CompletableFuture<Integer> inFlight = counter.increment();

            assertEquals(ConnectionStatus.RECONNECTING, nextStatus(statuses), "the silence was noticed");
            assertEquals(ConnectionStatus.CONNECTED, nextStatus(statuses));
            assertEquals(2, inFlight.get(30, TimeUnit.SECONDS), "re-sent on the new connection and run there");
            assertEquals(3, counter.increment().get(30, TimeUnit.SECONDS));
            assertEquals(2, proxy.connections());
        }
    }

    @Test
    void aCallWhoseAnswerWasSwallowedIsAnsweredByItsReplayAndRunsOnce() throws Exception {
        Recorder recorder = new Recorder();
        BlockingQueue<ConnectionStatus> statuses = new LinkedBlockingQueue<>();
        try (ZocketServer server = TestServer.builder(recorder).start();
                ChaosProxy proxy = new ChaosProxy(server.port());
                ZocketClient client = client(proxy.url()).build()) {
            CounterHandle counter = CounterHandle.of(client, "answers-lost");
            assertEquals(1, counter.increment().get(30, TimeUnit.SECONDS));
            client.onStatusChange(statuses::add);

            proxy.swallowReplies(); // the call and the pings reach the server; nothing comes back
            CompletableFuture<Integer> inFlight = counter.increment();

            assertEquals(ConnectionStatus.RECONNECTING, nextStatus(statuses));
            assertEquals(2, inFlight.get(30, TimeUnit.SECONDS), "the server's one result, replayed");
            assertEquals(3, counter.increment().get(30, TimeUnit.SECONDS), "the lost answer's call ran once");
        }
    }

    @Test
    void withReconnectionOffASilentConnectionEndsTheClientAndFailsTheCallInFlight() throws Exception {
        Recorder recorder = new Recorder();
        try (ZocketServer server = TestServer.builder(recorder).start();
                ChaosProxy proxy = new ChaosProxy(server.port());
                ZocketClient client = client(proxy.url()).reconnect(false).build()) {
            CounterHandle counter = CounterHandle.of(client, "silent-for-good");
            assertEquals(1, counter.increment().get(30, TimeUnit.SECONDS));

            proxy.swallowEverything();
            CompletableFuture<Integer> inFlight = counter.increment();

            ExecutionException failed = assertThrows(ExecutionException.class, () -> inFlight.get(30, TimeUnit.SECONDS));
            assertEquals("WebSocket closed", assertInstanceOf(ConnectionException.class, failed.getCause()).getMessage());
            assertEquals(ConnectionStatus.DISCONNECTED, client.status());
            assertEquals(1, proxy.connections());
        }
    }

    @Test
    void anIdleConnectionWhoseServerAnswersPingsIsKept() throws Exception {
        List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
        try (ScriptedServer server = new ScriptedServer();
                ZocketClient client = client(server.url(), PATIENT_INTERVAL).build()) {
            client.ready().get(30, TimeUnit.SECONDS);
            client.onStatusChange(statuses::add);
            WebSocket connection = server.nextConnection();

            for (int i = 0; i < 5; i++) {
                assertSame(connection, server.nextPing(), "pinged on the one connection");
            }

            assertEquals(List.of(), statuses, "never thought lost");
            assertEquals(ConnectionStatus.CONNECTED, client.status());
            assertFalse(connection.isClosed());
        }
    }

    @Test
    void withTheHeartbeatOffTheClientNeverPings() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
                ZocketClient quiet = client(server.url()).heartbeatInterval(Duration.ZERO).build()) {
            quiet.ready().get(30, TimeUnit.SECONDS);
            WebSocket quietConnection = server.nextConnection();
            try (ZocketClient pinging = client(server.url(), PATIENT_INTERVAL).build()) {
                pinging.ready().get(30, TimeUnit.SECONDS);
                WebSocket pingingConnection = server.nextConnection();

                // Five intervals of the pinging client, at least, pass while the quiet one says nothing.
                for (int i = 0; i < 5; i++) {
                    assertSame(pingingConnection, server.nextPing());
                }
            }
            assertFalse(quietConnection.isClosed());
            assertEquals(ConnectionStatus.CONNECTED, quiet.status());
        }
    }
}
