package dev.zocket.server.internal.transport;

import dev.zocket.server.internal.runtime.LoopThread;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One I/O thread and its selector, owning a share of the connections: it reads and decodes their
 * frames, writes what other threads queued for them, and keeps them honest (handshake deadline,
 * heartbeat). Decoding runs here, so the listener's callbacks must be quick; the protocol layer
 * only parses and queues.
 *
 * <p>Any thread may queue frames on a socket and call {@link #requestFlush}; only this thread
 * writes to a channel or changes its interest, so a request can never be lost between a drain and
 * an interest change. A socket is asked to be written at most once until its flush starts, and
 * a flush writes up to {@value #GATHER} queued frames per system call.
 */
final class EventLoop implements Runnable, LoopThread.Loop {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    static final int READ_BUFFER_BYTES = 64 * 1024;
    /** More than any real upgrade request; a peer that sends more before the handshake is closed. */
    static final int MAX_HANDSHAKE_BYTES = 64 * 1024;
    private static final int GATHER = 64;
    private static final long HOUSEKEEPING_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long a connection whose last frame is out may take to close its side before it is cut. */
    static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Selector selector;
    private final Thread thread;
    private final Queue<Registration> registrations = new ConcurrentLinkedQueue<>();
    private final Queue<WebSocketConnection> flushes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    /** Tasks this thread queued for itself (actor messages it read); this thread only. */
    private final ArrayDeque<Runnable> afterTurn = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private final ByteBuffer[] gather = new ByteBuffer[GATHER];
    private final long heartbeatNanos;
    private final long frameTimeoutNanos;
    private final long housekeepingNanos;
    private volatile boolean running = true;
    private long nextHousekeeping;
    /** When the tasks now running started, or 0 between them; read by {@link #warnIfBlocked}. */
    private volatile long tasksSinceNanos;
    /** The {@link #tasksSinceNanos} last warned about; the checker's thread only. */
    private long warnedAbout;

    private record Registration(SelectableChannel channel, int interest, Object attachment) {}

    /**
     * @param heartbeat how long a connection may stay silent before it is pinged; silent for twice
     *     as long, it is closed. Also the time a new connection has to complete its handshake.
     * @param frameTimeout how long a frame may take to arrive once its first byte has
     */
    EventLoop(String name, Duration heartbeat, Duration frameTimeout) throws IOException {
        this.selector = Selector.open();
        this.heartbeatNanos = heartbeat.toNanos();
        this.frameTimeoutNanos = frameTimeout.toNanos();
        this.housekeepingNanos = Math.min(HOUSEKEEPING_NANOS,
                Math.max(1, Math.min(heartbeatNanos, frameTimeoutNanos) / 4));
        this.thread = new LoopThread(this, this, name);
        thread.setDaemon(true);
    }

    void start() {
        nextHousekeeping = System.nanoTime() + housekeepingNanos;
        thread.start();
    }

    /** Adds a connection; it is read from the next turn of the loop. */
    void register(WebSocketConnection socket) {
        enqueue(new Registration(socket.channel, SelectionKey.OP_READ, socket));
    }

    /** Adds a listening channel; {@code onAcceptable} runs on this thread when it has connections. */
    void registerAcceptor(SelectableChannel server, Runnable onAcceptable) {
        enqueue(new Registration(server, SelectionKey.OP_ACCEPT, onAcceptable));
    }

    private void enqueue(Registration registration) {
        registrations.add(registration);
        wakeUp();
    }

    /** Asks this loop to write {@code socket}'s queued frames. Any thread. */
    void requestFlush(WebSocketConnection socket) {
        if (socket.markFlushRequested()) {
            flushes.add(socket);
            if (Thread.currentThread() != thread) {
                wakeUp();
            }
        }
    }

    private void wakeUp() {
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Stops the loop and closes its selector; connections still registered are dropped. */
    void shutdown(Duration timeout) throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(Math.max(1, timeout.toMillis()));
    }

    @Override
    public void run() {
        try {
            while (running) {
                if (afterTurn.isEmpty()) {
                    long timeoutMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextHousekeeping - System.nanoTime()));
                    selector.select(this::handle, timeoutMillis);
                } else {
                    selector.selectNow(this::handle); // tasks are waiting: poll, do not sleep
                }
                wakeupPending.set(false);
                registerPending();
                long now = System.nanoTime();
                if (now - nextHousekeeping >= 0) {
                    housekeeping(now);
                    nextHousekeeping = now + housekeepingNanos;
                }
                runTasks();
                flushPending(); // last, so frames queued above (answers, pongs, pings, handshakes) go out now
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("The I/O loop {} failed; its connections are dropped", thread.getName(), e);
        } catch (Error e) {
            FatalErrors.haltIfFatal(e);
            throw e;
        } finally {
            running = false; // from here on runAfterTurn says no: what closeAll queues goes to the pool
            runTasks();
            closeAll();
        }
    }

    @Override
    public boolean runAfterTurn(Runnable task) {
        if (!running) {
            return false;
        }
        afterTurn.add(task);
        return true;
    }

    /**
     * Runs the tasks queued before this call; those they queue wait for the next turn, so a busy
     * instance cannot keep the loop from its sockets.
     */
    private void runTasks() {
        int n = afterTurn.size();
        if (n == 0) {
            return;
        }
        tasksSinceNanos = System.nanoTime() | 1; // never 0, which means "not running tasks"
        try {
            for (; n > 0; n--) {
                Runnable task = afterTurn.poll();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("An actor task failed on {}", thread.getName(), e);
                }
            }
        } finally {
            tasksSinceNanos = 0;
        }
    }

    /**
     * Logs, once per occurrence, that this loop's tasks have run for longer than {@code limit}:
     * a handler blocks, and every connection of this loop waits for it. Called periodically from
     * another thread.
     */
    void warnIfBlocked(long now, long limitNanos) {
        long since = tasksSinceNanos;
        if (since == 0 || since == warnedAbout || now - since <= limitNanos) {
            return;
        }
        warnedAbout = since;
        Throwable where = new Throwable("where " + thread.getName() + " is");
        where.setStackTrace(thread.getStackTrace());
        LOG.warn("Actor handlers have held the I/O thread {} for {} ms; its connections wait meanwhile. Handlers"
                + " must not block: mark an actor whose handlers do with ZocketServer.Builder.blocking(Contract.class),"
                + " or give the server an executor of its own (ZocketServer.Builder.executor)", thread.getName(),
                TimeUnit.NANOSECONDS.toMillis(now - since), where);
    }

    private void handle(SelectionKey key) {
        Object attachment = key.attachment();
        try {
            if (attachment instanceof Runnable acceptor) {
                acceptor.run();
                return;
            }
            WebSocketConnection socket = (WebSocketConnection) attachment;
            if (key.isReadable()) {
                read(socket);
            }
            if (key.isValid() && key.isWritable()) {
                flush(socket, key);
            }
        } catch (CancelledKeyException closedElsewhere) {
            // Another thread closed the connection; its close callback has run.
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure on {}; closing it", attachment, e);
            if (attachment instanceof WebSocketConnection socket) {
                socket.closeConnection(CloseFrame.UNEXPECTED_CONDITION, "Internal server error");
            }
        }
    }

    private void read(WebSocketConnection socket) {
        readBuffer.clear();
        int read;
        try {
            read = socket.channel.read(readBuffer);
        } catch (IOException reset) {
            read = -1;
        }
        if (read < 0) {
            socket.eot(); // closes the channel and reports the close
            return;
        }
        if (read == 0 || socket.lingering) {
            return; // a closing connection's input is discarded until it ends
        }
        socket.lastHeardNanos = System.nanoTime();
        socket.pingOutstanding = false;
        if (!socket.isOpen() && !socket.isClosing() && (socket.handshakeBytes += read) > MAX_HANDSHAKE_BYTES) {
            socket.closeConnection(CloseFrame.TOOBIG, "Handshake larger than " + MAX_HANDSHAKE_BYTES + " bytes");
            return;
        }
        readBuffer.flip();
        if (socket.isOpen()) {
            socket.decode(readBuffer);
        } else if (!socket.isClosing() && !socket.isClosed()) {
            // The request goes to Java-WebSocket once, whole, not on every read (see PendingUpgrade).
            ByteBuffer request = socket.upgradeBytes(readBuffer);
            if (request != null) {
                socket.decode(request);
            }
        } // closing or closed: Java-WebSocket reads nothing more
    }

    private void flushPending() {
        for (WebSocketConnection socket = flushes.poll(); socket != null; socket = flushes.poll()) {
            // The key registration stored; Channel.keyFor would search the channel's keys under a lock.
            SelectionKey key = socket.getSelectionKey();
            if (key == null || !key.isValid()) {
                socket.clearFlushRequested();
                continue;
            }
            try {
                flush(socket, key);
            } catch (CancelledKeyException closedElsewhere) {
                // nothing left to write to
            }
        }
    }

    /** Writes what is queued; watches for writability only while the socket's buffer is full. */
    private void flush(WebSocketConnection socket, SelectionKey key) {
        // Cleared before writing: a frame queued from here on asks for another flush.
        socket.clearFlushRequested();
        if (socket.shedReason != null) {
            socket.dropBacklogAndClose();
        }
        boolean drained;
        try {
            drained = writeQueued(socket);
        } catch (IOException broken) {
            socket.eot();
            return;
        }
        if (!drained) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            return;
        }
        if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
            key.interestOps(SelectionKey.OP_READ);
        }
        if (socket.isFlushAndClose()) {
            linger(socket); // the close frame (or refusal) is out: end the connection
        }
    }

    /**
     * Ends a connection whose last frame is out: half-closes it and waits for the peer to close
     * its side, discarding what it still sends, then closes (see {@link #read}). Closing at once
     * would make the kernel answer the peer's next bytes with a reset, and a reset can make the
     * peer drop the close frame unread: a client flooding garbage would see 1006, not 1008. A
     * peer that does not close within {@link #LINGER_NANOS} is cut by the housekeeping.
     */
    private void linger(WebSocketConnection socket) {
        if (socket.lingering) {
            return;
        }
        socket.lingering = true;
        socket.lingerSinceNanos = System.nanoTime();
        try {
            socket.channel.shutdownOutput();
        } catch (IOException gone) {
            socket.closeConnection();
        }
    }

    private boolean writeQueued(WebSocketConnection socket) throws IOException {
        while (true) {
            int count = socket.peekFrames(gather);
            if (count == 0) {
                return true;
            }
            socket.channel.write(gather, 0, count);
            int written = 0;
            while (written < count && !gather[written].hasRemaining()) {
                written++;
            }
            socket.removeWritten(gather, written);
            Arrays.fill(gather, 0, count, null);
            if (written < count) {
                return false; // the socket's send buffer is full
            }
        }
    }

    private void registerPending() {
        for (Registration next = registrations.poll(); next != null; next = registrations.poll()) {
            try {
                SelectionKey key = next.channel().register(selector, next.interest(), next.attachment());
                if (next.attachment() instanceof WebSocketConnection socket) {
                    socket.setSelectionKey(key);
                    if (socket.hasBufferedData()) {
                        requestFlush(socket);
                    }
                }
            } catch (ClosedChannelException closed) {
                // closed before it was registered
            }
        }
    }

    /**
     * Closes connections that never finished their handshake, stopped answering, or trickle a
     * frame slower than the frame deadline; pings quiet ones.
     */
    private void housekeeping(long now) {
        List<SelectionKey> keys = new ArrayList<>(selector.keys());
        for (SelectionKey key : keys) {
            if (!key.isValid() || !(key.attachment() instanceof WebSocketConnection socket)) {
                continue;
            }
            if (socket.lingering) {
                if (now - socket.lingerSinceNanos > LINGER_NANOS) {
                    socket.closeConnection();
                }
                continue;
            }
            if (!socket.isOpen()) {
                if (!socket.isClosing() && !socket.isClosed() && now - socket.acceptedAtNanos > heartbeatNanos) {
                    socket.closeConnection(CloseFrame.NEVER_CONNECTED, "No handshake within "
                            + TimeUnit.NANOSECONDS.toMillis(heartbeatNanos) + " ms");
                }
                continue;
            }
            if (socket.getDraft() instanceof BoundedDraft frames
                    && frames.partialSinceNanos() != BoundedDraft.NO_PARTIAL_FRAME
                    && now - frames.partialSinceNanos() > frameTimeoutNanos) {
                socket.close(CloseFrame.POLICY_VALIDATION, "A frame took longer than "
                        + TimeUnit.NANOSECONDS.toMillis(frameTimeoutNanos) + " ms to arrive");
                continue;
            }
            long silent = now - socket.lastHeardNanos;
            if (silent > 2 * heartbeatNanos) {
                socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "No answer to a ping within "
                        + TimeUnit.NANOSECONDS.toMillis(heartbeatNanos) + " ms");
            } else if (silent > heartbeatNanos && !socket.pingOutstanding) {
                socket.pingOutstanding = true;
                socket.sendPing();
            }
        }
    }

    private void closeAll() {
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
            if (key.attachment() instanceof WebSocketConnection socket) {
                socket.closeConnection(CloseFrame.GOING_AWAY, "Server stopped");
            } else {
                try {
                    key.channel().close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("Closing the selector failed", e);
        }
    }

    @Override
    public String toString() {
        return thread.getName();
    }
}
