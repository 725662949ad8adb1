package dev.zocket.client.internal;

import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What all handles to one actor instance share: the reference count, the event and state
 * listeners, whether the server has been asked for events and state, and the state store.
 * Not thread-safe: guarded by the engine's lock, and changed only through {@link HandleRegistry}.
 */
final class HandleCore {

    /** A listener with the type it wants its values decoded into. */
    record Listener<T>(JsonType<T> type, Consumer<? super T> consumer) {}

    final HandleKey key;
    final StateStore store;
    final Map<String, List<Listener<?>>> eventListeners = new LinkedHashMap<>();
    final List<Listener<?>> stateListeners = new ArrayList<>();
    int references;
    boolean eventsSubscribed;
    boolean stateSubscribed;
    boolean disposed;
    TimerSlot pendingDisposal;

    HandleCore(HandleKey key, JsonCodec json) {
        this.key = key;
        this.store = new StateStore(json);
    }

    int eventListenerCount() {
        int count = 0;
        for (List<Listener<?>> listeners : eventListeners.values()) {
            count += listeners.size();
        }
        return count;
    }
}
