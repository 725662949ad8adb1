package dev.zocket.client.internal;

import dev.zocket.ActorClient;
import dev.zocket.Subscription;
import dev.zocket.ErrorCode;
import dev.zocket.HandleMeta;
import dev.zocket.RpcException;
import dev.zocket.StateView;
import dev.zocket.ZocketException;
import dev.zocket.client.ClientOptions;
import dev.zocket.client.ConnectionException;
import dev.zocket.client.ConnectionStatus;
import dev.zocket.client.transport.Transport;
import dev.zocket.json.DecodeException;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import dev.zocket.protocol.ClientMessage;
import dev.zocket.protocol.EventMessage;
import dev.zocket.protocol.EventSub;
import dev.zocket.protocol.EventUnsub;
import dev.zocket.protocol.ParseResult;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.ProtocolError;
import dev.zocket.protocol.RpcCall;
import dev.zocket.protocol.RpcResult;
import dev.zocket.protocol.ServerMessage;
import dev.zocket.protocol.StatePatch;
import dev.zocket.protocol.StateSnapshot;
import dev.zocket.protocol.StateSub;
import dev.zocket.protocol.StateUnsub;
import dev.zocket.protocol.Welcome;
import dev.zocket.spi.ActorChannel;
import dev.zocket.spi.HandleFactory;
import dev.zocket.spi.TimeSource;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The protocol side of a client: one connection at a time (reconnecting after drops), RPCs
 * correlated by id with timeouts, and handle cores shared per actor instance with their event
 * listeners and state stores.
 *
 * <p><b>Threading.</b> Any thread may call in. State is guarded by one lock, and nothing is
 * ever done while holding it: an operation changes state, queues the messages to send and the
 * callbacks to run, releases the lock, and only then sends (in queue order, by one thread at a
 * time) and hands the callbacks to a serial executor. So callbacks (listeners, future
 * completions) run one at a time, in order, and the engine may be re-entered from them, or
 * from a transport that answers synchronously, as the test kit's does.
 */
public final class ClientEngine implements ActorClient {

    private static final Logger LOG = LoggerFactory.getLogger(ClientEngine.class);
    private static final JsonType<Void> VOID = JsonType.of(Void.class);

    private final ClientOptions options;
    private final Transport transport;
    private final TimeSource time;
    private final SerialExecutor events;
    private final JsonCodec json;
    private final ProtocolCodec protocol;
    private final AtomicLong rpcIds = new AtomicLong();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final List<Consumer<? super ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    // Guarded by lock:
    private ConnectionStatus status = ConnectionStatus.CONNECTING;
    private Transport.Link link;
    private String clientId;
    private boolean closed;
    private boolean everConnected;
    private int epoch;
    private int reconnectAttempts;
    private Subscription reconnectTimer;
    private final Map<String, PendingRpc> pending = new LinkedHashMap<>();
    private final Map<HandleKey, HandleCore> handles = new HashMap<>();
    private final Queue<Outgoing> outbox = new ArrayDeque<>();
    private boolean flushing;

    private record Outgoing(Transport.Link link, String text) {}

    /** A call waiting for its result; {@code sent} once it went out on the current connection. */
    private static final class PendingRpc {
        final String id;
        final String method;
        final String text;
        final JsonType<?> resultType;
        final CompletableFuture<Object> result;
        Subscription timeout;
        boolean sent;

        PendingRpc(String id, String method, String text, JsonType<?> resultType, CompletableFuture<Object> result) {
            this.id = id;
            this.method = method;
            this.text = text;
            this.resultType = resultType;
            this.result = result;
        }
    }

    /** What an operation decided to do once the lock is released. */
    private final class Effects {
        final List<Runnable> callbacks = new ArrayList<>();

        void send(ClientMessage message) {
            if (link != null) {
                outbox.add(new Outgoing(link, protocol.encodeToString(message)));
            }
        }

        void sendText(String text) {
            outbox.add(new Outgoing(link, text));
        }

        void later(Runnable callback) {
            callbacks.add(callback);
        }

        void status(ConnectionStatus next) {
            if (status != next) {
                status = next;
                callbacks.add(() -> {
                    for (Consumer<? super ConnectionStatus> listener : statusListeners) {
                        safely("A status listener", () -> listener.accept(next));
                    }
                });
            }
        }
    }

