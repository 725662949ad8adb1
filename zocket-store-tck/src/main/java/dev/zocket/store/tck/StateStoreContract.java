package dev.zocket.store.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoreException;
import dev.zocket.server.persistence.StoredState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link StateStore}: every store's tests extend this class and pass it unchanged.
 * A subclass says how to make a store over empty storage, and, if the store is durable, how to
 * open the same storage again after closing it.
 *
 * <p>Times are compared at millisecond precision, the least a store must keep.
 */
public abstract class StateStoreContract {

    /** Base time of the changes the tests write; whole milliseconds. */
    protected static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    private StateStore store;

    /** A new store over empty storage. Called once before each test. */
    protected abstract StateStore createEmptyStore() throws Exception;

    /**
     * Opens the storage of the store {@link #createEmptyStore} made, after the test closed it: a
     * durable store returns a new store over the same data. The default says the store is not
     * durable, which skips the tests of durability.
     */
    protected Optional<StateStore> reopen() throws Exception {
        return Optional.empty();
    }

    @BeforeEach
    void openStore() throws Exception {
        store = createEmptyStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    /** The store under test. */
    protected StateStore store() {
        return store;
    }

    @Test
    void anInstanceThatNeverCommittedHasNoState() {
        assertEquals(Optional.empty(), store.load("Counter", "a"));
        assertEquals(List.of(), store.history("Counter", "a", Long.MAX_VALUE, 10));
        assertEquals(List.of(), store.instances("Counter", null, 10));
    }

    @Test
    void loadReturnsTheLatestSnapshotAndVersion() {
        store.append(List.of(commit("Counter", "a", 1, "{\"count\":1}")));
        store.append(List.of(commit("Counter", "a", 2, "{\"count\":2}")));

        assertEquals(Optional.of(new StoredState(2, "{\"count\":2}")), store.load("Counter", "a"));
    }

    @Test
    void oneBatchCarriesChangesOfManyInstancesAndConsecutiveChangesOfOne() {
        store.append(List.of(
                commit("Counter", "a", 1, "{\"count\":1}"),
                commit("Counter", "b", 1, "{\"count\":10}"),
                commit("Counter", "a", 2, "{\"count\":2}"),
                commit("Room", "a", 1, "{\"players\":[]}")));

        assertEquals(Optional.of(new StoredState(2, "{\"count\":2}")), store.load("Counter", "a"));
        assertEquals(Optional.of(new StoredState(1, "{\"count\":10}")), store.load("Counter", "b"));
        assertEquals(Optional.of(new StoredState(1, "{\"players\":[]}")), store.load("Room", "a"));
    }

    @Test
    void theFirstVersionIsOne() {
        assertThrows(StoreException.class, () -> store.append(List.of(commit("Counter", "a", 2, "{}"))));
        assertEquals(Optional.empty(), store.load("Counter", "a"));
    }

    @Test
    void aVersionThatDoesNotFollowTheStoredOneIsRefused() {
        store.append(List.of(commit("Counter", "a", 1, "{\"count\":1}")));

        assertThrows(StoreException.class, () -> store.append(List.of(commit("Counter", "a", 1, "{\"count\":9}"))));
        assertThrows(StoreException.class, () -> store.append(List.of(commit("Counter", "a", 3, "{\"count\":9}"))));
        assertEquals(Optional.of(new StoredState(1, "{\"count\":1}")), store.load("Counter", "a"));
        assertEquals(1, store.history("Counter", "a", Long.MAX_VALUE, 10).size());
    }

    @Test
    void aRefusedBatchLeavesNoTrace() {
        store.append(List.of(commit("Counter", "b", 1, "{\"count\":1}")));

        assertThrows(StoreException.class, () -> store.append(List.of(
                commit("Counter", "a", 1, "{\"count\":1}"),
                commit("Counter", "b", 1, "{\"count\":5}"))));

        assertEquals(Optional.empty(), store.load("Counter", "a"));
        assertEquals(List.of(), store.history("Counter", "a", Long.MAX_VALUE, 10));
        assertEquals(Optional.of(new StoredState(1, "{\"count\":1}")), store.load("Counter", "b"));
        assertEquals(List.of("b"), store.instances("Counter", null, 10));
    }

    @Test
    void instancesAreListedPerTypeInIdOrderAndPaged() {
        for (String id : List.of("c", "a", "e", "b", "d")) {
            store.append(List.of(commit("Counter", id, 1, "{}")));
        }
        store.append(List.of(commit("Room", "z", 1, "{}")));

        assertEquals(List.of("a", "b", "c", "d", "e"), store.instances("Counter", null, 100));
        assertEquals(List.of("a", "b"), store.instances("Counter", null, 2));
        assertEquals(List.of("c", "d"), store.instances("Counter", "b", 2));
        assertEquals(List.of(), store.instances("Counter", "e", 2));
        assertEquals(List.of("z"), store.instances("Room", null, 100));
        assertEquals(List.of(), store.instances("Nobody", null, 100));
    }

    @Test
    void historyIsNewestFirstAndPagedByVersion() {
        for (int version = 1; version <= 7; version++) {
            store.append(List.of(commit("Counter", "a", version, "{\"count\":" + version + "}")));
        }

        assertEquals(List.of(7L, 6L, 5L), versions(store.history("Counter", "a", Long.MAX_VALUE, 3)));
        assertEquals(List.of(4L, 3L, 2L), versions(store.history("Counter", "a", 5, 3)));
        assertEquals(List.of(1L), versions(store.history("Counter", "a", 2, 3)));
        assertEquals(List.of(), versions(store.history("Counter", "a", 1, 3)));
        assertEquals(List.of(), versions(store.history("Counter", "a", Long.MAX_VALUE, 0)));
    }

    @Test
    void aChangeComesBackAsItWasWritten() {
        Change withEverything = new Change("Counter", "a", 1, T0, "alice", "increment",
                "[{\"op\":\"replace\",\"path\":\"/count\",\"value\":1}]", "key-1", "digest-1", "{\"count\":1,\"by\":\"é🎲\"}");
        Change fromATimer = new Change("Counter", "a", 2, T0.plusMillis(1), null, "onTimer",
                "[{\"op\":\"replace\",\"path\":\"/count\",\"value\":2}]");
        store.append(List.of(new Commit(withEverything, "{\"count\":1}"), new Commit(fromATimer, "{\"count\":2}")));

        List<Change> history = store.history("Counter", "a", Long.MAX_VALUE, 10);

        assertEquals(List.of(fromATimer, withEverything), history);
        assertNull(history.get(0).caller());
        assertNull(history.get(0).idempotencyKey());
        assertNull(history.get(0).result());
    }

    @Test
    void aKeyedChangeOfAVoidMethodKeepsItsDigestWithoutAResult() {
        Change voidCall = new Change("Counter", "a", 1, T0, "alice", "reset", "[]", "key-2", "digest-2", null);
        store.append(List.of(new Commit(voidCall, "{\"count\":0}")));

        assertEquals(List.of(voidCall), store.history("Counter", "a", Long.MAX_VALUE, 10));
    }

    @Test
    void textOutsideAsciiAndLargeSnapshotsSurviveUnchanged() {
        String id = "zimmer-ü-🎲-\"quoted\"";
        String snapshot = "{\"text\":\"" + "héllo 🌍 ".repeat(20_000) + "\"}";
        store.append(List.of(commit("Room", id, 1, snapshot)));

        assertEquals(Optional.of(new StoredState(1, snapshot)), store.load("Room", id));
        assertEquals(List.of(id), store.instances("Room", null, 10));
    }

    @Test
    void pruningKeepsTheLastChangesAndTheSnapshot() {
        for (int version = 1; version <= 5; version++) {
            store.append(List.of(commit("Counter", "a", version, "{\"count\":" + version + "}")));
        }
        store.append(List.of(commit("Counter", "b", 1, "{\"count\":1}")));

        long removed = store.prune(Retention.lastChanges(2), T0.plus(Duration.ofDays(1)));

        assertEquals(3, removed);
        assertEquals(List.of(5L, 4L), versions(store.history("Counter", "a", Long.MAX_VALUE, 10)));
        assertEquals(List.of(1L), versions(store.history("Counter", "b", Long.MAX_VALUE, 10)));
        assertEquals(Optional.of(new StoredState(5, "{\"count\":5}")), store.load("Counter", "a"));
    }

    @Test
    void pruningRemovesChangesOlderThanTheAge() {
        for (int version = 1; version <= 4; version++) {
            store.append(List.of(commit("Counter", "a", version, "{\"count\":" + version + "}")));
        }
        // Change n was made at T0 + n minutes; at T0 + 10 minutes, a 7.5-minute limit keeps 3 and 4.
        long removed = store.prune(Retention.younger(Duration.ofSeconds(450)), T0.plus(Duration.ofMinutes(10)));

        assertEquals(2, removed);
        assertEquals(List.of(4L, 3L), versions(store.history("Counter", "a", Long.MAX_VALUE, 10)));
    }

    @Test
    void versionsContinueAfterPruningEverything() {
        store.append(List.of(commit("Counter", "a", 1, "{\"count\":1}")));
        store.append(List.of(commit("Counter", "a", 2, "{\"count\":2}")));
        store.prune(Retention.lastChanges(0), T0);

        assertEquals(List.of(), store.history("Counter", "a", Long.MAX_VALUE, 10));
        assertEquals(List.of("a"), store.instances("Counter", null, 10));
        assertThrows(StoreException.class, () -> store.append(List.of(commit("Counter", "a", 1, "{}"))));
        store.append(List.of(commit("Counter", "a", 3, "{\"count\":3}")));
        assertEquals(Optional.of(new StoredState(3, "{\"count\":3}")), store.load("Counter", "a"));
    }

    @Test
    void keepingEverythingRemovesNothing() {
        store.append(List.of(commit("Counter", "a", 1, "{}")));

        assertEquals(0, store.prune(Retention.forever(), T0.plus(Duration.ofDays(10_000))));
        assertEquals(1, store.history("Counter", "a", Long.MAX_VALUE, 10).size());
    }

    @Test
    void concurrentAppendsOfDifferentInstancesAllLand() throws Exception {
        int threads = 4;
        int changesEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String id = "i" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int version = 1; version <= changesEach; version++) {
                        store.append(List.of(commit("Counter", id, version, "{\"count\":" + version + "}")));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < threads; t++) {
            assertEquals(changesEach, store.load("Counter", "i" + t).orElseThrow().version());
            assertEquals(changesEach, store.history("Counter", "i" + t, Long.MAX_VALUE, 1000).size());
        }
    }

