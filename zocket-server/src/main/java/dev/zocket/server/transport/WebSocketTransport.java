package dev.zocket.server.transport;

import dev.zocket.server.AuthenticationException;
import dev.zocket.server.Authenticator;
import dev.zocket.server.HandshakeRequest;
import dev.zocket.server.Principal;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.runtime.ServerMetrics;
import dev.zocket.server.session.ProtocolHandler;
import dev.zocket.server.session.Session;
import dev.zocket.spi.TimeSource;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket endpoint, on Java-WebSocket. Its callbacks run on the library's selector and
 * decoder threads, so they only authenticate, parse and queue (through
 * {@link ProtocolHandler}); actor code never runs here.
 */
public final class WebSocketTransport extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);

    private static final int ACCEPT_BACKLOG = 1024;

    private final ProtocolHandler protocol;
    private final Authenticator authenticator;
    private final ServerLimits limits;
    private final ServerMetrics metrics;
    private final TimeSource time;
    private final WriteWatchdog writeWatchdog;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile boolean refusing;

    public WebSocketTransport(InetSocketAddress address, ProtocolHandler protocol, Authenticator authenticator,
            ServerLimits limits, ServerMetrics metrics, TimeSource time) {
        super(address, Runtime.getRuntime().availableProcessors(),
                List.<Draft>of(new Draft_6455(Collections.emptyList(), limits.maxFrameBytes())));
        this.protocol = protocol;
        this.authenticator = authenticator;
        this.limits = limits;
        this.metrics = metrics;
        this.time = time;
        this.writeWatchdog = new WriteWatchdog(this::onWriteDemand, time, metrics);
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
        // After a restart every client reconnects at once; with the JDK's default backlog of 50 the
        // kernel drops the excess handshakes and those clients wait a second or more to retry.
        setMaxPendingConnections(ACCEPT_BACKLOG);
    }

    /** Completes when the port is bound, or exceptionally if binding failed. */
    public CompletableFuture<Void> started() {
        return started;
    }

    /** Refuses new connections from now on (the first step of a graceful shutdown). */
    public void refuseNewConnections() {
        refusing = true;
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket socket, Draft draft,
            ClientHandshake request) throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
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
        socket.setAttachment(principal);
        return response;
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        Principal principal = socket.getAttachment();
        WebSocketConnection connection = new WebSocketConnection(socket, limits.maxBufferedBytes(), metrics, time,
                writeWatchdog);
        socket.setAttachment(protocol.open(connection, principal == null ? Principal.anonymous() : principal));
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        Session session = socket.getAttachment();
        protocol.receive(session, message);
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer message) {
        Session session = socket.getAttachment();
        protocol.receiveBinary(session, message.remaining());
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        Object attachment = socket.getAttachment();
        if (attachment instanceof Session session) {
            protocol.closed(session);
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        if (socket == null) {
            if (!started.isDone()) {
                started.completeExceptionally(error);
            } else {
                LOG.error("WebSocket server error", error);
            }
        } else {
            LOG.debug("Error on connection {}", socket.getRemoteSocketAddress(), error);
        }
    }

    @Override
    public void onStart() {
        started.complete(null);
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
