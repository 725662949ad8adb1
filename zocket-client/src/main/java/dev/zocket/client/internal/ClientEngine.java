package dev.zocket.client.internal;

import dev.zocket.ActorClient;
import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.Subscription;
import dev.zocket.ZocketException;
import dev.zocket.client.ClientOptions;
import dev.zocket.client.ConnectionException;
import dev.zocket.client.ConnectionStatus;
import dev.zocket.client.InFlightCalls;
import dev.zocket.client.transport.Transport;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import dev.zocket.protocol.EventMessage;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.RpcCall;
import dev.zocket.protocol.RpcResult;
import dev.zocket.protocol.ServerMessage;
import dev.zocket.protocol.StatePatch;
import dev.zocket.protocol.StateSnapshot;
import dev.zocket.spi.HandleFactory;
import dev.zocket.spi.StateApplier;
import dev.zocket.spi.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The protocol side of a client, and the one place its parts meet: the connection and its
 * reconnection ({@link Connection}), calls correlated by id with their timeouts
 * ({@link PendingCalls}), handle cores with their listeners, subscriptions and state stores
 * ({@link HandleRegistry}), and the messages on their way out ({@link Outbox}). It routes
 * incoming messages to them and decides what a lost link means for calls and handles.
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

    private final ClientOptions options;
    private final JsonCodec json;
    private final ProtocolCodec protocol;
    private final Outbox outbox;
    private final EngineLock lock;
    private final Timers timers;
    private final Connection connection;
    private final PendingCalls calls;
    private final HandleRegistry handles;
    private final AtomicLong rpcIds = new AtomicLong();
    private final IdempotencyKeys idempotencyKeys = new IdempotencyKeys();

    public ClientEngine(ClientOptions options, Transport transport, TimeSource time, Executor callbackExecutor,
            JsonCodec json) {
        this.options = Objects.requireNonNull(options, "options");
        this.json = Objects.requireNonNull(json, "json");
        this.protocol = new ProtocolCodec(json);
        SerialExecutor events = new SerialExecutor(Objects.requireNonNull(callbackExecutor, "callbackExecutor"));
        this.outbox = new Outbox(protocol);
        this.lock = new EngineLock(outbox, events);
        this.timers = new Timers(Objects.requireNonNull(time, "time"), events, lock);
        this.connection = new Connection(options, Objects.requireNonNull(transport, "transport"), protocol, outbox,
                timers, events, lock, new Router());
        this.calls = new PendingCalls(timers, json);
        this.handles = new HandleRegistry(json, timers, options.handleDisposeDelay());
    }

    /** Starts connecting; call once. */
    public void start() {
        lock.run(connection::start);
    }

    /** Completes when the first connection opens; fails after the connect timeout, or on close. */
    public CompletableFuture<Void> ready() {
        return connection.ready();
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
        StateApplier<?> applier = factory.stateApplier(); // a factory may be user code: not under the lock
        HandleCore core = lock.apply(deferred -> {
            if (connection.isClosed()) {
                throw new IllegalStateException("The client is closed; create a new one");
            }
            return handles.acquire(key, applier, deferred);
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
            calls.failAll(new ConnectionException("WebSocket client closed"), deferred);
            connection.close(deferred);
        });
    }

    // ------------------------------------------------------------------ calls

    /**
     * Sends a call. Each gets its own id and idempotency key; a re-sent call repeats its message
     * word for word, so the server sees the same id and key (see {@link PendingCalls}).
     */
    <R> CompletableFuture<R> call(HandleKey key, String method, Object input, JsonType<R> resultType,
            OptionalLong baseVersion) {
        String id = "rpc_" + rpcIds.incrementAndGet() + "_" + Long.toString(System.currentTimeMillis(), 36);
        CompletableFuture<Object> result = new CompletableFuture<>();
        String text;
        try {
            text = protocol.encodeToString(new RpcCall(id, key.actor(), key.id(), method,
                    input == null ? null : json.lazy(input), idempotencyKeys.next(), baseVersion));
        } catch (RuntimeException e) {
            result.completeExceptionally(new ZocketException("Could not encode the input of " + method + ": "
                    + e.getMessage(), e));
            return cast(result);
        }
        boolean accepted = lock.apply(deferred -> {
            if (connection.isClosed()) {
                return false;
            }
            if (connection.hasGivenUp()) {
                // No link will come for it: fail as the calls that were waiting when it gave up did.
                Throwable notSent = connection.cannotConnect("RPC \"" + method + "\" was not sent: ", "no answer");
                deferred.callback(() -> result.completeExceptionally(notSent));
                return true;
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

    /** A sent call timed out; one that never found a link says why there was none. */
    private void timedOut(String id, Deferred deferred) {
        PendingCall call = calls.expire(id);
        if (call == null) {
            return;
        }
        long millis = options.rpcTimeout().toMillis();
        Throwable error = call.everSent()
                ? new RpcException(ErrorCode.TIMEOUT, "RPC \"" + call.method + "\" timed out after " + millis + "ms")
                : connection.cannotConnect("RPC \"" + call.method + "\" was not sent within " + millis + "ms: ",
                        "no answer yet");
        call.fail(error, timers, deferred);
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

    /** What links coming and going, and the messages they bring, mean for calls and handles. */
    private final class Router implements Connection.Listener {

        @Override
        public void opened(Deferred deferred) {
            handles.resubscribeAll(outbox);
            calls.sendWaiting(outbox);
        }

        @Override
        public void lost(boolean givingUp, Deferred deferred) {
            boolean resend = !givingUp && options.inFlightCalls() == InFlightCalls.RESEND;
            calls.linkLost(givingUp, resend, call -> connection.cannotConnect("RPC \"" + call.method + "\" was not sent: ",
                    "no answer"), deferred);
            handles.connectionLost();
        }

        @Override
        public void received(ServerMessage message, Deferred deferred) {
            if (message instanceof RpcResult result) {
                calls.answered(result, deferred);
            } else if (message instanceof EventMessage event) {
                handles.eventArrived(event, deferred);
            } else if (message instanceof StateSnapshot snapshot) {
                handles.snapshotArrived(snapshot, deferred);
            } else if (message instanceof StatePatch patch) {
                handles.patchArrived(patch, outbox, deferred);
            }
        }
    }
}
