package dev.zocket.server.internal.transport;

import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.runtime.ServerMetrics;
import dev.zocket.server.internal.session.ClientConnection;
import dev.zocket.server.internal.session.CloseCodes;
import dev.zocket.spi.TimeSource;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.TextFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Java-WebSocket connection, with a cap on what the server buffers for it.
 *
 * <p>Java-WebSocket queues outgoing frames without limit. A client that stops reading would make
 * that queue grow until memory runs out, so each send estimates the bytes still queued and closes
 * the connection (1013) once they pass the limit. The client reconnects and resyncs from a fresh
 * snapshot, so it never silently misses a message.
 *
 * <p>The estimate is the bytes sent since the queue was last seen empty. Only when that passes
 * the limit is the queue measured exactly (a walk over it), so healthy connections pay nothing.
 */
final class WebSocketConnection implements ClientConnection {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final int FRAME_OVERHEAD = 10;

    private static final Duration HARD_CLOSE_AFTER = Duration.ofSeconds(5);

    private final WebSocket socket;
    private final long maxBufferedBytes;
    private final ServerMetrics metrics;
    private final TimeSource time;
    private final Object sendLock = new Object();
    private final AtomicBoolean closing = new AtomicBoolean();
    private long sentSinceDrained;

    WebSocketConnection(WebSocket socket, long maxBufferedBytes, ServerMetrics metrics, TimeSource time) {
        this.socket = socket;
        this.maxBufferedBytes = maxBufferedBytes;
        this.metrics = metrics;
        this.time = time;
    }

    @Override
    public void send(OutgoingMessage message) {
        byte[] bytes = message.bytes();
        synchronized (sendLock) {
            if (closing.get()) {
                return;
            }
            if (!socket.hasBufferedData()) {
                sentSinceDrained = 0;
            }
            sentSinceDrained += bytes.length + FRAME_OVERHEAD;
            if (sentSinceDrained > maxBufferedBytes) {
                sentSinceDrained = bufferedBytes() + bytes.length + FRAME_OVERHEAD;
                if (sentSinceDrained > maxBufferedBytes) {
                    closeSlowConsumer();
                    return;
                }
            }
            TextFrame frame = new TextFrame();
            frame.setPayload(ByteBuffer.wrap(bytes));
            frame.setFin(true);
            try {
                socket.sendFrame(frame);
            } catch (WebsocketNotConnectedException closed) {
                return; // the close callback cleans up
            }
        }
        metrics.bytesSent(bytes.length);
    }

    private long bufferedBytes() {
        long total = 0;
        for (ByteBuffer buffer : ((WebSocketImpl) socket).outQueue) {
            total += buffer.remaining();
        }
        return total;
    }

    private void closeSlowConsumer() {
        if (closing.compareAndSet(false, true)) {
            LOG.info("Closing {}: it reads too slowly, more than {} bytes are waiting", socket.getRemoteSocketAddress(),
                    maxBufferedBytes);
            metrics.slowConsumerClosed();
            // The close frame queues behind the backlog; if the client never reads that far, the
            // socket is closed without it, which also frees the backlog.
            socket.close(CloseCodes.TRY_AGAIN_LATER, "Slow consumer: more than " + maxBufferedBytes + " bytes waiting");
            time.schedule(HARD_CLOSE_AFTER, () -> {
                if (!socket.isClosed()) {
                    socket.closeConnection(CloseCodes.TRY_AGAIN_LATER, "Slow consumer");
                }
            });
        }
    }

    @Override
    public void close(int code, String reason) {
        closing.set(true);
        socket.close(code, reason);
    }
}
