package dev.zocket.client.internal;

import dev.zocket.json.DecodeException;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import dev.zocket.protocol.EventMessage;
import dev.zocket.protocol.EventSub;
import dev.zocket.protocol.EventUnsub;
import dev.zocket.protocol.StatePatch;
import dev.zocket.protocol.StateSnapshot;
import dev.zocket.protocol.StateSub;
import dev.zocket.protocol.StateUnsub;
import dev.zocket.spi.StateApplier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The handle cores of one client, one per actor instance: their reference counts, their event
 * and state listeners, the server subscriptions those need, and the routing of incoming events,
 * snapshots and patches to them.
 *
 * <p>Subscriptions are lazy: the first event listener of a core sends {@code event:sub} and the
 * first state listener {@code state:sub}; removing the last one unsubscribes. When the last
 * handle to a core is released, the core keeps its subscriptions for the dispose delay, so that
 * a handle acquired again at once (a view being rebuilt) reuses them.
 *
 * <p><b>Threading.</b> Not thread-safe: the engine calls it under its lock. Listeners are never
 * called from here: their notifications go to the operation's {@link Deferred}. Typed state is
 * made under the lock, once per update and type (by the generated applier, which patches the
 * previous value, or by decoding), so that every listener and {@code snapshot()} sees the same
 * value.
 */
