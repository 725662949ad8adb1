package dev.zocket.server.internal.runtime;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoredState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * A server's store and which actor types write through it. An actor thread waits for its commit
 * as a managed block, so a fork-join pool adds a thread meanwhile and other instances keep
 * committing into the same batch.
 */
public final class Durability implements AutoCloseable {

    private final StateStore store;
    private final Set<String> excluded;
    private final Committer committer;

    /**
     * @param excluded names of the actor types that stay in memory only
     * @param retention how much of the change logs to keep, applied by the committer once a minute
     */
    public Durability(StateStore store, Set<String> excluded, Retention retention) {
        this.store = store;
        this.excluded = Set.copyOf(excluded);
        this.committer = new Committer(store, retention, Duration.ofMinutes(1));
    }

    public StateStore store() {
        return store;
    }

    boolean persists(String actorType) {
        return !excluded.contains(actorType);
    }

    Optional<StoredState> load(InstanceKey key) {
        return store.load(key.actor(), key.id());
    }

    /** The instance's changes below version {@code before}, newest first, at most {@code limit}. */
    List<Change> history(InstanceKey key, long before, int limit) {
        return store.history(key.actor(), key.id(), before, limit);
    }

    /**
     * Returns once {@code commit} is durable.
     *
     * @throws RuntimeException what the store threw, when it is not
     */
    void commit(Commit commit) {
        CompletableFuture<Void> done = committer.submit(commit);
        try {
            ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
                @Override
                public boolean block() throws InterruptedException {
                    try {
                        done.get();
                    } catch (ExecutionException ignored) {
                        // reported below
                    }
                    return true;
                }

                @Override
                public boolean isReleasable() {
                    return done.isDone();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while committing " + commit.change().actorType() + "/"
                    + commit.change().instanceId(), e);
        }
        done.join();
    }

    /** Stops the committer after it has written what is queued, then closes the store. */
    @Override
    public void close() {
        committer.close();
        store.close();
    }
}
