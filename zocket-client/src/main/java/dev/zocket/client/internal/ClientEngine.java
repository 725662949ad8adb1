package dev.zocket.client.internal;

import dev.zocket.ActorClient;
import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.Subscription;
import dev.zocket.ZocketException;
import dev.zocket.client.ClientOptions;
import dev.zocket.client.ConnectionException;
import dev.zocket.client.ConnectionStatus;
import dev.zocket.client.transport.Transport;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import dev.zocket.protocol.EventMessage;
import dev.zocket.protocol.ParseResult;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.ProtocolError;
import dev.zocket.protocol.RpcCall;
import dev.zocket.protocol.RpcResult;
import dev.zocket.protocol.ServerMessage;
import dev.zocket.protocol.StatePatch;
import dev.zocket.protocol.StateSnapshot;
import dev.zocket.protocol.Welcome;
import dev.zocket.spi.HandleFactory;
import dev.zocket.spi.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol side of a client, and the one place that ties its parts together: the
 * connection and its reconnection ({@link ConnectionState}), calls correlated by id with their
 * timeouts ({@link PendingCalls}), handle cores with their listeners, subscriptions and state
 * stores ({@link HandleRegistry}), and the messages on their way out ({@link Outbox}).
 *
 * <p><b>Threading.</b> Any thread may call in. Every operation runs through the
 * {@link EngineLock}: it changes state and queues messages under the lock, and only once the
 * lock is released are messages sent, links opened or closed, timers armed, and callbacks
 * handed to a serial executor. So callbacks (listeners, future completions) run one at a time,
 * in order, and may call back into the engine; so may a transport or time source that runs
 * what it is given on the calling thread, as the test kit's do. Events from a link and timer
 * expiries reach the engine through the serial executor, in order with the callbacks.
 */
public final class ClientEngine implements ActorClient {

    private static final Logger LOG = LoggerFactory.getLogger(ClientEngine.class);

    private final ClientOptions options;
    private final Transport transport;
    private final SerialExecutor events;
    private final JsonCodec json;
    private final ProtocolCodec protocol;
    private final Outbox outbox;
    private final EngineLock lock;
    private final Timers timers;
    private final ConnectionState connection;
    private final PendingCalls calls;
    private final HandleRegistry handles;
    private final AtomicLong rpcIds = new AtomicLong();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private TimerSlot readyTimeout; // guarded by the lock

    public ClientEngine(ClientOptions options, Transport transport, TimeSource time, Executor callbackExecutor,
            JsonCodec json) {
        this.options = Objects.requireNonNull(options, "options");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.events = new SerialExecutor(Objects.requireNonNull(callbackExecutor, "callbackExecutor"));
        this.json = Objects.requireNonNull(json, "json");
        this.protocol = new ProtocolCodec(json);
        this.outbox = new Outbox(protocol);
        this.lock = new EngineLock(outbox, events);
        this.timers = new Timers(Objects.requireNonNull(time, "time"), events, lock);
        this.connection = new ConnectionState(options);
        this.calls = new PendingCalls(timers, json);
        this.handles = new HandleRegistry(json, timers, options.handleDisposeDelay());
    }

    /** Starts connecting; call once. */
    public void start() {
        lock.run(deferred -> {
            connect(deferred);
            Duration timeout = options.connectTimeout();
            if (!timeout.isZero()) {
                readyTimeout = timers.after(timeout, (timer, expired) -> {
                    ConnectionException failure = connection.cannotConnect("",
                            "no answer within " + timeout.toMillis() + "ms");
                    expired.callback(() -> ready.completeExceptionally(failure));
                }, deferred);
            }
        });
    }

    /** Completes when the first connection opens; fails after the connect timeout, or on close. */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    public ConnectionStatus status() {
        return lock.read(connection::status);
    }

    /** Calls {@code listener} on every status change, on the callback executor. */
    public Subscription onStatusChange(Consumer<? super ConnectionStatus> listener) {
        return connection.onStatusChange(Objects.requireNonNull(listener, "listener"));
    }

    /** The id the server gave the current connection, once its {@code welcome} has arrived. */
    public Optional<String> clientId() {
        return lock.read(connection::clientId);
    }

    @Override
    public <H> H handle(HandleFactory<H> factory, String actorId) {
        Objects.requireNonNull(actorId, "actorId");
        HandleKey key = new HandleKey(factory.actorName(), actorId);
        HandleCore core = lock.apply(deferred -> {
            if (connection.isClosed()) {
                throw new IllegalStateException("The client is closed; create a new one");
            }
            return handles.acquire(key, deferred);
        });
        return factory.create(new HandleChannel(this, core));
    }

    /** Stops reconnecting, disposes every handle, fails pending calls and closes the connection. */
    public void close() {
        lock.run(deferred -> {
            if (connection.isClosed()) {
                return;
            }
            handles.closeAll(outbox, deferred);
            timers.cancel(connection.close(deferred), deferred);
            calls.failAll(new ConnectionException("WebSocket client closed"), deferred);
            timers.cancel(readyTimeout, deferred);
            Transport.Link closing = outbox.detach();
            if (closing != null) {
                deferred.action(closing::close);
            }
            deferred.callback(() -> ready.completeExceptionally(
                    new ConnectionException("WebSocket client closed before becoming ready")));
        });
    }

    // ------------------------------------------------------------------ connection

    /** Starts an attempt; the link is opened once the lock is released. */
    private void connect(Deferred deferred) {
        int attempt = connection.beginAttempt();
        deferred.action(() -> open(attempt));
    }

