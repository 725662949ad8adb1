package dev.zocket.store.sqlite;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoreException;
import dev.zocket.server.persistence.StoredState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StateStore} in one SQLite database file. SQLite has one writer at a time, so the store
 * holds one connection and serialises its operations on it; WAL journaling with {@code
 * synchronous=FULL} makes every {@link #append} durable (one fsync per batch) before it returns.
 * The store creates and migrates its tables itself.
 */
public final class SqliteStateStore implements StateStore {

    private final Connection connection;

    private SqliteStateStore(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the database at {@code file}, and the directories above it.
     *
     * @throws StoreException when the file cannot be opened or its schema is newer than this store
     */
    public static SqliteStateStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=5000");
                Schema.migrate(connection);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new SqliteStateStore(connection);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the SQLite store at " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<StoredState> load(String actorType, String instanceId) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, snapshot FROM instances WHERE actor_type = ? AND instance_id = ?")) {
            select.setString(1, actorType);
            select.setString(2, instanceId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new StoredState(row.getLong(1), row.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("load " + actorType + "/" + instanceId, e);
        }
    }

    @Override
    public synchronized void append(List<Commit> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            try {
                write(batch);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("append " + batch.size() + " changes", e);
        }
    }

    private void write(List<Commit> batch) throws SQLException {
        Map<String, Long> versions = new HashMap<>();
        try (PreparedStatement stored = connection.prepareStatement(
                     "SELECT version FROM instances WHERE actor_type = ? AND instance_id = ?");
             PreparedStatement insertChange = connection.prepareStatement(
                     "INSERT INTO changes (actor_type, instance_id, version, time_millis, caller, method, patch,"
                             + " idempotency_key, request_digest, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement upsertState = connection.prepareStatement(
                     "INSERT INTO instances (actor_type, instance_id, version, snapshot) VALUES (?, ?, ?, ?)"
                             + " ON CONFLICT (actor_type, instance_id) DO UPDATE SET version = excluded.version,"
                             + " snapshot = excluded.snapshot")) {
            for (Commit commit : batch) {
                Change change = commit.change();
                String key = change.actorType() + '\u0000' + change.instanceId();
                Long known = versions.get(key);
                long previous = known != null ? known : storedVersion(stored, change);
                if (change.version() != previous + 1) {
                    throw new StoreException("version " + change.version() + " of " + change.actorType() + "/"
                            + change.instanceId() + " does not follow the stored version " + previous);
                }
                versions.put(key, change.version());
                insertChange.setString(1, change.actorType());
                insertChange.setString(2, change.instanceId());
                insertChange.setLong(3, change.version());
                insertChange.setLong(4, change.time().toEpochMilli());
                setNullable(insertChange, 5, change.caller());
                insertChange.setString(6, change.method());
                insertChange.setString(7, change.patch());
                setNullable(insertChange, 8, change.idempotencyKey());
                setNullable(insertChange, 9, change.requestDigest());
                setNullable(insertChange, 10, change.result());
                insertChange.executeUpdate();
                upsertState.setString(1, change.actorType());
                upsertState.setString(2, change.instanceId());
                upsertState.setLong(3, change.version());
                upsertState.setString(4, commit.snapshot());
                upsertState.executeUpdate();
            }
        }
    }

    private static long storedVersion(PreparedStatement stored, Change change) throws SQLException {
        stored.setString(1, change.actorType());
        stored.setString(2, change.instanceId());
        try (ResultSet row = stored.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    @Override
    public synchronized List<String> instances(String actorType, String after, int limit) {
        List<String> ids = new ArrayList<>();
        if (limit <= 0) {
            return ids;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT instance_id FROM instances WHERE actor_type = ? AND (? IS NULL OR instance_id > ?)"
                        + " ORDER BY instance_id LIMIT ?")) {
            select.setString(1, actorType);
            setNullable(select, 2, after);
            setNullable(select, 3, after);
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw failure("list " + actorType, e);
        }
    }

    @Override
    public synchronized List<Change> history(String actorType, String instanceId, long before, int limit) {
        List<Change> changes = new ArrayList<>();
        if (limit <= 0) {
            return changes;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, time_millis, caller, method, patch, idempotency_key, request_digest, result FROM changes"
                        + " WHERE actor_type = ? AND instance_id = ? AND version < ? ORDER BY version DESC LIMIT ?")) {
            select.setString(1, actorType);
            select.setString(2, instanceId);
            select.setLong(3, before);
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(actorType, instanceId, rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getString(8)));
                }
            }
            return changes;
        } catch (SQLException e) {
            throw failure("read the history of " + actorType + "/" + instanceId, e);
        }
    }

    @Override
    public synchronized long prune(Retention retention, Instant now) {
        if (retention.keepsEverything()) {
            return 0;
        }
        try {
            long removed = 0;
            if (retention.keepLast() != Integer.MAX_VALUE) {
                // Versions are contiguous and end at the instance's version: the last N are those above it minus N.
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM changes WHERE version <= (SELECT i.version FROM instances i"
                                + " WHERE i.actor_type = changes.actor_type AND i.instance_id = changes.instance_id) - ?")) {
                    delete.setLong(1, retention.keepLast());
                    removed += delete.executeUpdate();
                }
            }
            if (retention.keepFor() != null) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM changes WHERE time_millis < ?")) {
                    delete.setLong(1, now.minus(retention.keepFor()).toEpochMilli());
                    removed += delete.executeUpdate();
                }
            }
            return removed;
        } catch (SQLException e) {
            throw failure("prune", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static StoreException failure(String what, SQLException e) {
        return new StoreException("SQLite store cannot " + what + ": " + e.getMessage(), e);
    }
}
