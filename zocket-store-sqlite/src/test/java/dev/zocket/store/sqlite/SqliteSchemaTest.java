package dev.zocket.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written by an older store is brought forward without losing a row; a newer one is refused. */
class SqliteSchemaTest {

    @TempDir
    Path directory;

    /** The schema as the first release of the store wrote it, with one change in it. */
    private void writeFirstReleaseFile(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE instances (actor_type TEXT NOT NULL, instance_id TEXT NOT NULL,"
                    + " version INTEGER NOT NULL, snapshot TEXT NOT NULL, PRIMARY KEY (actor_type, instance_id))"
                    + " WITHOUT ROWID");
            statement.execute("CREATE TABLE changes (actor_type TEXT NOT NULL, instance_id TEXT NOT NULL,"
                    + " version INTEGER NOT NULL, time_millis INTEGER NOT NULL, caller TEXT, method TEXT NOT NULL,"
                    + " patch TEXT NOT NULL, idempotency_key TEXT, PRIMARY KEY (actor_type, instance_id, version))"
                    + " WITHOUT ROWID");
            statement.execute("CREATE INDEX changes_by_time ON changes (time_millis)");
            statement.execute("INSERT INTO instances VALUES ('counter', 'a', 1, '{\"count\":1}')");
            statement.execute("INSERT INTO changes VALUES ('counter', 'a', 1, 1000, 'alice', 'increment',"
                    + " '[{\"op\":\"replace\",\"path\":\"/count\",\"value\":1}]', NULL)");
            statement.execute("PRAGMA user_version = 1");
        }
    }

    @Test
    void aFirstReleaseFileGainsTheColumnsOfKeyedCallsAndKeepsItsRows() throws Exception {
        Path file = directory.resolve("old.db");
        writeFirstReleaseFile(file);

        try (SqliteStateStore store = SqliteStateStore.open(file)) {
            Change old = store.history("counter", "a", Long.MAX_VALUE, 10).get(0);
            assertEquals(1, old.version());
            assertNull(old.requestDigest());
            assertNull(old.result());

            Change keyed = new Change("counter", "a", 2, Instant.ofEpochMilli(2000), "alice", "add", "[]", "k-1",
                    "digest", "2");
            store.append(List.of(new Commit(keyed, "{\"count\":2}")));
            assertEquals(keyed, store.history("counter", "a", Long.MAX_VALUE, 1).get(0));
        }
    }

    @Test
    void aFileFromANewerStoreIsRefused() throws Exception {
        Path file = directory.resolve("newer.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        StoreException refused = assertThrows(StoreException.class, () -> SqliteStateStore.open(file));
        assertTrue(String.valueOf(refused.getMessage()).contains("newer")
                || String.valueOf(refused.getCause()).contains("newer"), refused.toString());
    }
}
