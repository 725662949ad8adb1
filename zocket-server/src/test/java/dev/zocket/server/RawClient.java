package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zocket.json.JsonCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A test client that speaks raw protocol frames, so tests see exactly what the server sends.
 * Built on the JDK's WebSocket client, which shares one selector thread among all connections.
 */
final class RawClient implements AutoCloseable {

    /** How a connection ended. */
    record Closed(int code, String reason) {}

    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonCodec JSON = JsonCodec.standard();
    private static final AtomicLong IDS = new AtomicLong();

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final Deque<JsonNode> pushedBack = new ArrayDeque<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;
    final String clientId;

    private RawClient(String url) throws Exception {
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new Listener()).get(10, TimeUnit.SECONDS);
        JsonNode welcome = next();
        assertEquals("welcome", welcome.get("type").asString(), "first message");
        this.clientId = welcome.get("clientId").asString();
    }

    static RawClient connect(String url) throws Exception {
        return new RawClient(url);
    }

    void send(String json) {
        awaitSent(socket.sendText(json, true));
    }

    void sendBinary(byte[] bytes) {
        awaitSent(socket.sendBinary(ByteBuffer.wrap(bytes), true));
    }

    /** Waits for a send to be written; a server that stops reading fails the test rather than hanging it. */
    private static void awaitSent(CompletableFuture<WebSocket> sent) {
        try {
            sent.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("a message could not be sent within 10 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause()); // as join() reports it: tests catch it when closed meanwhile
        }
    }

    /** Sends an {@code rpc} and returns its id. */
    String rpc(String actor, String actorId, String method, String input) {
        String id = "rpc_" + IDS.incrementAndGet();
        send("{\"type\":\"rpc\",\"id\":\"" + id + "\",\"actor\":\"" + actor + "\",\"actorId\":\"" + actorId
                + "\",\"method\":\"" + method + "\"" + (input == null ? "" : ",\"input\":" + input) + "}");
        return id;
    }

    /** Sends an {@code rpc} and returns its {@code rpc:result}, failing on anything else first. */
    JsonNode call(String actor, String actorId, String method, String input) throws InterruptedException {
        String id = rpc(actor, actorId, method, input);
        JsonNode result = next();
        assertEquals("rpc:result", result.get("type").asString(), "expected the result of " + method + ": " + result);
        assertEquals(id, result.get("id").asString());
        return result;
    }

    /**
     * Waits until everything this connection sent to a counter instance so far has been
     * processed there: one connection's messages to an instance run in order, so a round trip
     * behind them proves it. (Messages from different connections have no order.)
     */
    void sync(String actorId) throws InterruptedException {
        String id = rpc("counter", actorId, "whoAmI", null);
        List<JsonNode> meanwhile = new ArrayList<>();
        while (true) {
            JsonNode message = next();
            if (message.get("type").asString().equals("rpc:result") && message.get("id").asString().equals(id)) {
                pushedBack.addAll(meanwhile); // read again, in order, before anything newer
                return;
            }
            meanwhile.add(message);
        }
    }

    void subscribe(String kind, String actor, String actorId) {
        send("{\"type\":\"" + kind + "\",\"actor\":\"" + actor + "\",\"actorId\":\"" + actorId + "\"}");
    }

    /** The next message, waiting up to 10 seconds. */
    JsonNode next() throws InterruptedException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.removeFirst();
        }
        JsonNode message = inbox.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            fail("no message within 10 s");
        }
        return message;
    }

    /** The next message of a type, skipping others. */
    JsonNode next(String type) throws InterruptedException {
        while (true) {
            JsonNode message = next();
            if (message.get("type").asString().equals(type)) {
                return message;
            }
        }
    }

    /** Whether a message arrives within {@code millis}; for asserting that nothing was sent. */
    JsonNode poll(long millis) throws InterruptedException {
        if (!pushedBack.isEmpty()) {
            return pushedBack.removeFirst();
        }
        return inbox.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Waits for the server to close the connection. */
    Closed awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return closed.isDone();
    }

    /** Drops the TCP connection without a close handshake. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(JSON.parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(1006, String.valueOf(error.getMessage())));
        }
    }
}
