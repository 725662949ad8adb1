package dev.zocket.client.internal;

import dev.zocket.client.transport.Transport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Connections over the JDK's {@link java.net.http.WebSocket}. All connections made through one
 * {@link HttpClient} share its selector thread, so a client costs no thread of its own.
 *
 * <p><b>Threading.</b> Thread-safe. A link's sends are chained so that one is written at a time,
 * in the order queued, as the JDK WebSocket requires; its listener is called on the
 * {@code HttpClient}'s threads, one call at a time.
 */
public final class JdkWebSocketTransport implements Transport {

    private final HttpClient http;

    public JdkWebSocketTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public CompletableFuture<Link> open(URI url, Duration connectTimeout, LinkListener listener) {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (!connectTimeout.isZero()) {
            builder.connectTimeout(connectTimeout);
        }
        Adapter adapter = new Adapter(listener);
        return builder.buildAsync(url, adapter).thenApply(JdkLink::new);
    }

    /** Sends one message at a time, as the JDK WebSocket requires, in the order queued. */
    private static final class JdkLink implements Link {
        private final WebSocket socket;
        private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

        JdkLink(WebSocket socket) {
            this.socket = socket;
        }

        @Override
        public synchronized void send(String text) {
            lastSend = lastSend.handle((ignored, error) -> null)
                    .thenCompose(ignored -> socket.sendText(text, true));
        }

        /** Queued behind the messages, like a message, so that no two sends are ever outstanding. */
        @Override
        public synchronized boolean ping() {
            lastSend = lastSend.handle((ignored, error) -> null)
                    .thenCompose(ignored -> socket.sendPing(ByteBuffer.allocate(0)));
            return true;
        }

        @Override
        public void close() {
            synchronized (this) {
                lastSend = lastSend.handle((ignored, error) -> null)
                        .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, ""));
            }
            socket.abort(); // the peer's answer to the close is not worth waiting for
        }
    }

    /** Turns the JDK's callbacks into {@link LinkListener} calls, reassembling fragmented text. */
    private static final class Adapter implements WebSocket.Listener {
        private final LinkListener listener;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicBoolean closed = new AtomicBoolean();

        Adapter(LinkListener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                listener.onMessage(text);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            socket.request(1); // the protocol is text only
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
            listener.onAlive();
            socket.request(1);
            return null;
        }

        /** The JDK answers the ping with a pong by itself. */
        @Override
        public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
            listener.onAlive();
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            if (closed.compareAndSet(false, true)) {
                listener.onClosed(statusCode, reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            if (closed.compareAndSet(false, true)) {
                listener.onClosed(1006, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
            }
        }
    }
}
