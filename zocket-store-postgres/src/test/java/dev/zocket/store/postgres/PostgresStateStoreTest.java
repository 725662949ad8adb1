package dev.zocket.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoreException;
import dev.zocket.server.persistence.StoredState;
import dev.zocket.store.tck.StateStoreContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract, against a database of its own on a real PostgreSQL server for each test. */
@ExtendWith(PostgresExtension.class)
class PostgresStateStoreTest extends StateStoreContract {

    private final PostgresSettings settings;

    PostgresStateStoreTest(TestDatabase database) {
        this.settings = new PostgresSettings(database.jdbcUrl(), database.user(), null);
    }

    @Override
    protected StateStore createEmptyStore() {
        return PostgresStateStore.open(settings);
    }

    @Override
    protected Optional<StateStore> reopen() {
        return Optional.of(PostgresStateStore.open(settings));
    }

    /** The store writes each instance's row once per batch: interleaved versions must still land. */
    @Test
    void aLargeInterleavedBatchStoresEveryChangeAndTheLastSnapshot() {
        store().append(List.of(commit("Counter", "i0", 1, "{\"count\":1}")));
        List<Commit> batch = new ArrayList<>();
        for (long version = 1; version <= 10; version++) {
            for (int instance = 0; instance < 50; instance++) {
                long stored = instance == 0 ? version + 1 : version;
                batch.add(commit("Counter", "i" + instance, stored, "{\"count\":" + stored + "}"));
            }
        }

        store().append(batch);

        for (int instance = 0; instance < 50; instance++) {
            long last = instance == 0 ? 11 : 10;
            assertEquals(Optional.of(new StoredState(last, "{\"count\":" + last + "}")), store().load("Counter", "i" + instance));
            assertEquals(LongStream.iterate(last, v -> v >= 1, v -> v - 1).boxed().toList(),
                    store().history("Counter", "i" + instance, Long.MAX_VALUE, 100).stream().map(Change::version).toList());
        }
    }

    @Test
    void aGapInsideOneBatchRejectsTheWholeBatch() {
        List<Commit> withGap = List.of(commit("Counter", "b", 1, "{}"), commit("Counter", "a", 1, "{}"),
                commit("Counter", "a", 3, "{}"));

        assertThrows(StoreException.class, () -> store().append(withGap));

        assertEquals(Optional.empty(), store().load("Counter", "b"));
    }
}
