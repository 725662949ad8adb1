package dev.zocket.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the store's tables. SQLite's {@code user_version} records how many steps
 * a database has had; opening runs the missing ones in one transaction, so a database written by
 * an older store is brought forward and one from a newer store is refused.
 */
final class Schema {

    private static final List<List<String>> STEPS = List.of(List.of(
            """
            CREATE TABLE instances (
              actor_type TEXT NOT NULL,
              instance_id TEXT NOT NULL,
              version INTEGER NOT NULL,
              snapshot TEXT NOT NULL,
              PRIMARY KEY (actor_type, instance_id)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE changes (
              actor_type TEXT NOT NULL,
              instance_id TEXT NOT NULL,
              version INTEGER NOT NULL,
              time_millis INTEGER NOT NULL,
              caller TEXT,
              method TEXT NOT NULL,
              patch TEXT NOT NULL,
              idempotency_key TEXT,
              PRIMARY KEY (actor_type, instance_id, version)
            ) WITHOUT ROWID""",
            "CREATE INDEX changes_by_time ON changes (time_millis)"),
            // Exactly-once calls: what a repeat of a keyed call is checked against and answered with.
            List.of("ALTER TABLE changes ADD COLUMN request_digest TEXT",
                    "ALTER TABLE changes ADD COLUMN result TEXT"));

    private Schema() {}

    static void migrate(Connection connection) throws SQLException {
        int current;
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("PRAGMA user_version")) {
            current = result.next() ? result.getInt(1) : 0;
        }
        if (current > STEPS.size()) {
            throw new SQLException("the database has schema version " + current + ", newer than this store's "
                    + STEPS.size());
        }
        if (current == STEPS.size()) {
            return;
        }
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (int step = current; step < STEPS.size(); step++) {
                for (String sql : STEPS.get(step)) {
                    statement.execute(sql);
                }
            }
            statement.execute("PRAGMA user_version = " + STEPS.size());
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