    @Test
    void whatWasAppendedSurvivesReopening() throws Exception {
        store.append(List.of(commit("Counter", "a", 1, "{\"count\":1}"), commit("Counter", "a", 2, "{\"count\":2}")));
        store.close();
        Optional<StateStore> reopened = reopen();
        store = reopened.orElse(null);
        assumeTrue(reopened.isPresent(), "the store is not durable");

        assertEquals(Optional.of(new StoredState(2, "{\"count\":2}")), store.load("Counter", "a"));
        assertEquals(List.of(2L, 1L), versions(store.history("Counter", "a", Long.MAX_VALUE, 10)));
        store.append(List.of(commit("Counter", "a", 3, "{\"count\":3}")));
        assertTrue(store.load("Counter", "a").orElseThrow().version() == 3);
    }

    /** A change made at {@link #T0} plus {@code version} minutes, with its snapshot. */
    protected static Commit commit(String actorType, String id, long version, String snapshot) {
        Change change = new Change(actorType, id, version, T0.plus(Duration.ofMinutes(version)), "client-1",
                "set", "[{\"op\":\"replace\",\"path\":\"\",\"value\":" + snapshot + "}]");
        return new Commit(change, snapshot);
    }

    private static List<Long> versions(List<Change> changes) {
        return changes.stream().map(Change::version).toList();
    }
}
