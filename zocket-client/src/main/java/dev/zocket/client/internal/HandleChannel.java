package dev.zocket.client.internal;

import dev.zocket.HandleMeta;
import dev.zocket.StateView;
import dev.zocket.Subscription;
import dev.zocket.json.JsonType;
import dev.zocket.spi.ActorChannel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What one acquired handle talks through. Handles to the same instance share a
 * {@link HandleCore}; each channel remembers the listeners it registered and removes them when
 * closed, and the last close (after the grace period) ends the server subscriptions.
 *
 * <p><b>Threading.</b> Thread-safe: any thread may call it. Each operation runs through the
 * engine's lock.
 */
final class HandleChannel implements ActorChannel, HandleMeta {

    /**
     * A registered listener. {@code unsubscribe} is the user's explicit removal: after the last
     * listener the server is told at once. {@code detach} is what closing a handle does: the
     * listener goes, but the server subscription is left to the core's deferred disposal.
     */
    private final class Registration {
        private final HandleRegistry.Removal removal;
        private final AtomicBoolean active = new AtomicBoolean(true);

        Registration(HandleRegistry.Removal removal) {
            this.removal = removal;
        }

        void unsubscribe() {
            if (active.compareAndSet(true, false)) {
                engine.lock().run(deferred -> removal.remove(true));
            }
        }

        void detach() {
            if (active.compareAndSet(true, false)) {
                engine.lock().run(deferred -> removal.remove(false));
            }
        }
    }

    private final ClientEngine engine;
    private final HandleCore core;
    private final AtomicBoolean released = new AtomicBoolean();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final Map<JsonType<?>, StateView<?>> views = new ConcurrentHashMap<>();

    HandleChannel(ClientEngine engine, HandleCore core) {
        this.engine = engine;
        this.core = core;
    }

    @Override
    public <R> CompletableFuture<R> call(String method, Object input, JsonType<R> resultType) {
        return engine.call(core.key, method, input, resultType, OptionalLong.empty());
    }

    @Override
    public ActorChannel withBaseVersion(long baseVersion) {
        if (baseVersion < 0) {
            throw new IllegalArgumentException("A base version is a state version, never negative: " + baseVersion);
        }
        return new ConditionalChannel(engine, core.key, this, baseVersion);
    }

    @Override
    public <P> Subscription onEvent(String event, JsonType<P> payloadType, Consumer<? super P> listener) {
        requireActive();
        HandleCore.Listener<P> registered = new HandleCore.Listener<>(payloadType,
                Objects.requireNonNull(listener, "listener"));
        return track(engine.lock().apply(deferred ->
                engine.handles().addEventListener(core, event, registered, engine.outbox())));
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
            engine.lock().run(deferred -> engine.handles().release(core, engine.outbox(), deferred));
        }
    }

    private Subscription track(HandleRegistry.Removal removal) {
        Registration registration = new Registration(removal);
        registrations.add(registration);
        return () -> {
            registrations.remove(registration);
            registration.unsubscribe();
        };
    }

    private void requireActive() {
        if (released.get()) {
            throw new IllegalStateException("This handle to " + core.key + " was closed; get a new one");
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
            HandleCore.Listener<S> registered = new HandleCore.Listener<>(type,
                    Objects.requireNonNull(listener, "listener"));
            return track(engine.lock().apply(deferred ->
                    engine.handles().addStateListener(core, registered, engine.outbox(), deferred)));
        }

        @Override
        public Optional<S> snapshot() {
            return engine.lock().read(() -> engine.handles().snapshot(core, type));
        }

        @Override
        public OptionalLong version() {
            return engine.lock().read(() -> engine.handles().version(core));
        }
    }
}
