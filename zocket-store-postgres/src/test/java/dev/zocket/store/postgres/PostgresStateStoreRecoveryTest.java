package dev.zocket.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.StoreException;
import dev.zocket.server.persistence.StoredState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store outlives the database dropping its connections, as a restart or failover does. */
@ExtendWith(PostgresExtension.class)
class PostgresStateStoreRecoveryTest {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @RepeatedTest(3)
    void eachConnectionFailsOneCallThenReconnects(TestDatabase database) throws SQLException {
        try (PostgresStateStore store = PostgresStateStore.open(new PostgresSettings(database.jdbcUrl(), database.user(), null))) {
            store.append(List.of(commit(1, "{\"count\":1}")));
            assertEquals(Optional.of(new StoredState(1, "{\"count\":1}")), store.load("Counter", "a"));

            dropTheStoresConnections(database);

            assertThrows(StoreException.class, () -> store.load("Counter", "a"));
            assertEquals(Optional.of(new StoredState(1, "{\"count\":1}")), store.load("Counter", "a"));
            assertThrows(StoreException.class, () -> store.append(List.of(commit(2, "{\"count\":2}"))));
            store.append(List.of(commit(2, "{\"count\":2}")));
            assertEquals(Optional.of(new StoredState(2, "{\"count\":2}")), store.load("Counter", "a"));
        }
    }

    private static void dropTheStoresConnections(TestDatabase database) throws SQLException {
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
            // pg_terminate_backend only signals: wait until the backends are gone.
            long remaining;
            do {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                    count.next();
                    remaining = count.getLong(1);
                }
            } while (remaining > 0);
        }
    }

    private static Commit commit(long version, String snapshot) {
        Change change = new Change("Counter", "a", version, T0.plusSeconds(version), "client-1", "increment",
                "[{\"op\":\"replace\",\"path\":\"/count\",\"value\":" + version + "}]");
        return new Commit(change, snapshot);
    }
}
