package dev.zocket.server.internal.transport;

import dev.zocket.server.Principal;
import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.runtime.ServerMetrics;
import dev.zocket.server.internal.session.ClientConnection;
import dev.zocket.server.internal.session.CloseCodes;
import dev.zocket.server.internal.session.Session;
import dev.zocket.spi.TimeSource;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.drafts.Draft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket: Java-WebSocket's protocol state for it (handshake, decoding, control
 * frames, the close handshake), what its {@link EventLoop} tracks for it, and the bounded queue
 * of messages the server sends it.
 *
 * <p>{@link #send} frames a message itself and queues it for the loop, so a send never leaves
 * the project: Java-WebSocket only writes the frames of its own protocol (handshake, pong, close)
 * and asks the loop for them through {@code onWriteDemand}.
 *
 * <p>Java-WebSocket's queue has no limit. A client that stops reading would make it grow until
 * memory runs out, so a send that would take the bytes waiting past the limit closes the
 * connection (1013) instead; the client reconnects and resyncs from a fresh snapshot, so it never
 * silently misses a message. The bytes waiting are estimated as those queued since the queue was
 * last seen empty, and measured exactly (a walk over the queue) only when the estimate passes the
 * limit, so healthy connections pay nothing.
 *
 * <p>Threads: only the loop reads the channel, writes it, or changes its interest; any thread may
 * {@link #send} or {@link #close}.
 */
final class WebSocketConnection extends WebSocketImpl implements ClientConnection {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final Duration HARD_CLOSE_AFTER = Duration.ofSeconds(5);
    private static final byte FIN_TEXT = (byte) 0x81;

    final EventLoop loop;
    final SocketChannel channel;
    final InetSocketAddress remoteAddress;
    final InetSocketAddress localAddress;
    final long acceptedAtNanos;
    /** Set while a flush is requested and not yet started, so many sends cost one request. */
    final AtomicBoolean flushRequested = new AtomicBoolean();

    private final long maxBufferedBytes;
    private final ServerMetrics metrics;
    private final TimeSource time;
    private final Object sendLock = new Object();
    private final AtomicBoolean closing = new AtomicBoolean();
    private long queuedSinceDrained; // guarded by sendLock

    // Loop thread only.
    long lastHeardNanos;
    long handshakeBytes;
    boolean pingOutstanding;
    /** The last frame is out and the output shut: waiting for the peer to close its side. */
    boolean lingering;
    long lingerSinceNanos;

    // Set by the handshake on the loop thread; volatile because a close may be reported on another.
    volatile Principal principal;
    volatile Session session;

    WebSocketConnection(WebSocketListener listener, List<Draft> drafts, EventLoop loop, SocketChannel channel,
            InetSocketAddress remoteAddress, InetSocketAddress localAddress, long acceptedAtNanos,
            long maxBufferedBytes, ServerMetrics metrics, TimeSource time) {
        super(listener, drafts);
        this.loop = loop;
        this.channel = channel;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.acceptedAtNanos = acceptedAtNanos;
        this.lastHeardNanos = acceptedAtNanos;
        this.maxBufferedBytes = maxBufferedBytes;
        this.metrics = metrics;
        this.time = time;
        setChannel(channel);
    }

    @Override
    public void send(OutgoingMessage message) {
        byte[] payload = message.bytes();
        ByteBuffer frame = textFrame(payload);
        synchronized (sendLock) {
            if (closing.get() || !isOpen()) {
                return; // closed: the close callback cleans up
            }
            if (!hasBufferedData()) {
                queuedSinceDrained = 0;
            }
            queuedSinceDrained += frame.remaining();
            if (queuedSinceDrained > maxBufferedBytes) {
                queuedSinceDrained = bufferedBytes() + frame.remaining();
                if (queuedSinceDrained > maxBufferedBytes) {
                    closeSlowConsumer();
                    return;
                }
            }
            outQueue.add(frame);
        }
        loop.requestFlush(this);
        metrics.bytesSent(payload.length);
    }

    /** An unmasked, final text frame (RFC 6455, 5.2), byte for byte what Java-WebSocket's draft writes. */
    static ByteBuffer textFrame(byte[] payload) {
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + length);
        frame.put(FIN_TEXT);
        if (length <= 125) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).flip();
    }

    private long bufferedBytes() {
        long total = 0;
        for (ByteBuffer buffer : outQueue) {
            total += buffer.remaining();
        }
        return total;
    }

    private void closeSlowConsumer() {
        if (closing.compareAndSet(false, true)) {
            LOG.info("Closing {}: it reads too slowly, more than {} bytes are waiting", remoteAddress, maxBufferedBytes);
            metrics.slowConsumerClosed();
            // The close frame queues behind the backlog; if the client never reads that far, the
            // socket is closed without it, which also frees the backlog.
            super.close(CloseCodes.TRY_AGAIN_LATER, "Slow consumer: more than " + maxBufferedBytes + " bytes waiting");
            time.schedule(HARD_CLOSE_AFTER, () -> {
                if (!isClosed()) {
                    closeConnection(CloseCodes.TRY_AGAIN_LATER, "Slow consumer");
                }
            });
        }
    }

    /** Starts the close handshake; nothing the server sends after it is queued. */
    @Override
    public void close(int code, String reason) {
        closing.set(true);
        super.close(code, reason);
    }

    @Override
    public String toString() {
        return "WebSocketConnection[" + remoteAddress + (session == null ? "" : ", " + session.clientId()) + "]";
    }
}
