package dev.zocket.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresSchemaTest {

    @Test
    void createsTheTablesInAnEmptyDatabase(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            assertEquals(0, PostgresSchema.migrate(connection));

            assertTrue(tableExists(connection, "zocket_instance"));
            assertTrue(tableExists(connection, "zocket_change"));
            assertEquals(PostgresSchema.CURRENT_VERSION, schemaVersion(connection));
            assertTrue(connection.getAutoCommit());
        }
    }

    @Test
    void migratingAgainChangesNothing(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            PostgresSchema.migrate(connection);
            insertChange(connection, 1);

            assertEquals(PostgresSchema.CURRENT_VERSION, PostgresSchema.migrate(connection));

            assertEquals(1, count(connection, "SELECT count(*) FROM zocket_change"));
            assertEquals(PostgresSchema.CURRENT_VERSION, count(connection, "SELECT count(*) FROM zocket_schema_version"),
                    "one row per migration");
        }
    }

    @Test
    void theChangeLogRefusesAVersionTwice(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            PostgresSchema.migrate(connection);
            insertChange(connection, 1);

            SQLException duplicate = assertThrows(SQLException.class, () -> insertChange(connection, 1));

            assertEquals("23505", duplicate.getSQLState(), "unique_violation");
        }
    }

    @RepeatedTest(5)
    void serversStartingTogetherMigrateOnce(TestDatabase database) throws Exception {
        int servers = 4;
        CountDownLatch ready = new CountDownLatch(servers);
        ExecutorService threads = Executors.newFixedThreadPool(servers);
        try {
            List<Future<Integer>> migrations = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                Callable<Integer> migration = () -> {
                    try (Connection connection = database.connect()) {
                        ready.countDown();
                        ready.await();
                        return PostgresSchema.migrate(connection);
                    }
                };
                migrations.add(threads.submit(migration));
            }
            List<Integer> before = new ArrayList<>();
            for (Future<Integer> migration : migrations) {
                before.add(migration.get());
            }

            assertEquals(1, before.stream().filter(version -> version == 0).count(), "exactly one migrated: " + before);
            try (Connection connection = database.connect()) {
                assertEquals(PostgresSchema.CURRENT_VERSION,
                        count(connection, "SELECT count(*) FROM zocket_schema_version"), "each migration once");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void refusesADatabaseMigratedByANewerZocketWithoutTouchingIt(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE zocket_schema_version (version integer PRIMARY KEY,"
                    + " applied_at timestamptz NOT NULL DEFAULT now())");
            statement.execute("INSERT INTO zocket_schema_version (version) VALUES (" + (PostgresSchema.CURRENT_VERSION + 1) + ")");

            SQLException refused = assertThrows(SQLException.class, () -> PostgresSchema.migrate(connection));

            assertTrue(refused.getMessage().contains("newer"), refused.getMessage());
            assertFalse(tableExists(connection, "zocket_instance"));
            assertEquals(PostgresSchema.CURRENT_VERSION + 1, schemaVersion(connection));
        }
    }

    private static void insertChange(Connection connection, long version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO zocket_change (actor_type, actor_id, version, committed_at, caller, method, patch)"
                    + " VALUES ('Counter', 'a', " + version + ", now(), 'client-1', 'increment',"
                    + " '[{\"op\":\"replace\",\"path\":\"/count\",\"value\":1}]')");
        }
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        return count(connection, "SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'") == 1;
    }

    private static int schemaVersion(Connection connection) throws SQLException {
        return (int) count(connection, "SELECT max(version) FROM zocket_schema_version");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
