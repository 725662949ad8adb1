package dev.zocket.server.internal.studio;

import dev.zocket.server.internal.runtime.InstanceKey;
import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.StateStore;
import java.util.List;
import java.util.Set;

/**
 * Where Studio reads an instance's recent changes: the durable log when the server has a store
 * and the actor is kept in it, else what the runtime remembers in memory.
 */
final class StudioHistory {

    /** Which of the two an answer came from, shown on the page. */
    enum Source { STORE, MEMORY }

    record Changes(Source source, List<Change> changes) {}

    private final StateStore store;
    private final Set<String> memoryOnly;

    /**
     * @param store the server's store, or {@code null}
     * @param memoryOnly the actors the store does not keep
     */
    StudioHistory(StateStore store, Set<String> memoryOnly) {
        this.store = store;
        this.memoryOnly = Set.copyOf(memoryOnly);
    }

    /** The newest {@code limit} changes before {@code beforeVersion}, newest first. */
    Changes changes(InstanceKey key, long beforeVersion, int limit) {
        if (store != null && !memoryOnly.contains(key.actor())) {
            return new Changes(Source.STORE, store.history(key.actor(), key.id(), beforeVersion, limit));
        }
        return new Changes(Source.MEMORY, recentChangesInMemory(key, beforeVersion, limit));
    }

    /**
     * The in-memory recent changes of a live instance, newest first. The runtime's per-instance
     * log of recent changes plugs in here; until it does, an instance without a store shows no
     * history (its live patches still show on the page).
     */
    List<Change> recentChangesInMemory(InstanceKey key, long beforeVersion, int limit) {
        return List.of();
    }
}
