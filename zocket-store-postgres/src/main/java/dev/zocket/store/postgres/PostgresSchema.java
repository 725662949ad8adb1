package dev.zocket.store.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and migrates the tables the PostgreSQL store keeps actor state in. The store runs
 * {@link #migrate(Connection)} when it opens, so a database needs no set-up beyond a role that may
 * create tables in it.
 *
 * <p>Migrations are numbered from 1 and applied in order, each in the same transaction that
 * records it in {@code zocket_schema_version}; a transaction-scoped advisory lock makes servers
 * that start together against one database migrate one after the other. A database migrated by a
 * newer Zocket than this one is refused, untouched.
 *
 * <p>Tables, one row per actor instance and one per change:
 * <ul>
 *   <li>{@code zocket_instance(actor_type, actor_id, version, snapshot, updated_at)}: the latest
 *       snapshot, as the JSON the runtime wrote, and its version;
 *   <li>{@code zocket_change(actor_type, actor_id, version, committed_at, caller, method, patch,
 *       idempotency_key)}: the append-only log, one JSON Patch per version. Its primary key makes a
 *       version impossible to store twice and serves the history, read newest first.
 * </ul>
 */
public final class PostgresSchema {

    /** The newest schema version this code knows; a database at a higher one is refused. */
    public static final int CURRENT_VERSION = 2;

    /** An arbitrary constant naming the advisory lock that serialises migrations. */
    private static final long MIGRATION_LOCK = 0x7a6f636b6574L; // "zocket"

    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE zocket_instance (
                        actor_type text NOT NULL,
                        actor_id text NOT NULL,
                        version bigint NOT NULL CHECK (version >= 0),
                        snapshot text NOT NULL,
                        updated_at timestamptz NOT NULL,
                        PRIMARY KEY (actor_type, actor_id)
                    )""",
                    """
                    CREATE TABLE zocket_change (
                        actor_type text NOT NULL,
                        actor_id text NOT NULL,
                        version bigint NOT NULL CHECK (version > 0),
                        committed_at timestamptz NOT NULL,
                        caller text,
                        method text NOT NULL,
                        patch text NOT NULL,
                        idempotency_key text,
                        PRIMARY KEY (actor_type, actor_id, version)
                    )"""),
            // Exactly-once calls: what a repeat of a keyed call is checked against and answered with.
            List.of("ALTER TABLE zocket_change ADD COLUMN request_digest text",
                    "ALTER TABLE zocket_change ADD COLUMN result text"));

    private PostgresSchema() {
    }

    /**
     * Brings the database the connection points at to {@link #CURRENT_VERSION}, committing each
     * migration on its own. Leaves the connection in auto-commit mode.
     *
     * @return the schema version the database was at before
     * @throws SQLException if a statement fails (that migration is rolled back), or the database
     *     was migrated by a newer version of Zocket
     */
    public static int migrate(Connection connection) throws SQLException {
        int initial = -1;
        connection.setAutoCommit(false);
        try {
            while (true) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
                    // Under the lock: concurrent CREATE TABLE IF NOT EXISTS can still collide.
                    statement.execute("CREATE TABLE IF NOT EXISTS zocket_schema_version ("
                            + "version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
                    int version = currentVersion(statement);
                    if (initial < 0) {
                        initial = version;
                    }
                    if (version > CURRENT_VERSION) {
                        throw new SQLException("The database's Zocket schema is at version " + version
                                + ", newer than the " + CURRENT_VERSION + " this store knows; upgrade Zocket"
                                + " rather than run an older one against it.");
                    }
                    if (version == CURRENT_VERSION) {
                        connection.commit();
                        return initial;
                    }
                    for (String sql : MIGRATIONS.get(version)) {
                        statement.execute(sql);
                    }
                    statement.execute("INSERT INTO zocket_schema_version (version) VALUES (" + (version + 1) + ")");
                    connection.commit();
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static int currentVersion(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT coalesce(max(version), 0) FROM zocket_schema_version")) {
            result.next();
            return result.getInt(1);
        }
    }
}
