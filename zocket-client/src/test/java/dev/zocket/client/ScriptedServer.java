package dev.zocket.client;

import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A WebSocket server whose every message is written by the test, for situations a correct
 * Zocket server does not produce on demand (a gap in patch versions, say).
 */
final class ScriptedServer extends WebSocketServer implements AutoCloseable {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<WebSocket> connection = new CompletableFuture<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();

    ScriptedServer() throws Exception {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        start();
        started.get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    void send(String message) throws Exception {
        connection.get(10, TimeUnit.SECONDS).send(message);
    }

    /** The next message the client sent. */
    String next() throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("The client sent nothing within 10 s");
        }
        return message;
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        socket.send("{\"type\":\"welcome\",\"clientId\":\"scripted\"}");
        connection.complete(socket);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket socket, String message) {
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
