package dev.zocket.server.internal.transport;

import dev.zocket.Subscription;
import dev.zocket.server.AuthenticationException;
import dev.zocket.server.Authenticator;
import dev.zocket.server.HandshakeRequest;
import dev.zocket.server.Principal;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.internal.runtime.ServerMetrics;
import dev.zocket.server.internal.session.ProtocolHandler;
import dev.zocket.spi.TimeSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket endpoint: Java-WebSocket's protocol engine ({@code WebSocketImpl}, {@code
 * Draft_6455}) driven by our own {@link EventLoop}s, one per core. Its callbacks run on the loop
 * threads and only authenticate, parse and queue (through {@link ProtocolHandler}); the actor
 * messages they queue run on the same loop once its turn's reads are done (see {@code
 * CallerLoopExecutor}), and a loop held up by them for more than {@value #BLOCKED_WARNING_MILLIS}
 * ms is reported.
 *
 * <p>Java-WebSocket's own server loop is not used: it keeps every connection it has written to in
 * its selected-key set, so each wake-up of its selector costs time in proportion to the idle
 * connections, and it can drop a connection's write interest just after another thread queued a
 * frame, leaving that frame unsent (see docs/architecture.md).
 */
public final class WebSocketTransport extends WebSocketAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);
    /** Pending handshakes the kernel may queue: enough for every client reconnecting after a restart. */
    private static final int ACCEPT_BACKLOG = 1024;
    private static final int ACCEPTS_PER_TURN = 64;
    private static final long REFUSAL_LOG_INTERVAL_NANOS = 1_000_000_000L;
    static final long BLOCKED_WARNING_MILLIS = 2_000;
    private static final Duration BLOCKED_CHECK_INTERVAL = Duration.ofMillis(500);
    private static final byte[] OVER_CAPACITY = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 21\r\nRetry-After: 5\r\nConnection: close\r\n\r\nToo many connections\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocketChannel server;
    private final EventLoop[] loops;
    private final List<Draft> drafts;
    private final ProtocolHandler protocol;
    private final Authenticator authenticator;
    private final ServerLimits limits;
    private final ServerMetrics metrics;
    private final TimeSource time;
    private final Set<WebSocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final OutboundBudget budget;
    private final ByteBuffer discard = ByteBuffer.allocate(4096);
    private int nextLoop;
    private volatile boolean refusing;
    // Accepting loop only: refusals over the connection limit are logged at most once a second.
    private long lastRefusalLogNanos = System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS - 1;
    private long refusedSinceLogged;
    private volatile Subscription blockedCheck;

    private WebSocketTransport(ServerSocketChannel server, EventLoop[] loops, ProtocolHandler protocol,
            Authenticator authenticator, ServerLimits limits, ServerMetrics metrics, TimeSource time) {
        this.server = server;
        this.loops = loops;
        this.drafts = List.of(new BoundedDraft(limits.maxFrameBytes()));
        this.budget = new OutboundBudget(limits.maxOutboundBytes(), this::shedLargestBacklogs);
        this.protocol = protocol;
        this.authenticator = authenticator;
        this.limits = limits;
        this.metrics = metrics;
        this.time = time;
    }

    /**
     * Binds {@code address} and starts serving.
     *
     * @throws IOException if the address cannot be bound
     */
    public static WebSocketTransport start(InetSocketAddress address, ProtocolHandler protocol,
            Authenticator authenticator, ServerLimits limits, ServerMetrics metrics, TimeSource time)
            throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        EventLoop[] loops = new EventLoop[Math.max(1, Runtime.getRuntime().availableProcessors())];
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, ACCEPT_BACKLOG);
            server.configureBlocking(false);
            for (int i = 0; i < loops.length; i++) {
                loops[i] = new EventLoop("zocket-io-" + i, limits.heartbeatInterval(), limits.frameTimeout());
            }
        } catch (IOException e) {
            server.close();
            throw e;
        }
        WebSocketTransport transport = new WebSocketTransport(server, loops, protocol, authenticator, limits, metrics,
                time);
        for (EventLoop loop : loops) {
            loop.start();
        }
        loops[0].registerAcceptor(server, transport::acceptPending);
        transport.checkForBlockedLoops();
        return transport;
    }

    private void checkForBlockedLoops() {
        blockedCheck = time.schedule(BLOCKED_CHECK_INTERVAL, () -> {
            long now = System.nanoTime();
            for (EventLoop loop : loops) {
                loop.warnIfBlocked(now, TimeUnit.MILLISECONDS.toNanos(BLOCKED_WARNING_MILLIS));
            }
            if (!refusing) {
                checkForBlockedLoops();
            }
        });
    }

    /** The bound port; the one the system chose when 0 was asked for. */
    public int port() {
        return server.socket().getLocalPort();
    }

    /** Refuses new connections from now on (the first step of a graceful shutdown). */
    public void refuseNewConnections() {
        refusing = true;
    }

    /**
     * Closes every connection with 1001 and {@code reason}, waits up to {@code timeout} for the
     * close frames to go out, then stops the loops.
     */
    public void stop(Duration timeout, String reason) throws InterruptedException {
        refusing = true;
        Subscription check = blockedCheck;
        if (check != null) {
            check.cancel();
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the listening socket failed", e);
        }
        for (WebSocketConnection connection : connections) {
            connection.close(CloseFrame.GOING_AWAY, reason);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (connections) {
            while (!connections.isEmpty() && deadline - System.nanoTime() > 0) {
                connections.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        for (EventLoop loop : loops) {
            loop.shutdown(Duration.ofSeconds(1));
        }
    }

    /** Runs on the first loop whenever the listening socket has connections waiting. */
    private void acceptPending() {
        for (int i = 0; i < ACCEPTS_PER_TURN; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
                if (channel == null) {
                    return;
                }
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            } catch (IOException e) {
                LOG.warn("Accepting a connection failed: {}", e.getMessage());
                return;
            }
            if (connections.size() >= limits.maxConnections()) {
                refuseOverCapacity(channel);
                continue;
            }
            EventLoop loop = loops[nextLoop];
            nextLoop = (nextLoop + 1) % loops.length;
            try {
                WebSocketConnection connection = new WebSocketConnection(this, drafts, loop, channel,
                        (InetSocketAddress) channel.getRemoteAddress(), (InetSocketAddress) channel.getLocalAddress(),
                        System.nanoTime(), limits.maxBufferedBytes(), budget, metrics, time);
                connections.add(connection);
                loop.register(connection);
            } catch (IOException e) {
                LOG.debug("A connection closed as it was accepted", e);
            }
        }
    }

    /**
     * Answers a socket beyond {@link ServerLimits#maxConnections()} with HTTP 503 and closes it.
     * What the client already sent is read first, so the close does not reset the connection
     * before the answer is read. Nothing else is read: the socket never reaches a loop.
     */
    private void refuseOverCapacity(SocketChannel channel) {
        refusedSinceLogged++;
        long now = System.nanoTime();
        if (now - lastRefusalLogNanos > REFUSAL_LOG_INTERVAL_NANOS) {
            LOG.warn("Refused {} connection(s), the last from {}: {} connections are open, the limit",
                    refusedSinceLogged, remoteOf(channel), limits.maxConnections());
            refusedSinceLogged = 0;
            lastRefusalLogNanos = now;
        }
        try (channel) {
            discard.clear();
            channel.read(discard);
            channel.write(ByteBuffer.wrap(OVER_CAPACITY.clone()));
            channel.shutdownOutput();
        } catch (IOException gone) {
            LOG.debug("A refused connection closed first", gone);
        }
    }

    private static Object remoteOf(SocketChannel channel) {
        try {
            return channel.getRemoteAddress();
        } catch (IOException e) {
            return "a closed socket";
        }
    }

    /**
     * Closes the connections with the most bytes waiting, largest first, until what they hold is
     * back under the outbound budget. Connections already leaving (shed or closing) are left out:
     * their backlog is being dropped.
     *
     * <p>The excess is summed from the same reads of each connection's pending count that choose
     * whom to shed, not taken from the budget's running total: a connection shed a moment ago can
     * release its backlog between a read of the total and a read of its count, and the total would
     * then still hold bytes no candidate holds, and shed a second connection for nothing.
     */
    private void shedLargestBacklogs() {
        long staying = 0;
        List<Backlog> candidates = new ArrayList<>();
        for (WebSocketConnection connection : connections) {
            long pending = connection.pendingBytes(); // read once: it changes under our feet
            if (connection.isLeaving()) {
                continue;
            }
            staying += pending;
            if (pending > 0) {
                candidates.add(new Backlog(connection, pending));
            }
        }
        long excess = staying - budget.limit();
        if (excess <= 0) {
            return;
        }
        candidates.sort(Comparator.comparingLong(Backlog::bytes).reversed());
        for (Backlog backlog : candidates) {
            if (excess <= 0) {
                return;
            }
            excess -= backlog.bytes();
            backlog.connection().shed("all connections together have more than the " + budget.limit()
                    + " bytes allowed waiting, and it has " + backlog.bytes() + ", among the most");
        }
    }

    private record Backlog(WebSocketConnection connection, long bytes) {}

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket socket, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
        if (draft instanceof BoundedDraft frames) {
            frames.attach((WebSocketConnection) socket);
        }
        if (refusing) {
            throw new InvalidDataException(CloseFrame.GOING_AWAY, "Server is shutting down");
        }
        HandshakeRequest handshake;
        try {
            handshake = handshakeRequest(socket, request);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidDataException(CloseFrame.PROTOCOL_ERROR, "Malformed request path");
        }
        Principal principal;
        try {
            principal = authenticator.authenticate(handshake);
        } catch (AuthenticationException refused) {
            LOG.info("Refused a connection from {}: {}", socket.getRemoteSocketAddress(), refused.getMessage());
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, refused.getMessage());
        } catch (RuntimeException failed) {
            LOG.error("The authenticator failed; refusing the connection from {}", socket.getRemoteSocketAddress(), failed);
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "Authentication failed");
        }
        ((WebSocketConnection) socket).principal = principal;
        return response;
    }

    @Override
    public void onWebsocketOpen(WebSocket socket, Handshakedata handshake) {
        WebSocketConnection connection = (WebSocketConnection) socket;
        Principal principal = connection.principal;
        connection.session = protocol.open(connection, principal == null ? Principal.anonymous() : principal);
    }

    @Override
    public void onWebsocketMessage(WebSocket socket, String message) {
        protocol.receive(((WebSocketConnection) socket).session, message);
    }

    @Override
    public void onWebsocketMessage(WebSocket socket, ByteBuffer message) {
        protocol.receiveBinary(((WebSocketConnection) socket).session, message.remaining());
    }

    @Override
    public void onWebsocketClose(WebSocket socket, int code, String reason, boolean remote) {
        WebSocketConnection connection = (WebSocketConnection) socket;
        connection.release();
        if (connection.session != null) {
            protocol.closed(connection.session);
        }
        synchronized (connections) {
            connections.remove(connection);
            connections.notifyAll();
        }
    }

    @Override
    public void onWebsocketClosing(WebSocket socket, int code, String reason, boolean remote) {}

    @Override
    public void onWebsocketCloseInitiated(WebSocket socket, int code, String reason) {}

    @Override
    public void onWebsocketError(WebSocket socket, Exception error) {
        LOG.debug("Error on connection {}", socket == null ? null : socket.getRemoteSocketAddress(), error);
    }

    @Override
    public void onWebsocketPong(WebSocket socket, Framedata pong) {
        // Any frame counts as a sign of life; the loop notes it as it reads.
    }

    /** Java-WebSocket queued a frame of its own protocol (handshake, pong, ping, close). */
    @Override
    public void onWriteDemand(WebSocket socket) {
        WebSocketConnection connection = (WebSocketConnection) socket;
        connection.adoptQueuedByJavaWebSocket();
        connection.loop.requestFlush(connection);
    }

    @Override
    public InetSocketAddress getLocalSocketAddress(WebSocket socket) {
        return ((WebSocketConnection) socket).localAddress;
    }

    @Override
    public InetSocketAddress getRemoteSocketAddress(WebSocket socket) {
        return ((WebSocketConnection) socket).remoteAddress;
    }

    private static HandshakeRequest handshakeRequest(WebSocket socket, ClientHandshake request) {
        URI uri = URI.create(request.getResourceDescriptor());
        Map<String, String> headers = new HashMap<>();
        for (Iterator<String> names = request.iterateHttpFields(); names.hasNext(); ) {
            String name = names.next();
            headers.put(name.toLowerCase(Locale.ROOT), request.getFieldValue(name));
        }
        return new HandshakeRequest(uri.getPath() == null ? "/" : uri.getPath(), parseQuery(uri.getRawQuery()), headers,
                socket.getRemoteSocketAddress());
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