    private void open(int attempt) {
        CompletableFuture<Transport.Link> opening;
        try {
            opening = transport.open(options.url(), options.connectTimeout(), new LinkEvents(attempt));
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        opening.whenComplete((link, failure) -> events.execute(() -> lock.run(deferred ->
                opened(attempt, link, failure, deferred))));
    }

    private void opened(int attempt, Transport.Link link, Throwable failure, Deferred deferred) {
        if (!connection.isCurrent(attempt)) {
            if (link != null) {
                deferred.action(link::close);
            }
            return;
        }
        if (failure != null) {
            connectionLost(ConnectFailures.describe(failure, options.connectTimeout()),
                    ConnectFailures.unwrap(failure), deferred);
            return;
        }
        outbox.attach(link);
        boolean first = connection.opened(deferred);
        handles.resubscribeAll(outbox);
        calls.sendWaiting(outbox);
        if (first) {
            timers.cancel(readyTimeout, deferred);
            deferred.callback(() -> ready.complete(null));
        }
    }

    private void linkClosed(int attempt, int code, String reason, Deferred deferred) {
        if (connection.isCurrent(attempt)) {
            String why = reason == null || reason.isEmpty() ? "connection closed (code " + code + ")"
                    : "connection closed (code " + code + ", " + reason + ")";
            connectionLost(why, null, deferred);
        }
    }

    /** Fails the calls the link carried, then reconnects or gives up. */
    private void connectionLost(String why, Throwable cause, Deferred deferred) {
        outbox.detach();
        boolean wasOpen = connection.status() == ConnectionStatus.CONNECTED;
        connection.lost(why, cause);
        boolean giveUp = !options.reconnect();
        calls.linkLost(giveUp, call -> connection.cannotConnect("RPC \"" + call.method + "\" was not sent: ", why),
                deferred);
        handles.connectionLost();
        if (giveUp) {
            connection.disconnected(deferred);
            ConnectionException failure = wasOpen ? new ConnectionException("WebSocket closed")
                    : connection.cannotConnect("", why);
            timers.cancel(readyTimeout, deferred);
            deferred.callback(() -> ready.completeExceptionally(failure));
            return;
        }
        Duration delay = connection.reconnecting(deferred);
        connection.awaitReconnect(timers.after(delay, (timer, expired) -> {
            if (connection.isPendingReconnect(timer)) {
                connect(expired);
            }
        }, deferred));
    }

    // ------------------------------------------------------------------ calls

    <R> CompletableFuture<R> call(HandleKey key, String method, Object input, JsonType<R> resultType) {
        String id = "rpc_" + rpcIds.incrementAndGet() + "_" + Long.toString(System.currentTimeMillis(), 36);
        CompletableFuture<Object> result = new CompletableFuture<>();
        String text;
        try {
            text = protocol.encodeToString(new RpcCall(id, key.actor(), key.id(), method,
                    input == null ? null : json.lazy(input)));
        } catch (RuntimeException e) {
            result.completeExceptionally(new ZocketException("Could not encode the input of " + method + ": "
                    + e.getMessage(), e));
            return cast(result);
        }
        boolean accepted = lock.apply(deferred -> {
            if (connection.isClosed()) {
                return false;
            }
            PendingCall call = new PendingCall(id, method, text, resultType, result);
            calls.add(call, outbox);
            Duration timeout = options.rpcTimeout();
            if (!timeout.isZero()) {
                call.timeoutIs(timers.after(timeout, (timer, expired) -> timedOut(id, expired), deferred));
            }
            return true;
        });
        if (!accepted) {
            result.completeExceptionally(new ConnectionException("WebSocket client closed"));
        }
        return cast(result);
    }

    @SuppressWarnings("unchecked")
    private static <R> CompletableFuture<R> cast(CompletableFuture<Object> future) {
        return (CompletableFuture<R>) (CompletableFuture<?>) future;
    }

    private void timedOut(String id, Deferred deferred) {
        PendingCall call = calls.expire(id);
        if (call == null) {
            return;
        }
        long millis = options.rpcTimeout().toMillis();
        Throwable error = call.sent()
                ? new RpcException(ErrorCode.TIMEOUT, "RPC \"" + call.method + "\" timed out after " + millis + "ms")
                : connection.cannotConnect("RPC \"" + call.method + "\" was not sent within " + millis + "ms: ",
                        "no answer yet");
        call.fail(error, timers, deferred);
    }

    // ------------------------------------------------------------------ incoming

    private void received(int attempt, String text) {
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
            if (!connection.isCurrent(attempt)) {
                return;
            }
            if (message instanceof Welcome welcome) {
                connection.welcomed(welcome.clientId());
            } else if (message instanceof RpcResult result) {
                calls.answered(result, deferred);
            } else if (message instanceof EventMessage event) {
                handles.eventArrived(event, deferred);
            } else if (message instanceof StateSnapshot snapshot) {
                handles.snapshotArrived(snapshot, deferred);
            } else if (message instanceof StatePatch patch) {
                handles.patchArrived(patch, outbox, deferred);
            }
        });
    }

    // ------------------------------------------------------------------ for handle channels

    EngineLock lock() {
        return lock;
    }

    HandleRegistry handles() {
        return handles;
    }

    Outbox outbox() {
        return outbox;
    }

    /** Receives one link's events and moves them to the serial executor. */
    private final class LinkEvents implements Transport.LinkListener {
        private final int attempt;

        LinkEvents(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onMessage(String text) {
            events.execute(() -> received(attempt, text));
        }

        @Override
        public void onClosed(int code, String reason) {
            events.execute(() -> lock.run(deferred -> linkClosed(attempt, code, reason, deferred)));
        }
    }
}
