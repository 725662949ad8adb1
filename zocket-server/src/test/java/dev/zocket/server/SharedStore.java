package dev.zocket.server;

import dev.zocket.server.internal.runtime.ForwardingStore;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.StoreException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A store shared by several servers in a row: the server closes its store, this one outlives that. */
final class SharedStore extends ForwardingStore {
    final AtomicBoolean failing = new AtomicBoolean();
    volatile CountDownLatch gate;
    volatile CountDownLatch appendStarted = new CountDownLatch(1);

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
        super.append(batch);
    }

    @Override
    public void close() {
        // outlives each server
    }
}