    public ClientEngine(ClientOptions options, Transport transport, TimeSource time, Executor callbackExecutor,
            JsonCodec json) {
        this.options = Objects.requireNonNull(options, "options");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.time = Objects.requireNonNull(time, "time");
        this.events = new SerialExecutor(Objects.requireNonNull(callbackExecutor, "callbackExecutor"));
        this.json = Objects.requireNonNull(json, "json");
        this.protocol = new ProtocolCodec(json);
    }

    /** Starts connecting; call once. */
    public void start() {
        synchronized (lock) {
            connect();
        }
        Duration timeout = options.connectTimeout();
        if (!timeout.isZero()) {
            time.schedule(timeout, () -> events.execute(() -> ready.completeExceptionally(
                    new ConnectionException("WebSocket did not connect within " + timeout.toMillis() + "ms"))));
        }
    }

    public CompletableFuture<Void> ready() {
        return ready;
    }

    public ConnectionStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    public Subscription onStatusChange(Consumer<? super ConnectionStatus> listener) {
        Objects.requireNonNull(listener, "listener");
        statusListeners.add(listener);
        AtomicBoolean active = new AtomicBoolean(true);
        return () -> {
            if (active.compareAndSet(true, false)) {
                statusListeners.remove(listener);
            }
        };
    }

    public Optional<String> clientId() {
        synchronized (lock) {
            return Optional.ofNullable(clientId);
        }
    }

    // ------------------------------------------------------------------ connection

    /** Opens a connection; under the lock. The outcome is handled on the event thread. */
    private void connect() {
        int attempt = ++epoch;
        transport.open(options.url(), options.connectTimeout(), new Listener(attempt))
                .whenComplete((opened, failure) -> events.execute(() -> connected(attempt, opened, failure)));
    }

    private void connected(int attempt, Transport.Link opened, Throwable failure) {
        Effects effects = new Effects();
        boolean firstTime = false;
        synchronized (lock) {
            if (attempt != epoch || closed) {
                if (opened != null) {
                    opened.close();
                }
                return;
            }
            if (failure != null) {
                LOG.debug("Could not connect to {}: {}", options.url(), failure.toString());
                connectionLost(effects, "WebSocket closed");
            } else {
                link = opened;
                firstTime = !everConnected;
                everConnected = true;
                reconnectAttempts = 0;
                effects.status(ConnectionStatus.CONNECTED);
                for (HandleCore core : handles.values()) {
                    resubscribe(core, effects);
                }
                for (PendingRpc call : pending.values()) {
                    if (!call.sent) {
                        call.sent = true;
                        effects.sendText(call.text);
                    }
                }
            }
        }
        if (firstTime) {
            effects.later(() -> ready.complete(null));
        }
        finish(effects);
    }

    private void resubscribe(HandleCore core, Effects effects) {
        if (core.eventsSubscribed) {
            effects.send(new EventSub(core.key.actor(), core.key.id()));
        }
        if (core.stateSubscribed) {
            effects.send(new StateSub(core.key.actor(), core.key.id()));
        }
    }

    private void linkClosed(int attempt, int code, String reason) {
        Effects effects = new Effects();
        synchronized (lock) {
            if (attempt != epoch || closed) {
                return;
            }
            LOG.debug("Connection to {} closed: {} {}", options.url(), code, reason);
            connectionLost(effects, "WebSocket closed");
        }
        finish(effects);
    }

    /** Under the lock: fails the calls in flight, then reconnects or gives up. */
    private void connectionLost(Effects effects, String message) {
        link = null;
        clientId = null;
        for (Iterator<PendingRpc> calls = pending.values().iterator(); calls.hasNext(); ) {
            PendingRpc call = calls.next();
            if (call.sent || !options.reconnect()) {
                calls.remove();
                fail(call, new ConnectionException(message), effects);
            }
        }
        for (HandleCore core : handles.values()) {
            core.store.connectionLost();
        }
        if (options.reconnect()) {
            if (everConnected) {
                effects.status(ConnectionStatus.RECONNECTING);
            }
            scheduleReconnect();
        } else {
            effects.status(ConnectionStatus.DISCONNECTED);
            effects.later(() -> ready.completeExceptionally(new ConnectionException(message)));
        }
    }