final class HandleRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(HandleRegistry.class);

    /** Removes one listener; under the lock. */
    @FunctionalInterface
    interface Removal {

        /**
         * @param explicitly the user unsubscribed, so the last listener's removal unsubscribes
         *     on the server at once; otherwise (a handle being disposed) that is left to the
         *     core's deferred disposal
         */
        void remove(boolean explicitly);
    }

    private final Map<HandleKey, HandleCore> cores = new HashMap<>();
    private final JsonCodec json;
    private final Timers timers;
    private final Duration disposeDelay;

    HandleRegistry(JsonCodec json, Timers timers, Duration disposeDelay) {
        this.json = json;
        this.timers = timers;
        this.disposeDelay = disposeDelay;
    }

    // ------------------------------------------------------------------ reference counting

    /**
     * One more handle to {@code key}.
     *
     * @param applier the generated state applier the handle's factory offers, or {@code null}
     */
    HandleCore acquire(HandleKey key, StateApplier<?> applier, Deferred deferred) {
        HandleCore core = cores.computeIfAbsent(key, k -> new HandleCore(k, json));
        core.store.useApplier(applier);
        core.references++;
        timers.cancel(core.pendingDisposal, deferred);
        core.pendingDisposal = null;
        return core;
    }

    /** One handle let go; after the last, the core is disposed once the dispose delay has passed. */
    void release(HandleCore core, Outbox outbox, Deferred deferred) {
        core.references--;
        if (core.references > 0 || core.disposed) {
            return;
        }
        core.pendingDisposal = timers.after(disposeDelay, (timer, expired) -> {
            if (core.pendingDisposal == timer && core.references == 0 && !core.disposed) {
                core.pendingDisposal = null;
                unsubscribeFromServer(core, outbox);
                dispose(core);
                cores.remove(core.key, core);
            }
        }, deferred);
    }

    /** The client closed: every core unsubscribes and is disposed. */
    void closeAll(Outbox outbox, Deferred deferred) {
        for (HandleCore core : cores.values()) {
            unsubscribeFromServer(core, outbox);
            timers.cancel(core.pendingDisposal, deferred);
            dispose(core);
        }
        cores.clear();
    }

    private void unsubscribeFromServer(HandleCore core, Outbox outbox) {
        if (core.eventsSubscribed) {
            core.eventsSubscribed = false;
            outbox.send(new EventUnsub(core.key.actor(), core.key.id()));
        }
        if (core.stateSubscribed) {
            core.stateSubscribed = false;
            outbox.send(new StateUnsub(core.key.actor(), core.key.id()));
        }
    }

    private static void dispose(HandleCore core) {
        core.disposed = true;
        core.eventListeners.clear();
        core.stateListeners.clear();
        core.store.clear();
    }

    // ------------------------------------------------------------------ listeners

    Removal addEventListener(HandleCore core, String event, HandleCore.Listener<?> listener, Outbox outbox) {
        requireUsable(core);
        core.eventListeners.computeIfAbsent(event, e -> new ArrayList<>()).add(listener);
        if (!core.eventsSubscribed) {
            core.eventsSubscribed = true;
            outbox.send(new EventSub(core.key.actor(), core.key.id()));
        }
        return explicitly -> {
            List<HandleCore.Listener<?>> listeners = core.eventListeners.get(event);
            if (listeners != null && listeners.remove(listener) && listeners.isEmpty()) {
                core.eventListeners.remove(event);
            }
            if (explicitly && core.eventListenerCount() == 0 && core.eventsSubscribed && !core.disposed) {
                core.eventsSubscribed = false;
                outbox.send(new EventUnsub(core.key.actor(), core.key.id()));
            }
        };
    }

    Removal addStateListener(HandleCore core, HandleCore.Listener<?> listener, Outbox outbox, Deferred deferred) {
        requireUsable(core);
        core.stateListeners.add(listener);
        if (!core.stateSubscribed) {
            core.stateSubscribed = true;
            outbox.send(new StateSub(core.key.actor(), core.key.id()));
        } else if (core.store.hasValue()) {
            Object value = decodeState(core, listener.type());
            if (value != null) {
                deferred.callback(stateNotification(listener, value, core));
            }
        }
        return explicitly -> {
            if (core.stateListeners.remove(listener) && explicitly && core.stateListeners.isEmpty()
                    && core.stateSubscribed && !core.disposed) {
                core.stateSubscribed = false;
                core.store.clear();
                outbox.send(new StateUnsub(core.key.actor(), core.key.id()));
            }
        };
    }

    private static void requireUsable(HandleCore core) {
        if (core.disposed) {
            throw new IllegalStateException("The handle to " + core.key + " was disposed");
        }
    }

    // ------------------------------------------------------------------ connection changes

    /**
     * A link opened: re-sends every subscription. A state subscription whose copy has a version
     * sends it as {@code since}, so the server may answer with only the patches after it.
     */
    void resubscribeAll(Outbox outbox) {
        for (HandleCore core : cores.values()) {
            if (core.eventsSubscribed) {
                outbox.send(new EventSub(core.key.actor(), core.key.id()));
            }
            if (core.stateSubscribed) {
                outbox.send(new StateSub(core.key.actor(), core.key.id(), core.store.resumeFrom()));
            }
        }
    }

    /** The link dropped: values stay readable, and each copy gets ready to resume or to be replaced. */
    void connectionLost() {
        for (HandleCore core : cores.values()) {
            core.store.connectionLost();
        }
    }

    // ------------------------------------------------------------------ incoming

    void eventArrived(EventMessage event, Deferred deferred) {
        HandleCore core = cores.get(new HandleKey(event.actor(), event.actorId()));
        List<HandleCore.Listener<?>> listeners = core == null ? null : core.eventListeners.get(event.event());
        if (listeners == null || listeners.isEmpty()) {
            return;
        }
        List<HandleCore.Listener<?>> recipients = List.copyOf(listeners);
        String what = "event " + event.event() + " of " + core.key;
        deferred.callback(() -> {
            Map<JsonType<?>, Object> decoded = new HashMap<>();
            for (HandleCore.Listener<?> listener : recipients) {
                deliver(listener, event.payload(), decoded, what);
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
        Callbacks.safely("A listener for the " + what, () -> listener.consumer().accept(value));
    }

    void snapshotArrived(StateSnapshot snapshot, Deferred deferred) {
        HandleCore core = cores.get(new HandleKey(snapshot.actor(), snapshot.actorId()));
        if (core == null || !core.stateSubscribed) {
            return;
        }
        core.store.snapshot(snapshot.state(), snapshot.version());
        notifyState(core, deferred);
    }

    void patchArrived(StatePatch patch, Outbox outbox, Deferred deferred) {
        HandleCore core = cores.get(new HandleKey(patch.actor(), patch.actorId()));
        if (core == null || !core.stateSubscribed) {
            return;
        }
        switch (core.store.patch(patch.patches(), patch.version())) {
            case APPLIED:
                notifyState(core, deferred);
                break;
            case RESYNC:
                OptionalLong local = core.store.version();
                deferred.action(() -> LOG.info("State of {} is out of step (patch version {}, local {}); "
                        + "asking for a fresh snapshot", core.key, patch.version(), local));
                outbox.send(new StateSub(core.key.actor(), core.key.id()));
                break;
            case IGNORED:
            default:
                break;
        }
    }

    /** Decodes the new state once per listener type, then notifies in order. */
    private void notifyState(HandleCore core, Deferred deferred) {
        Map<JsonType<?>, Object> values = new IdentityHashMap<>();
        for (HandleCore.Listener<?> listener : core.stateListeners) {
            Object value = values.computeIfAbsent(listener.type(), type -> decodeState(core, type));
            if (value != null) {
                deferred.callback(stateNotification(listener, value, core));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> Runnable stateNotification(HandleCore.Listener<S> listener, Object value, HandleCore core) {
        return () -> Callbacks.safely("A state listener of " + core.key, () -> listener.consumer().accept((S) value));
    }

    // ------------------------------------------------------------------ reads

    @SuppressWarnings("unchecked")
    <S> Optional<S> snapshot(HandleCore core, JsonType<S> type) {
        return Optional.ofNullable((S) decodeState(core, type));
    }

    OptionalLong version(HandleCore core) {
        return core.store.version();
    }

    private Object decodeState(HandleCore core, JsonType<?> type) {
        try {
            return core.store.typed(type);
        } catch (DecodeException e) {
            LOG.error("The state of {} does not fit {}: {}", core.key, type, e.getMessage());
            return null;
        }
    }
}
