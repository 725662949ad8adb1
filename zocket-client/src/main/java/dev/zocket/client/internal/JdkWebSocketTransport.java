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

    /** How long a message from the server may be unless told otherwise: 16 Mi characters. */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 16 << 20;

    /** RFC 6455's close code for a message too big to process. */
    private static final int MESSAGE_TOO_BIG = 1009;

    private final HttpClient http;
    private final int maxMessageChars;

    public JdkWebSocketTransport(HttpClient http) {
        this(http, DEFAULT_MAX_MESSAGE_CHARS);
    }

    /**
     * @param maxMessageChars the longest message from the server a link accepts, in characters;
     *     a longer one is not buffered: the link is aborted and reported closed with {@code 1009}
     */
    public JdkWebSocketTransport(HttpClient http, int maxMessageChars) {
        if (maxMessageChars < 1) {
            throw new IllegalArgumentException("maxMessageChars must be positive, got " + maxMessageChars);
        }
        this.http = http;
        this.maxMessageChars = maxMessageChars;
    }

    @Override
    public CompletableFuture<Link> open(URI url, Duration connectTimeout, LinkListener listener) {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (!connectTimeout.isZero()) {
            builder.connectTimeout(connectTimeout);
        }
        Adapter adapter = new Adapter(listener, maxMessageChars);
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

    /**
     * Turns the JDK's callbacks into {@link LinkListener} calls, reassembling fragmented text up
     * to the longest message allowed.
     */
    private static final class Adapter implements WebSocket.Listener {
        private final LinkListener listener;
        private final int maxMessageChars;
        /** The parts of a fragmented message so far; a whole message in one part skips it. */
        private StringBuilder partial = new StringBuilder();
        private final AtomicBoolean closed = new AtomicBoolean();

        Adapter(LinkListener listener, int maxMessageChars) {
            this.listener = listener;
            this.maxMessageChars = maxMessageChars;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (data.length() > maxMessageChars - partial.length()) {
                partial = new StringBuilder();
                socket.abort();
                reportClosed(MESSAGE_TOO_BIG, "A message from the server is longer than the client's limit of "
                        + maxMessageChars + " characters");
                return null;
            }
            if (last && partial.length() == 0) {
                listener.onMessage(data.toString());
            } else {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial = new StringBuilder(); // a long message's buffer is not kept for the next
                    listener.onMessage(text);
                }
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
            reportClosed(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            reportClosed(1006, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
        }

        /** The first report of a link's end is the one the listener hears. */
        private void reportClosed(int code, String reason) {
            if (closed.compareAndSet(false, true)) {
                listener.onClosed(code, reason);
            }
        }
    }
}
