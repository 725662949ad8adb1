package dev.zocket.server.internal.runtime;

import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes every commit that is waiting and appends them to the store in
 * one batch, so one transaction (one fsync) serves many changes across instances. If a batch
 * fails, its commits are retried one by one, so one refused change fails only its own caller.
 */
final class Committer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
    private static final int MAX_BATCH = 1024;

    private record Pending(Commit commit, CompletableFuture<Void> done) {}

    private static final Pending STOP = new Pending(null, new CompletableFuture<>());

    private final StateStore store;
    private final Retention retention;
    private final Duration pruneEvery;
    private long lastPrune = System.nanoTime();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param retention applied to the store every {@code pruneEvery}, between batches
     */
    Committer(StateStore store, Retention retention, Duration pruneEvery) {
        this.store = store;
        this.retention = retention;
        this.pruneEvery = pruneEvery;
        this.thread = new Thread(this::run, "zocket-committer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a commit; the future completes once it is durable, or exceptionally if it is not. */
    CompletableFuture<Void> submit(Commit commit) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new StoreException("the store is closed"));
            return done;
        }
        queue.add(new Pending(commit, done));
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            Pending first;
            try {
                first = queue.poll(pruneEvery.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // only close() stops this thread, by the stop marker
            }
            pruneIfDue();
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                write(batch);
            }
            batch.clear();
        }
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.done().completeExceptionally(new StoreException("the store is closed"));
        }
    }

    private void pruneIfDue() {
        if (retention.keepsEverything() || System.nanoTime() - lastPrune < pruneEvery.toNanos()) {
            return;
        }
        lastPrune = System.nanoTime();
        try {
            long removed = store.prune(retention, Instant.now());
            LOG.debug("Retention removed {} changes", removed);
        } catch (RuntimeException e) {
            LOG.warn("Applying the retention policy failed; it is tried again later", e);
        }
    }

    private void write(List<Pending> batch) {
        try {
            store.append(batch.stream().map(Pending::commit).toList());
            batch.forEach(pending -> pending.done().complete(null));
            return;
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchFailed);
                return;
            }
            LOG.warn("A batch of {} commits failed; retrying them one by one", batch.size(), batchFailed);
        }
        for (Pending pending : batch) {
            try {
                store.append(List.of(pending.commit()));
                pending.done().complete(null);
            } catch (RuntimeException failed) {
                pending.done().completeExceptionally(failed);
            }
        }
    }

    /** Writes what is queued, then stops the thread. The store itself is the caller's to close. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
