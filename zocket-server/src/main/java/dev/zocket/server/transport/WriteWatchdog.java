package dev.zocket.server.transport;

import dev.zocket.server.runtime.ServerMetrics;
import dev.zocket.spi.TimeSource;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;

/**
 * Sets going again frames that Java-WebSocket's selector stopped writing.
 *
 * <p>Java-WebSocket (1.6.0 and its main branch) queues a frame sent from any thread and asks its
 * selector to write the connection. When the selector has just emptied that connection's queue,
 * it drops its interest in writing without looking at the queue again, so a frame queued in that
 * instant stays unsent until the next frame for the connection comes along, which for a client
 * waiting on a result may be never. Under CPU contention this happens within seconds of load.
 *
 * <p>Every connection sent to is remembered; a sweep, scheduled only while any are remembered,
 * forgets those whose queue has drained and asks the selector again for those with frames queued
 * but no interest in writing. A frame caught by the race is late by at most {@link #PERIOD}.
 */
final class WriteWatchdog {

    static final Duration PERIOD = Duration.ofMillis(5);

    private final Set<WebSocketImpl> recentlySent = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweepScheduled = new AtomicBoolean();
    private final Consumer<WebSocket> requestWrite;
    private final TimeSource time;
    private final ServerMetrics metrics;

    /** @param requestWrite asks the selector to write a connection ({@code WebSocketServer::onWriteDemand}) */
    WriteWatchdog(Consumer<WebSocket> requestWrite, TimeSource time, ServerMetrics metrics) {
        this.requestWrite = requestWrite;
        this.time = time;
        this.metrics = metrics;
    }

    /** Called after queueing a frame for {@code socket}. */
    void sent(WebSocketImpl socket) {
        recentlySent.add(socket);
        scheduleSweep();
    }

    private void scheduleSweep() {
        if (sweepScheduled.compareAndSet(false, true)) {
            time.schedule(PERIOD, this::sweep);
        }
    }

    /** Visible for tests: one pass over the connections sent to since the last. */
    void sweep() {
        List<WebSocketImpl> sockets = new ArrayList<>(recentlySent);
        for (WebSocketImpl socket : sockets) {
            // Forget first, then look: a frame queued after the look re-adds the socket itself.
            recentlySent.remove(socket);
            if (!socket.isOpen() || !socket.hasBufferedData()) {
                continue;
            }
            recentlySent.add(socket);
            if (lostWriteInterest(socket)) {
                requestWrite.accept(socket);
                metrics.writeRearmed();
            }
        }
        sweepScheduled.set(false);
        if (!recentlySent.isEmpty()) {
            scheduleSweep();
        }
    }

    private static boolean lostWriteInterest(WebSocketImpl socket) {
        SelectionKey key = socket.getSelectionKey();
        try {
            return key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0;
        } catch (CancelledKeyException closing) {
            return false;
        }
    }
}
