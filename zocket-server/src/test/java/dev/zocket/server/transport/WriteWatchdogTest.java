package dev.zocket.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.Cancellable;
import dev.zocket.server.runtime.ServerMetrics;
import dev.zocket.spi.TimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket.Listener;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Puts a connection in the state Java-WebSocket's write race leaves it in (a frame queued, no
 * interest in writing) and checks that the watchdog, and only its sweep, gets the frame out.
 */
@Timeout(30)
class WriteWatchdogTest {

    /** Timers that run only when the test says so. */
    private static final class StepTime implements TimeSource {
        final Queue<Runnable> due = new ArrayDeque<>();

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public synchronized Cancellable schedule(Duration delay, Runnable task) {
            due.add(task);
            return () -> {};
        }

        synchronized Runnable next() {
            return due.poll();
        }
    }

    private final CompletableFuture<WebSocket> serverSide = new CompletableFuture<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private WebSocketServer server;
    private java.net.http.WebSocket client;

    @BeforeEach
    void connect() throws Exception {
        server = new WebSocketServer(new InetSocketAddress("127.0.0.1", 0)) {
            @Override
            public void onOpen(WebSocket socket, ClientHandshake handshake) {
                serverSide.complete(socket);
            }

            @Override
            public void onClose(WebSocket socket, int code, String reason, boolean remote) {}

            @Override
            public void onMessage(WebSocket socket, String message) {}

            @Override
            public void onError(WebSocket socket, Exception error) {
                started.completeExceptionally(error);
            }

            @Override
            public void onStart() {
                started.complete(null);
            }
        };
        server.setDaemon(true);
        server.start();
        started.get(10, TimeUnit.SECONDS);
        client = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.getPort()), new Listener() {
                    @Override
                    public CompletionStage<?> onText(java.net.http.WebSocket socket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        socket.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws InterruptedException {
        client.abort();
        server.stop(1000);
    }

    @Test
    void aFrameLeftQueuedWithoutWriteInterestIsSentByTheNextSweep() throws Exception {
        WebSocketImpl socket = (WebSocketImpl) serverSide.get(10, TimeUnit.SECONDS);
        StepTime time = new StepTime();
        ServerMetrics metrics = new ServerMetrics(new SimpleMeterRegistry());
        WriteWatchdog watchdog = new WriteWatchdog(server::onWriteDemand, time, metrics);

        queueWithoutAskingTheSelector(socket, "late");
        assertTrue(socket.hasBufferedData());
        assertEquals(0, socket.getSelectionKey().interestOps() & SelectionKey.OP_WRITE,
                "the race's outcome: nothing will write the frame");

        watchdog.sent(socket);
        Runnable sweep = time.next();
        assertTrue(sweep != null, "a sweep is scheduled once a connection is sent to");
        sweep.run();

        assertEquals("late", received.poll(10, TimeUnit.SECONDS));
        assertEquals(1.0, metrics.registry().get("zocket.writes.rearmed").counter().count());
    }

    @Test
    void sweepsStopOnceEveryQueueHasDrained() throws Exception {
        WebSocketImpl socket = (WebSocketImpl) serverSide.get(10, TimeUnit.SECONDS);
        StepTime time = new StepTime();
        ServerMetrics metrics = new ServerMetrics(new SimpleMeterRegistry());
        WriteWatchdog watchdog = new WriteWatchdog(server::onWriteDemand, time, metrics);

        socket.send("prompt"); // queued and written the normal way
        assertEquals("prompt", received.poll(10, TimeUnit.SECONDS));
        watchdog.sent(socket);
        watchdog.sent(socket);
        Runnable sweep = time.next();
        assertTrue(time.next() == null, "one sweep at a time");
        sweep.run();

        assertFalse(socket.hasBufferedData());
        assertTrue(time.next() == null, "nothing left to watch, so no further sweep");
        assertEquals(0.0, metrics.registry().get("zocket.writes.rearmed").counter().count());
    }

    private static void queueWithoutAskingTheSelector(WebSocketImpl socket, String text) throws InterruptedException {
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        frame.setFin(true);
        socket.outQueue.put(socket.getDraft().createBinaryFrame(frame));
    }
}
