package dev.zocket.server.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.MemoryStateStore;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The group-commit thread: batches what waits, isolates a refused change, applies retention. */
@Timeout(30)
class CommitterTest {

    /** Records batch sizes; the first append waits for the gate. */
    private static final class GatedStore extends ForwardingStore {
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch firstAppendStarted = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        volatile CountDownLatch pruned = new CountDownLatch(1);

        @Override
        public void append(List<Commit> batch) {
            batches.add(batch.size());
            firstAppendStarted.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.append(batch);
        }

        @Override
        public long prune(Retention retention, Instant now) {
            long removed = super.prune(retention, now);
            pruned.countDown();
            return removed;
        }
    }

    @Test
    void commitsThatWaitedGoInOneBatch() throws Exception {
        GatedStore store = new GatedStore();
        Committer committer = new Committer(store, Retention.forever(), Duration.ofMinutes(1));
        try {
            CompletableFuture<Void> first = committer.submit(commit("a", 1));
            assertTrue(store.firstAppendStarted.await(10, TimeUnit.SECONDS));
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                waiting.add(committer.submit(commit("b" + i, 1)));
            }
            store.gate.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (CompletableFuture<Void> each : waiting) {
                each.get(10, TimeUnit.SECONDS);
            }
            assertEquals(List.of(1, 10), store.batches);
        } finally {
            committer.close();
        }
    }

    @Test
    void aRefusedChangeFailsAloneAndTheOthersLand() throws Exception {
        GatedStore store = new GatedStore();
        Committer committer = new Committer(store, Retention.forever(), Duration.ofMinutes(1));
        try {
            CompletableFuture<Void> first = committer.submit(commit("a", 1));
            assertTrue(store.firstAppendStarted.await(10, TimeUnit.SECONDS));
            CompletableFuture<Void> good = committer.submit(commit("b", 1));
            CompletableFuture<Void> gap = committer.submit(commit("c", 5));
            store.gate.countDown();
            first.get(10, TimeUnit.SECONDS);
            good.get(10, TimeUnit.SECONDS);
            ExecutionException refused = assertThrows(ExecutionException.class, () -> gap.get(10, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof StoreException);
            assertEquals(1, store.load("counter", "b").orElseThrow().version());
        } finally {
            committer.close();
        }
    }

    @Test
    void retentionIsAppliedBetweenBatches() throws Exception {
        GatedStore store = new GatedStore();
        store.gate.countDown();
        Committer committer = new Committer(store, Retention.lastChanges(1), Duration.ofMillis(20));
        try {
            committer.submit(commit("a", 1)).get(10, TimeUnit.SECONDS);
            committer.submit(commit("a", 2)).get(10, TimeUnit.SECONDS);
            CountDownLatch prunedAfterBoth = new CountDownLatch(1);
            store.pruned = prunedAfterBoth;
            assertTrue(prunedAfterBoth.await(10, TimeUnit.SECONDS));
            assertEquals(1, store.history("counter", "a", Long.MAX_VALUE, 10).size());
            assertEquals(2, store.load("counter", "a").orElseThrow().version());
        } finally {
            committer.close();
        }
    }

    @Test
    void afterCloseSubmissionsFail() {
        Committer committer = new Committer(new MemoryStateStore(), Retention.forever(), Duration.ofMinutes(1));
        committer.close();
        assertTrue(committer.submit(commit("a", 1)).isCompletedExceptionally());
    }

    private static Commit commit(String id, long version) {
        return new Commit(new Change("counter", id, version, Instant.now(), null, "increment", "[]"), "{}");
    }
}
