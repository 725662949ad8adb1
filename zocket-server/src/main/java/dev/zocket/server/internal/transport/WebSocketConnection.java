package dev.zocket.server.internal.transport;

import dev.zocket.server.Principal;
import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.runtime.ServerMetrics;
import dev.zocket.server.internal.session.ClientConnection;
import dev.zocket.server.internal.session.CloseCodes;
import dev.zocket.server.internal.session.Session;
import dev.zocket.spi.TimeSource;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntFunction;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.Opcode;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's WebSocket: Java-WebSocket's protocol state for it (handshake, decoding, control
 * frames, the close handshake), what its {@link EventLoop} tracks for it, and the bounded queue
 * of frames the server sends it.
 *
 * <p>{@link #send} frames a message itself and queues it for the loop; the control frames of the
 * protocol (pong, ping, close) come through {@link #sendFrame}, which queues them the same way,
 * so every byte that waits is counted, whoever queued it.
 *
 * <p>Frames wait in the connection's own queue, not Java-WebSocket's: that one is a
 * {@code LinkedBlockingQueue}, which took two locks to queue a frame and more to walk and drain it
 * (3% of the server's CPU in the fan-out profile). What Java-WebSocket queues by itself (the
 * handshake's response or refusal) is moved over as it is queued, in order.
 *
 * <p>The queue has no limit of its own. A client that stops reading would make it grow until
 * memory runs out, so {@link #pendingBytes()} counts what waits, exactly: the frame's bytes plus
 * {@value #FRAME_OVERHEAD} bytes for the objects that hold it, added when queued and taken off
 * when written (Netty's {@code ChannelOutboundBuffer} does the same). A frame that would take it
 * past the limit sheds the connection: its backlog is dropped and it is closed with 1013; the
 * client reconnects and resyncs from a fresh snapshot, so it never silently misses a message.
 * The limit bounds the backlog behind a frame, not the frame: a frame larger than the limit is
 * queued when nothing else waits, so one large snapshot does not close every new subscriber.
 *
 * <p>Threads: only the loop reads the channel, writes it, takes frames off the queue, or changes
 * its interest; any thread may {@link #send} or {@link #close}. Nothing that locks this object
 * (as Java-WebSocket's {@code close} does) is called while the queue's lock is held.
 *
 * <p>A fan-out touches every subscriber's connection, so the fields it reads and updates live in
 * this object (atomically, through {@link VarHandle}s) rather than in atomic objects of their own:
 * each of those was one more cache line to miss per subscriber and per patch.
 */
final class WebSocketConnection extends WebSocketImpl implements ClientConnection {

    /**
     * Heap taken by one queued frame besides its bytes: the {@code ByteBuffer}, the array header
     * and padding, and its place in the queue. Measured at 98 to 104 bytes with a linked queue's
     * node (JDK 17, compressed oops; see docs/architecture.md), so an upper bound for the deque's
     * 4-byte slot; with messages of 100 to 200 bytes it is what made payload bytes undercount the
     * heap by 1.5 to 1.8 times.
     */
    static final int FRAME_OVERHEAD = 104;

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    private static final Duration HARD_CLOSE_AFTER = Duration.ofSeconds(5);
    private static final byte FIN_TEXT = (byte) 0x81;
    private static final VarHandle PENDING_BYTES;
    private static final VarHandle CLOSING;
    private static final VarHandle FLUSH_REQUESTED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PENDING_BYTES = lookup.findVarHandle(WebSocketConnection.class, "pendingBytes", long.class);
            CLOSING = lookup.findVarHandle(WebSocketConnection.class, "closing", boolean.class);
            FLUSH_REQUESTED = lookup.findVarHandle(WebSocketConnection.class, "flushRequested", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final EventLoop loop;
    final SocketChannel channel;
    final InetSocketAddress remoteAddress;
    final InetSocketAddress localAddress;
    final long acceptedAtNanos;
    /** Set while a flush is requested and not yet started, so many sends cost one request. */
    private volatile boolean flushRequested;

    private final long maxBufferedBytes;
    private final OutboundBudget budget;
    private final ServerMetrics metrics;
    private final TimeSource time;
    private volatile boolean closing;
    private volatile long pendingBytes;
    /** Frames waiting to be written, oldest first; its own lock guards it. Only the loop removes. */
    private final ArrayDeque<ByteBuffer> frames = new ArrayDeque<>(1); // most connections idle: grown on demand
    private boolean released; // guarded by frames
    /** Set when the connection is shed; the loop drops the backlog and sends the close frame. */
    volatile String shedReason;

    // Loop thread only.
    long lastHeardNanos;
    long handshakeBytes;
    /** The upgrade request until its blank line has arrived; null once handed on. */
    private PendingUpgrade pendingUpgrade = new PendingUpgrade();
    boolean pingOutstanding;
    /** The last frame is out and the output shut: waiting for the peer to close its side. */
    boolean lingering;
    long lingerSinceNanos;

    // Set by the handshake on the loop thread; volatile because a close may be reported on another.
    volatile Principal principal;
    volatile Session session;

    WebSocketConnection(WebSocketListener listener, List<Draft> drafts, EventLoop loop, SocketChannel channel,
            InetSocketAddress remoteAddress, InetSocketAddress localAddress, long acceptedAtNanos,
            long maxBufferedBytes, OutboundBudget budget, ServerMetrics metrics, TimeSource time) {
        super(listener, drafts);
        this.loop = loop;
        this.channel = channel;
        this.remoteAddress = remoteAddress;
        this.localAddress = localAddress;
        this.acceptedAtNanos = acceptedAtNanos;
        this.lastHeardNanos = acceptedAtNanos;
        this.maxBufferedBytes = maxBufferedBytes;
        this.budget = budget;
        this.metrics = metrics;
        this.time = time;
        setChannel(channel);
    }

    @Override
    public void send(OutgoingMessage message) {
        byte[] payload = message.bytes();
        if (closing || !isOpen()) {
            return; // closed: the close callback cleans up
        }
        ByteBuffer shared = message.sharedFrame(WebSocketConnection::directTextFrame);
        if (queue(shared != null ? shared : textFrame(payload), false)) {
            metrics.bytesSent(payload.length);
        }
    }

    /**
     * Queues a control frame of the protocol (a pong, a ping, the close frame): counted like any
     * other, and subject to the same limit, except the close frame, which always goes.
     */
    @Override
    public void sendFrame(Framedata frame) {
        if (!isOpen()) {
            throw new WebsocketNotConnectedException();
        }
        queue(getDraft().createBinaryFrame(frame), frame.getOpcode() == Opcode.CLOSING);
    }

    @Override
    public void sendFrame(Collection<Framedata> frames) {
        for (Framedata frame : frames) {
            sendFrame(frame);
        }
    }

    /** Queues {@code frame} and asks the loop to write it; false if it was refused. */
    private boolean queue(ByteBuffer frame, boolean closeFrame) {
        long size = sizeOf(frame);
        boolean overflow;
        synchronized (frames) {
            if (released || (closing && !closeFrame)) {
                return false;
            }
            long waiting = pendingBytes;
            overflow = !closeFrame && waiting > 0 && waiting + size > maxBufferedBytes;
            if (!overflow) {
                PENDING_BYTES.getAndAdd(this, size);
                frames.add(frame);
            }
        }
        if (overflow) {
            shed("it reads too slowly, more than " + maxBufferedBytes + " bytes are waiting");
            return false;
        }
        budget.add(size);
        loop.requestFlush(this);
        return true;
    }

    /** Shed, or closing or closed: nothing more is queued for it, and its backlog is going away. */
    boolean isLeaving() {
        return closing || isClosing() || isClosed();
    }

    /** Marks a flush requested; true if none was, so the caller is the one to hand it to the loop. */
    boolean markFlushRequested() {
        return FLUSH_REQUESTED.compareAndSet(this, false, true);
    }

    /** A flush starts (or is dropped): a frame queued from here on asks for another one. Loop thread. */
    void clearFlushRequested() {
        flushRequested = false;
    }

    /** The bytes waiting to be written, with {@value #FRAME_OVERHEAD} per frame. */
    long pendingBytes() {
        return pendingBytes;
    }

    @Override
    public long bufferedBytes() {
        return pendingBytes;
    }

    /** Frames are out (or dropped): their bytes, {@code size} in all as counted, no longer wait. Loop thread. */
    private void released(long size) {
        long before;
        long after;
        do {
            before = pendingBytes;
            after = Math.max(0, before - size);
        } while (!PENDING_BYTES.compareAndSet(this, before, after));
        budget.release(before - after);
    }

    private static long sizeOf(ByteBuffer frame) {
        return frame.limit() + FRAME_OVERHEAD;
    }

    /**
     * Moves what Java-WebSocket queued by itself (the handshake's response, or a refusal) to the
     * end of this connection's queue, counted like every other frame. Called as it queues it.
     */
    void adoptQueuedByJavaWebSocket() {
        long adopted = 0;
        synchronized (frames) {
            for (ByteBuffer buffer = outQueue.poll(); buffer != null; buffer = outQueue.poll()) {
                frames.add(buffer);
                adopted += sizeOf(buffer);
            }
            if (released || adopted == 0) {
                return;
            }
            PENDING_BYTES.getAndAdd(this, adopted);
        }
        budget.add(adopted);
    }

    /**
     * What to decode of {@code read} while the upgrade has not happened: the whole request once
     * its blank line has arrived, {@code null} until then (see {@link PendingUpgrade}). Loop thread.
     */
    ByteBuffer upgradeBytes(ByteBuffer read) {
        if (pendingUpgrade == null) {
            // Handed on, and refused (a whole request is never incomplete): its 404 is still
            // going out. Java-WebSocket reads such bytes as a new request; they are dropped.
            return null;
        }
        ByteBuffer request = pendingUpgrade.add(read);
        if (request != null) {
            pendingUpgrade = null;
        }
        return request;
    }

    /** Puts the oldest waiting frames in {@code gather}, as many as fit; returns how many. Loop thread. */
    int peekFrames(ByteBuffer[] gather) {
        synchronized (frames) {
            int count = 0;
            for (ByteBuffer frame : frames) {
                if (count == gather.length) {
                    break;
                }
                gather[count++] = frame;
            }
            return count;
        }
    }

    /** Takes off the queue the first {@code count} frames {@link #peekFrames} gave, now written. Loop thread. */
    void removeWritten(ByteBuffer[] peeked, int count) {
        if (count == 0) {
            return;
        }
        long size = 0;
        synchronized (frames) {
            for (int i = 0; i < count; i++) {
                frames.poll(); // only this thread removes, so the head is peeked[i]
                size += sizeOf(peeked[i]);
            }
        }
        released(size); // once per write, not per frame: the budget is shared by every loop
    }

    @Override
    public boolean hasBufferedData() {
        synchronized (frames) {
            return !frames.isEmpty();
        }
    }

    /** The connection is closed: whatever still waits is no longer counted. Any thread. */
    void release() {
        long left;
        synchronized (frames) {
            released = true;
            left = (long) PENDING_BYTES.getAndSet(this, 0L);
        }
        budget.release(left);
    }

    /**
     * Closes a connection whose backlog is too large (its own limit, or the outbound budget):
     * the loop drops the backlog and sends a 1013 close frame; if the client never reads that far,
     * the socket is cut after {@link #HARD_CLOSE_AFTER}.
     */
    void shed(String why) {
        if (!CLOSING.compareAndSet(this, false, true)) {
            return;
        }
        LOG.info("Closing {}: {}", remoteAddress, why);
        metrics.slowConsumerClosed();
        shedReason = why;
        loop.requestFlush(this);
        time.schedule(HARD_CLOSE_AFTER, () -> {
            if (!isClosed()) {
                closeConnection(CloseCodes.TRY_AGAIN_LATER, "Slow consumer");
            }
        });
    }

    /**
     * Drops every queued frame but one already partly written, then queues the 1013 close frame.
     * Loop thread, once {@link #shed} asked for it.
     */
    void dropBacklogAndClose() {
        String why = shedReason;
        shedReason = null;
        List<ByteBuffer> dropped = new ArrayList<>();
        synchronized (frames) {
            ByteBuffer started = frames.isEmpty() || frames.peek().position() == 0 ? null : frames.poll();
            dropped.addAll(frames);
            frames.clear();
            if (started != null) {
                frames.add(started); // partly written: the rest must follow, or the stream breaks
            }
        }
        released(dropped.stream().mapToLong(WebSocketConnection::sizeOf).sum());
        super.close(CloseCodes.TRY_AGAIN_LATER, "Slow consumer: " + why);
    }

    /**
     * Closes the connection over a frame that cannot be decoded, with one log line: the close
     * ends the connection, so a client cannot make the server log per frame.
     */
    void refuseFrame(int code, String reason) {
        LOG.info("Closing {}: an invalid frame ({}, close code {})", remoteAddress, reason, code);
        close(code, reason);
    }

    /** An unmasked, final text frame (RFC 6455, 5.2), byte for byte what Java-WebSocket's draft writes. */
    static ByteBuffer textFrame(byte[] payload) {
        return textFrame(payload, ByteBuffer::allocate);
    }

    /**
     * The same frame outside the heap, for a message many connections share: the socket writes
     * it from there, where a heap frame is first copied into a temporary direct buffer per write.
     */
    static ByteBuffer directTextFrame(byte[] payload) {
        return textFrame(payload, ByteBuffer::allocateDirect);
    }

    private static ByteBuffer textFrame(byte[] payload, IntFunction<ByteBuffer> allocate) {
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = allocate.apply(header + length);
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

    /** Starts the close handshake; nothing the server sends after it is queued. */
    @Override
    public void close(int code, String reason) {
        closing = true;
        super.close(code, reason);
    }

    @Override
    public String toString() {
        return "WebSocketConnection[" + remoteAddress + (session == null ? "" : ", " + session.clientId()) + "]";
    }
}
