package dev.zocket.server.internal.studio;

import dev.zocket.server.internal.runtime.ActorRegistry;
import dev.zocket.server.internal.runtime.InstanceKey;
import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where Studio reads an instance's recent changes: the durable log when the server has a store
 * and the actor is kept in it, else what the runtime remembers in memory.
 */
final class StudioHistory {

    /** Which of the two an answer came from, shown on the page. */
    enum Source { STORE, MEMORY }

    record Changes(Source source, List<Change> changes) {}

    /** How long a page waits for a busy instance to hand over its recent changes. */
    private static final Duration MEMORY_READ_TIMEOUT = Duration.ofSeconds(2);

    private final StateStore store;
    private final Set<String> memoryOnly;
    private final ActorRegistry registry;

    /**
     * @param store the server's store, or {@code null}
     * @param memoryOnly the actors the store does not keep
     * @param registry where the live instances keep their recent changes in memory
     */
    StudioHistory(StateStore store, Set<String> memoryOnly, ActorRegistry registry) {
        this.store = store;
        this.memoryOnly = Set.copyOf(memoryOnly);
        this.registry = registry;
    }

    /** The newest {@code limit} changes before {@code beforeVersion}, newest first. */
    Changes changes(InstanceKey key, long beforeVersion, int limit) {
        if (store != null && !memoryOnly.contains(key.actor())) {
            return new Changes(Source.STORE, store.history(key.actor(), key.id(), beforeVersion, limit));
        }
        return new Changes(Source.MEMORY, recentChangesInMemory(key, beforeVersion, limit));
    }

    /**
     * The recent changes a live instance keeps in memory, newest first: those of its recent-patch
     * log, kept from its first state subscriber on (Studio's own subscription is one), within the
     * log's bounds. Read in the instance's mailbox; empty if it does not answer in time.
     */
    List<Change> recentChangesInMemory(InstanceKey key, long beforeVersion, int limit) {
        try {
            return registry.recentChanges(key, beforeVersion, limit)
                    .get(MEMORY_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException busy) {
            return List.of();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