    private void scheduleReconnect() {
        Duration delay = options.reconnectDelay().orElseGet(() -> backoff(++reconnectAttempts));
        reconnectTimer = time.schedule(delay, () -> events.execute(() -> {
            Effects effects = new Effects();
            synchronized (lock) {
                reconnectTimer = null;
                if (!closed && link == null) {
                    connect();
                }
            }
            finish(effects);
        }));
    }

    /** 250 ms, 500 ms, 1 s, then 2 s, each plus up to 100 ms of jitter. */
    static Duration backoff(int attempt) {
        long base = Math.min(250L << Math.min(attempt - 1, 4), 2_000L);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(100));
    }

    /** Stops reconnecting, disposes every handle, fails pending calls and closes the connection. */
    public void close() {
        Effects effects = new Effects();
        Transport.Link closing;
        synchronized (lock) {
            if (closed) {
                return;
            }
            for (HandleCore core : handles.values()) {
                unsubscribeFromServer(core, effects);
                disposeCore(core);
            }
            handles.clear();
            closed = true;
            if (reconnectTimer != null) {
                reconnectTimer.cancel();
            }
            for (PendingRpc call : pending.values()) {
                fail(call, new ConnectionException("WebSocket client closed"), effects);
            }
            pending.clear();
            closing = link;
            link = null;
            effects.status(ConnectionStatus.DISCONNECTED);
            effects.later(() -> ready.completeExceptionally(
                    new ConnectionException("WebSocket client closed before becoming ready")));
        }
        finish(effects);
        if (closing != null) {
            closing.close();
        }
    }

    // ------------------------------------------------------------------ RPC

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
        Effects effects = new Effects();
        synchronized (lock) {
            if (closed) {
                result.completeExceptionally(new ConnectionException("WebSocket client closed"));
                return cast(result);
            }
            PendingRpc call = new PendingRpc(id, method, text, resultType, result);
            pending.put(id, call);
            Duration timeout = options.rpcTimeout();
            if (!timeout.isZero()) {
                call.timeout = time.schedule(timeout, () -> events.execute(() -> timedOut(id)));
            }
            if (link != null) {
                call.sent = true;
                effects.sendText(text);
            }
        }
        finish(effects);
        return cast(result);
    }

    @SuppressWarnings("unchecked")
    private static <R> CompletableFuture<R> cast(CompletableFuture<Object> future) {
        return (CompletableFuture<R>) (CompletableFuture<?>) future;
    }

    private void timedOut(String id) {
        Effects effects = new Effects();
        synchronized (lock) {
            PendingRpc call = pending.remove(id);
            if (call != null) {
                fail(call, new RpcException(ErrorCode.TIMEOUT, "RPC \"" + call.method + "\" timed out after "
                        + options.rpcTimeout().toMillis() + "ms"), effects);
            }
        }
        finish(effects);
    }

    private void fail(PendingRpc call, Throwable error, Effects effects) {
        if (call.timeout != null) {
            call.timeout.cancel();
        }
        effects.later(() -> call.result.completeExceptionally(error));
    }

    private void resultArrived(RpcResult message, Effects effects) {
        PendingRpc call = pending.remove(message.id());
        if (call == null) {
            return; // timed out already
        }
        if (call.timeout != null) {
            call.timeout.cancel();
        }
        if (message.isError()) {
            ErrorCode code = message.code() != null ? message.code() : ErrorCode.INTERNAL_ERROR;
            effects.later(() -> call.result.completeExceptionally(new RpcException(code, message.error())));
            return;
        }
        effects.later(() -> {
            Object value;
            try {
                value = call.resultType.equals(VOID) ? null : json.decode(message.result(), call.resultType);
            } catch (DecodeException e) {
                call.result.completeExceptionally(new ZocketException("The result of " + call.method
                        + " does not fit " + call.resultType + ": " + e.getMessage(), e));
                return;
            }
            call.result.complete(value);
        });
    }

    // ------------------------------------------------------------------ inbound

    private void received(int attempt, String text) {
        ParseResult<ServerMessage> parsed = protocol.parseServerMessage(text);
        if (parsed instanceof ParseResult.Malformed<ServerMessage> malformed) {
            LOG.warn("Ignoring a malformed message from {}: {}", options.url(), malformed.reason());
            return;
        }
        ServerMessage message = ((ParseResult.Parsed<ServerMessage>) parsed).message();
        Effects effects = new Effects();
        synchronized (lock) {
            if (attempt != epoch || closed) {
                return;
            }
            if (message instanceof Welcome welcome) {
                clientId = welcome.clientId();
            } else if (message instanceof RpcResult result) {
                resultArrived(result, effects);
            } else if (message instanceof EventMessage event) {
                eventArrived(event, effects);
            } else if (message instanceof StateSnapshot snapshot) {
                snapshotArrived(snapshot, effects);
            } else if (message instanceof StatePatch patch) {
                patchArrived(patch, effects);
            } else if (message instanceof ProtocolError error) {
                LOG.warn("The server reported a problem with a {} for {}/{}: {} ({})", error.request(), error.actor(),
                        error.actorId(), error.message(), error.code().wireName());
            }
        }
        finish(effects);
    }

    private void eventArrived(EventMessage event, Effects effects) {
        HandleCore core = handles.get(new HandleKey(event.actor(), event.actorId()));
        List<HandleCore.Listener<?>> listeners = core == null ? null : core.eventListeners.get(event.event());
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        List<HandleCore.Listener<?>> recipients = List.copyOf(listeners);
        effects.later(() -> {
            Map<JsonType<?>, Object> decoded = new HashMap<>();
            for (HandleCore.Listener<?> listener : recipients) {
                deliver(listener, event.payload(), decoded, "event " + event.event() + " of " + core.key);
            }
        });
    }

    private <T> void deliver(HandleCore.Listener<T> listener, JsonNode payload, Map<JsonType<?>, Object> decoded,
            String what) {
        T value;
        try {
            @SuppressWarnings("unchecked")
            T cached = (T) decoded.computeIfAbsent(listener.type(), type -> json.decode(payload, type));
            value = cached;
        } catch (DecodeException e) {
            LOG.error("Could not decode the {} as {}: {}", what, listener.type(), e.getMessage());
            return;
        }
        safely("A listener for the " + what, () -> listener.consumer().accept(value));
    }

    private void snapshotArrived(StateSnapshot snapshot, Effects effects) {
        HandleCore core = handles.get(new HandleKey(snapshot.actor(), snapshot.actorId()));
        if (core == null || !core.stateSubscribed) {
            return;
        }
        core.store.snapshot(snapshot.state(), snapshot.version());
        notifyState(core, effects);
    }

    private void patchArrived(StatePatch patch, Effects effects) {
        HandleCore core = handles.get(new HandleKey(patch.actor(), patch.actorId()));
        if (core == null || !core.stateSubscribed) {
            return;
        }
        switch (core.store.patch(patch.patches(), patch.version())) {
            case APPLIED:
                notifyState(core, effects);
                break;
            case RESYNC:
                LOG.info("State of {} is out of step (patch version {}, local {}); asking for a fresh snapshot",
                        core.key, patch.version(), core.store.version());
                effects.send(new StateSub(core.key.actor(), core.key.id()));
                break;
            case IGNORED:
            default:
                break;
        }
    }

    /** Under the lock: decodes the new state once per listener type, then notifies in order. */
    private void notifyState(HandleCore core, Effects effects) {
        List<Runnable> notifications = new ArrayList<>(core.stateListeners.size());
        Map<JsonType<?>, Object> values = new IdentityHashMap<>();
        for (HandleCore.Listener<?> listener : core.stateListeners) {
            Object value = values.computeIfAbsent(listener.type(), type -> decodeState(core, type));
            if (value != null) {
                notifications.add(stateNotification(listener, value, core));
            }
        }
        effects.callbacks.addAll(notifications);
    }

    private Object decodeState(HandleCore core, JsonType<?> type) {
        try {
            return core.store.typed(type, json);
        } catch (DecodeException e) {
            LOG.error("The state of {} does not fit {}: {}", core.key, type, e.getMessage());
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private <S> Runnable stateNotification(HandleCore.Listener<S> listener, Object value, HandleCore core) {
        return () -> safely("A state listener of " + core.key, () -> listener.consumer().accept((S) value));
    }

    // ------------------------------------------------------------------ handles

    @Override
    public <H> H handle(HandleFactory<H> factory, String actorId) {
        Objects.requireNonNull(actorId, "actorId");
        HandleKey key = new HandleKey(factory.actorName(), actorId);
        HandleCore core;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("The client is closed; create a new one");
            }
            core = handles.computeIfAbsent(key, HandleCore::new);
            core.references++;
            if (core.pendingDisposal != null) {
                core.pendingDisposal.cancel();
                core.pendingDisposal = null;
            }
        }
        return factory.create(new Channel(core));
    }

    /** Under the lock: drops the core's server subscriptions. */
    private void unsubscribeFromServer(HandleCore core, Effects effects) {
        if (core.eventsSubscribed) {
            core.eventsSubscribed = false;
            effects.send(new EventUnsub(core.key.actor(), core.key.id()));
        }
        if (core.stateSubscribed) {
            core.stateSubscribed = false;
            effects.send(new StateUnsub(core.key.actor(), core.key.id()));
        }
    }

    private void disposeCore(HandleCore core) {
        core.disposed = true;
        core.eventListeners.clear();
        core.stateListeners.clear();
        core.store.clear();
    }

    private void release(HandleCore core) {
        synchronized (lock) {
            core.references--;
            if (core.references > 0 || core.disposed) {
                return;
            }
            Duration grace = options.handleDisposeDelay();
            core.pendingDisposal = time.schedule(grace, () -> events.execute(() -> disposeIfUnused(core)));
        }
    }

    private void disposeIfUnused(HandleCore core) {
        Effects effects = new Effects();
        synchronized (lock) {
            if (core.references > 0 || core.disposed) {
                return;
            }
            core.pendingDisposal = null;
            unsubscribeFromServer(core, effects);
            disposeCore(core);
            handles.remove(core.key, core);
        }
        finish(effects);
    }

    /**
     * A registered listener. {@code unsubscribe} is the user's explicit removal: after the
     * last listener the server is told at once. {@code detach} is what disposing a handle does:
     * the listener goes, but the server subscription is left to the core's deferred disposal.
     */
    private interface Registration {
        void unsubscribe();

        void detach();
    }

    private Registration addEventListener(HandleCore core, String event, HandleCore.Listener<?> listener) {
        Effects effects = new Effects();
        synchronized (lock) {
            requireUsable(core);
            core.eventListeners.computeIfAbsent(event, e -> new ArrayList<>()).add(listener);
            if (!core.eventsSubscribed) {
                core.eventsSubscribed = true;
                effects.send(new EventSub(core.key.actor(), core.key.id()));
            }
        }
        finish(effects);
        return registration(explicitly -> {
            List<HandleCore.Listener<?>> listeners = core.eventListeners.get(event);
            if (listeners != null && listeners.remove(listener) && listeners.isEmpty()) {
                core.eventListeners.remove(event);
            }
            if (explicitly != null && core.eventListenerCount() == 0 && core.eventsSubscribed && !core.disposed) {
                core.eventsSubscribed = false;
                explicitly.send(new EventUnsub(core.key.actor(), core.key.id()));
            }
        });
    }

    private <S> Registration addStateListener(HandleCore core, HandleCore.Listener<S> listener) {
        Effects effects = new Effects();
        synchronized (lock) {
            requireUsable(core);
            core.stateListeners.add(listener);
            if (!core.stateSubscribed) {
                core.stateSubscribed = true;
                effects.send(new StateSub(core.key.actor(), core.key.id()));
            } else if (core.store.hasValue()) {
                Object value = decodeState(core, listener.type());
                if (value != null) {
                    effects.later(stateNotification(listener, value, core));
                }
            }
        }
        finish(effects);
        return registration(explicitly -> {
            if (core.stateListeners.remove(listener) && explicitly != null && core.stateListeners.isEmpty()
                    && core.stateSubscribed && !core.disposed) {
                core.stateSubscribed = false;
                core.store.clear();
                explicitly.send(new StateUnsub(core.key.actor(), core.key.id()));
            }
        });
    }

    /**
     * Builds a registration from its removal, run under the lock with the effects of an
     * explicit unsubscribe, or with {@code null} when detaching silently. Runs at most once.
     */
    private Registration registration(Consumer<Effects> removal) {
        AtomicBoolean active = new AtomicBoolean(true);
        return new Registration() {
            @Override
            public void unsubscribe() {
                if (active.compareAndSet(true, false)) {
                    Effects effects = new Effects();
                    synchronized (lock) {
                        removal.accept(effects);
                    }
                    finish(effects);
                }
            }

            @Override
            public void detach() {
                if (active.compareAndSet(true, false)) {
                    synchronized (lock) {
                        removal.accept(null);
                    }
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private <S> Optional<S> snapshot(HandleCore core, JsonType<S> type) {
        synchronized (lock) {
            return Optional.ofNullable((S) decodeState(core, type));
        }
    }

    private OptionalLong version(HandleCore core) {
        synchronized (lock) {
            return core.store.version();
        }
    }

    private static void requireUsable(HandleCore core) {
        if (core.disposed) {
            throw new IllegalStateException("The handle to " + core.key + " was disposed");
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** After the lock is released: sends what was queued, then runs the callbacks in order. */
    private void finish(Effects effects) {
        flushOutbox();
        for (Runnable callback : effects.callbacks) {
            events.execute(callback);
        }
    }

    /** Sends queued messages in order; one thread at a time, so order survives concurrency. */
    private void flushOutbox() {
        while (true) {
            Outgoing next;
            synchronized (lock) {
                if (flushing) {
                    return; // the thread already flushing will send it
                }
                next = outbox.poll();
                if (next == null) {
                    return;
                }
                flushing = true;
            }
            try {
                if (next.link() != null) {
                    next.link().send(next.text());
                }
            } catch (RuntimeException e) {
                LOG.debug("Send failed; the connection's close will be reported", e);
            } finally {
                synchronized (lock) {
                    flushing = false;
                }
            }
        }
    }

    private static void safely(String what, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("{} threw; the client carries on", what, e);
        }
    }

    /** Receives one connection's events and moves them to the event thread. */
    private final class Listener implements Transport.LinkListener {
        private final int attempt;

        Listener(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onMessage(String text) {
            events.execute(() -> received(attempt, text));
        }

        @Override
        public void onClosed(int code, String reason) {
            events.execute(() -> linkClosed(attempt, code, reason));
        }
    }

    /**
     * What one acquired handle talks through. Handles to the same instance share a core; each
     * channel removes its own listeners when disposed, and the last dispose (after the grace
     * period) ends the server subscriptions.
     */
    private final class Channel implements ActorChannel, HandleMeta {
        private final HandleCore core;
        private final AtomicBoolean released = new AtomicBoolean();
        private final List<Registration> registrations = new CopyOnWriteArrayList<>();
        private final Map<JsonType<?>, StateView<?>> views = new ConcurrentHashMap<>();

        Channel(HandleCore core) {
            this.core = core;
        }

        @Override
        public <R> CompletableFuture<R> call(String method, Object input, JsonType<R> resultType) {
            return ClientEngine.this.call(core.key, method, input, resultType);
        }

        @Override
        public <P> Subscription onEvent(String event, JsonType<P> payloadType, Consumer<? super P> listener) {
            requireActive();
            return track(addEventListener(core, event,
                    new HandleCore.Listener<>(payloadType, Objects.requireNonNull(listener, "listener"))));
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S> StateView<S> state(JsonType<S> stateType) {
            return (StateView<S>) views.computeIfAbsent(stateType, type -> new View<>(stateType));
        }

        @Override
        public HandleMeta meta() {
            return this;
        }

        @Override
        public String name() {
            return core.key.actor();
        }

        @Override
        public String id() {
            return core.key.id();
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                for (Registration registration : registrations) {
                    registration.detach();
                }
                registrations.clear();
                release(core);
            }
        }

        private Subscription track(Registration registration) {
            registrations.add(registration);
            return () -> {
                registrations.remove(registration);
                registration.unsubscribe();
            };
        }

        private void requireActive() {
            if (released.get()) {
                throw new IllegalStateException("This handle to " + core.key + " was disposed; get a new one");
            }
        }

        private final class View<S> implements StateView<S> {
            private final JsonType<S> type;

            View(JsonType<S> type) {
                this.type = type;
            }

            @Override
            public Subscription subscribe(Consumer<? super S> listener) {
                requireActive();
                return track(addStateListener(core, new HandleCore.Listener<>(type,
                        Objects.requireNonNull(listener, "listener"))));
            }

            @Override
            public Optional<S> snapshot() {
                return ClientEngine.this.snapshot(core, type);
            }

            @Override
            public OptionalLong version() {
                return ClientEngine.this.version(core);
            }
        }
    }
}
