package dev.zocket.server;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.MemoryStateStore;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoreException;
import dev.zocket.server.persistence.StoredState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A store shared by several servers in a row: the server closes its store, this one outlives that. */
final class SharedStore implements StateStore {
    final MemoryStateStore delegate = new MemoryStateStore();
    final AtomicBoolean failing = new AtomicBoolean();
    volatile CountDownLatch gate;
    volatile CountDownLatch appendStarted = new CountDownLatch(1);

    @Override
    public Optional<StoredState> load(String actorType, String instanceId) {
        return delegate.load(actorType, instanceId);
    }

    @Override
    public void append(List<Commit> batch) {
        appendStarted.countDown();
        CountDownLatch waitFor = gate;
        if (waitFor != null) {
            try {
                waitFor.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failing.get()) {
            throw new StoreException("disk full");
        }
        delegate.append(batch);
    }

    @Override
    public List<String> instances(String actorType, String after, int limit) {
        return delegate.instances(actorType, after, limit);
    }

    @Override
    public List<Change> history(String actorType, String instanceId, long before, int limit) {
        return delegate.history(actorType, instanceId, before, limit);
    }

    @Override
    public long prune(Retention retention, Instant now) {
        return delegate.prune(retention, now);
    }

    @Override
    public void close() {
        // outlives each server
    }
}
