package dev.zocket.client.internal;

import dev.zocket.Subscription;
import dev.zocket.client.ClientOptions;
import dev.zocket.client.ConnectionException;
import dev.zocket.client.ConnectionStatus;
import dev.zocket.client.transport.Transport;
import dev.zocket.protocol.ParseResult;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.ProtocolError;
import dev.zocket.protocol.ServerMessage;
import dev.zocket.protocol.Welcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's connection to its server across reconnections: it opens a link, keeps the
 * {@link ConnectionStatus} and the client id the server gave it, reconnects with backoff after a
 * drop (or once the open link goes silent: see {@link Heartbeat}), completes or fails
 * {@code ready()}, and remembers why the last attempt failed so that errors can say it. A link
 * is one socket; events of a link from an earlier attempt are ignored.
 *
 * <p><b>Threading.</b> Not thread-safe: the engine calls it under its lock, except
 * {@link #onStatusChange} and {@link #ready}, which any thread may call. Links are opened and
 * closed, and status listeners called, only after the lock is released, through the
 * operation's {@link Deferred}. Link events reach it on the client's serial executor.
 */
final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    /** What the rest of the engine does as links come and go; called under the lock. */
    interface Listener {

        /** A link opened and is attached to the outbox. */
        void opened(Deferred deferred);

        /** The link dropped or never opened; {@code givingUp} when no other will be tried. */
        void lost(boolean givingUp, Deferred deferred);

        /** A message other than {@code welcome} arrived on the current link. */
        void received(ServerMessage message, Deferred deferred);
    }

    private final ClientOptions options;
    private final Transport transport;
    private final ProtocolCodec protocol;
    private final Outbox outbox;
    private final Timers timers;
    private final Executor events;
    private final EngineLock lock;
    private final Listener listener;
    private final List<Consumer<? super ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private ConnectionStatus status = ConnectionStatus.CONNECTING;
    private String clientId;
    private boolean closed;
    /** Set once a lost link is not followed by another attempt (reconnection is off). */
    private boolean gaveUp;
    private boolean everConnected;
    private int attempt;
    private int failedAttempts;
    private TimerSlot reconnectTimer;
    private TimerSlot readyTimer;
    /** Ends the current attempt if its link has not opened within the connect timeout. */
    private TimerSlot openingTimer;
    /** The open link's liveness check; null while no link is open. */
    private Heartbeat heartbeat;
    private String lastFailure;
    private Throwable lastFailureCause;

    Connection(ClientOptions options, Transport transport, ProtocolCodec protocol, Outbox outbox, Timers timers,
            Executor events, EngineLock lock, Listener listener) {
        this.options = options;
        this.transport = transport;
        this.protocol = protocol;
        this.outbox = outbox;
        this.timers = timers;
        this.events = events;
        this.lock = lock;
        this.listener = listener;
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    Subscription onStatusChange(Consumer<? super ConnectionStatus> statusListener) {
        statusListeners.add(statusListener);
        AtomicBoolean active = new AtomicBoolean(true);
        return () -> {
            if (active.compareAndSet(true, false)) {
                statusListeners.remove(statusListener);
            }
        };
    }

    ConnectionStatus status() {
        return status;
    }

    Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether the link dropped or never opened and, without reconnection, no other will be tried. */
    boolean hasGivenUp() {
        return gaveUp;
    }

    /** Makes the first attempt, and starts the connect timeout of {@code ready()}. */
    void start(Deferred deferred) {
        connect(deferred);
        Duration timeout = options.connectTimeout();
        if (!timeout.isZero()) {
            readyTimer = timers.after(timeout, (timer, expired) -> {
                ConnectionException failure = cannotConnect("", "no answer within " + timeout.toMillis() + "ms");
                expired.callback(() -> ready.completeExceptionally(failure));
            }, deferred);
        }
    }

    /** Closes for good: no more attempts, the link closes, and {@code ready()} fails if pending. */
    void close(Deferred deferred) {
        closed = true;
        timers.cancel(reconnectTimer, deferred);
        timers.cancel(readyTimer, deferred);
        stopOpeningTimer(deferred);
        reconnectTimer = null;
        stopHeartbeat(deferred);
        Transport.Link link = outbox.detach();
        if (link != null) {
            deferred.action(link::close);
        }
        changeStatus(ConnectionStatus.DISCONNECTED, deferred);
        deferred.callback(() -> ready.completeExceptionally(
                new ConnectionException("WebSocket client closed before becoming ready")));
    }

    /**
     * Why there is no connection, naming the URL: {@code Could not connect to ws://host:3001:
     * connection refused}, after {@code prefix}; {@code fallback} stands in for the cause while no
     * attempt has failed. The last attempt's failure is the cause.
     */
    ConnectionException cannotConnect(String prefix, String fallback) {
        String cause = lastFailure != null ? lastFailure : fallback;
        return new ConnectionException(prefix + "Could not connect to " + options.url() + ": " + cause,
                lastFailureCause);
    }

    // ------------------------------------------------------------------ attempts

    /**
     * Starts an attempt; its link is opened once the lock is released. The connect timeout bounds
     * the attempt here too, not only in the transport: an opening that never completes (a
     * transport that ignores the timeout, a handshake the JDK never gives up) would otherwise hold
     * the client, and the calls waiting for a link, for good.
     */
    private void connect(Deferred deferred) {
        reconnectTimer = null;
        int current = ++attempt;
        Heartbeat linkHeartbeat = new Heartbeat(options.heartbeatInterval(), timers);
        deferred.action(() -> open(current, linkHeartbeat));
        Duration timeout = options.connectTimeout();
        if (!timeout.isZero()) {
            // Opening, losing the link or closing clears the timer, so only a live attempt's fires.
            openingTimer = timers.after(timeout, (timer, expired) -> {
                if (openingTimer == timer) {
                    lost("no answer within " + timeout.toMillis() + "ms", null, expired);
                }
            }, deferred);
        }
    }

    private void open(int current, Heartbeat linkHeartbeat) {
        CompletableFuture<Transport.Link> opening;
        try {
            opening = transport.open(options.url(), options.connectTimeout(),
                    new LinkEvents(current, linkHeartbeat));
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((link, failure) -> events.execute(() -> lock.run(deferred ->
                opened(current, link, linkHeartbeat, failure, deferred))));
    }

    private boolean isCurrent(int candidate) {
        return candidate == attempt && !closed;
    }

    private void opened(int current, Transport.Link link, Heartbeat linkHeartbeat, Throwable failure,
            Deferred deferred) {
        if (!isCurrent(current)) {
            if (link != null) {
                deferred.action(link::close);
            }
            return;
        }
        stopOpeningTimer(deferred);
        if (failure != null) {
            lost(ConnectFailures.describe(failure, options.connectTimeout()), ConnectFailures.unwrap(failure),
                    deferred);
            return;
        }
        boolean first = !everConnected;
        everConnected = true;
        failedAttempts = 0;
        lastFailure = null;
        lastFailureCause = null;
        outbox.attach(link);
        heartbeat = linkHeartbeat;
        linkHeartbeat.start(link, silent -> wentSilent(current, silent), deferred);
        changeStatus(ConnectionStatus.CONNECTED, deferred);
        listener.opened(deferred);
        if (first) {
            timers.cancel(readyTimer, deferred);
            deferred.callback(() -> ready.complete(null));
        }
    }

    private void closed(int current, int code, String reason, Deferred deferred) {
        if (isCurrent(current)) {
            lost(reason == null || reason.isEmpty() ? "connection closed (code " + code + ")"
                    : "connection closed (code " + code + ", " + reason + ")", null, deferred);
        }
    }

    /**
     * The open link showed no sign of life for two heartbeat intervals: it is closed (aborted, for
     * the JDK's) and counted as lost, as if it had dropped, so reconnection and re-sending follow.
     */
    private void wentSilent(int current, Deferred deferred) {
        if (!isCurrent(current)) {
            return;
        }
        Transport.Link link = outbox.detach();
        if (link != null) {
            deferred.action(link::close);
        }
        long silentMillis = options.heartbeatInterval().multipliedBy(2).toMillis();
        LOG.info("No sign of life from {} for {}ms; reconnecting", options.url(), silentMillis);
        lost("connection silent for " + silentMillis + "ms (no answer to a ping)", null, deferred);
    }

    private void stopOpeningTimer(Deferred deferred) {
        timers.cancel(openingTimer, deferred);
        openingTimer = null;
    }

    private void stopHeartbeat(Deferred deferred) {
        if (heartbeat != null) {
            heartbeat.stop(deferred);
            heartbeat = null;
        }
    }

    /**
     * The link dropped or never opened: reconnects after a delay, or gives up. The attempt is over:
     * whatever its link still reports belongs to no attempt now, even its opening, which a
     * transport may report after its end (the JDK's reads on its own thread, so a connection cut
     * just after its handshake can be reported closed first). Such a link is closed, never used.
     */
    private void lost(String why, Throwable cause, Deferred deferred) {
        LOG.debug("Connection to {} lost: {}", options.url(), why);
        attempt++;
        boolean wasOpen = status == ConnectionStatus.CONNECTED;
        stopOpeningTimer(deferred);
        stopHeartbeat(deferred);
        outbox.detach();
        clientId = null;
        lastFailure = why;
        lastFailureCause = cause;
        boolean givingUp = !options.reconnect();
        listener.lost(givingUp, deferred);
        if (givingUp) {
            gaveUp = true;
            changeStatus(ConnectionStatus.DISCONNECTED, deferred);
            ConnectionException failure = wasOpen ? new ConnectionException("WebSocket closed")
                    : cannotConnect("", why);
            timers.cancel(readyTimer, deferred);
            deferred.callback(() -> ready.completeExceptionally(failure));
            return;
        }
        if (everConnected) {
            changeStatus(ConnectionStatus.RECONNECTING, deferred);
        }
        Duration delay = options.reconnectDelay().orElseGet(() -> backoff(++failedAttempts));
        reconnectTimer = timers.after(delay, (timer, expired) -> {
            if (!closed && reconnectTimer == timer) {
                connect(expired);
            }
        }, deferred);
    }

    /** 250 ms, 500 ms, 1 s, then 2 s, each plus up to 100 ms of jitter. */
    static Duration backoff(int failures) {
        long base = Math.min(250L << Math.min(failures - 1, 4), 2_000L);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(100));
    }

    private void changeStatus(ConnectionStatus next, Deferred deferred) {
        if (status == next) {
            return;
        }
        status = next;
        deferred.callback(() -> {
            for (Consumer<? super ConnectionStatus> statusListener : statusListeners) {
                Callbacks.safely("A status listener", () -> statusListener.accept(next));
            }
        });
    }

    // ------------------------------------------------------------------ incoming

    /** Parses off the lock, then hands the message on under it if its link is still current. */
    private void received(int current, String text) {
        ParseResult<ServerMessage> parsed = protocol.parseServerMessage(text);
        if (parsed instanceof ParseResult.Malformed<ServerMessage> malformed) {
            LOG.warn("Ignoring a malformed message from {}: {}", options.url(), malformed.reason());
            return;
        }
        ServerMessage message = ((ParseResult.Parsed<ServerMessage>) parsed).message();
        if (message instanceof ProtocolError error) {
            LOG.warn("The server reported a problem with a {} for {}/{}: {} ({})", error.request(), error.actor(),
                    error.actorId(), error.message(), error.code().wireName());
            return;
        }
        lock.run(deferred -> {
            if (!isCurrent(current)) {
                return;
            }
            if (message instanceof Welcome welcome) {
                clientId = welcome.clientId();
            } else {
                listener.received(message, deferred);
            }
        });
    }

    /** Receives one link's events and moves them to the serial executor. */
    private final class LinkEvents implements Transport.LinkListener {
        private final int current;
        private final Heartbeat linkHeartbeat;

        LinkEvents(int current, Heartbeat linkHeartbeat) {
            this.current = current;
            this.linkHeartbeat = linkHeartbeat;
        }

        @Override
        public void onMessage(String text) {
            linkHeartbeat.heard();
            events.execute(() -> received(current, text));
        }

        @Override
        public void onAlive() {
            linkHeartbeat.heard();
        }

        @Override
        public void onClosed(int code, String reason) {
            events.execute(() -> lock.run(deferred -> closed(current, code, reason, deferred)));
        }
    }
}
