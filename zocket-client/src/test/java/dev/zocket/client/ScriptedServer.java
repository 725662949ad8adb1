package dev.zocket.client;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A WebSocket server whose every message is written by the test, for situations a correct
 * Zocket server does not produce on demand (a gap in patch versions, a connection that drops just
 * as an answer goes out). It greets each connection with a {@code welcome}; {@link #send} writes
 * to the newest one, and {@link #drop} closes it.
 */
final class ScriptedServer extends WebSocketServer implements AutoCloseable {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    private final BlockingQueue<WebSocket> pinged = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile CompletableFuture<WebSocket> current = new CompletableFuture<>();
    private volatile BiConsumer<WebSocket, String> reaction = (socket, message) -> {};

    ScriptedServer() throws Exception {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        started.get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    /** Sends {@code message} on the newest connection, once there is one. */
    void send(String message) throws Exception {
        current.get(10, TimeUnit.SECONDS).send(message);
    }

    /** The next message the client sent, on any connection. */
    String next() throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("The client sent nothing within 10 s");
        }
        return message;
    }

    /** The messages received and not yet taken with {@link #next}, without waiting for more. */
    List<String> drain() {
        List<String> messages = new ArrayList<>();
        received.drainTo(messages);
        return messages;
    }

    /** Waits for the next ping a client sends (answered with a pong), and says on which connection. */
    WebSocket nextPing() throws InterruptedException {
        WebSocket socket = pinged.poll(10, TimeUnit.SECONDS);
        if (socket == null) {
            throw new AssertionError("The client sent no ping within 10 s");
        }
        return socket;
    }

    /** Waits for the next connection to open. */
    WebSocket nextConnection() throws InterruptedException {
        WebSocket socket = opened.poll(10, TimeUnit.SECONDS);
        if (socket == null) {
            throw new AssertionError("The client did not connect within 10 s");
        }
        return socket;
    }

    /**
     * Closes the newest connection as a server going away would ({@code 1001}); the client
     * reconnects. A close frame rather than a bare end of stream: the JDK's WebSocket can miss an
     * end of stream that arrives together with a message, and a client that never notices the
     * drop tests nothing.
     */
    void drop() throws Exception {
        WebSocket socket = current.get(10, TimeUnit.SECONDS);
        current = new CompletableFuture<>();
        socket.close(CloseFrame.GOING_AWAY);
    }

    /**
     * Runs {@code reaction} on every message as it arrives, on the server's thread, before the
     * test sees it with {@link #next}; for races a test cannot script step by step.
     */
    void reactWith(BiConsumer<WebSocket, String> reaction) {
        this.reaction = reaction;
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        socket.send("{\"type\":\"welcome\",\"clientId\":\"scripted\"}");
        CompletableFuture<WebSocket> slot = current;
        if (!slot.complete(socket)) {
            current = CompletableFuture.completedFuture(socket);
        }
        opened.add(socket);
    }

    @Override
    public void onWebsocketPing(WebSocket socket, Framedata ping) {
        super.onWebsocketPing(socket, ping);
        pinged.add(socket);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket socket, String message) {
        reaction.accept(socket, message);
        received.add(message);
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) {
            started.completeExceptionally(error);
        }
    }

    @Override
    public void onStart() {
        started.complete(null);
    }

    @Override
    public void close() {
        try {
            stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
