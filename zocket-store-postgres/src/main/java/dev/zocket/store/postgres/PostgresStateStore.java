package dev.zocket.store.postgres;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoreException;
import dev.zocket.server.persistence.StoredState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link StateStore} in PostgreSQL, over the tables of {@link PostgresSchema}, which it creates
 * or migrates when it opens.
 *
 * <p>It holds two connections and no pool: one for {@link #append}, which the runtime's group
 * committer calls from one thread, one batch per transaction; one for reads (activation loads,
 * the history API), which are short. Each is used under its own lock, so reads never wait for a
 * commit. A connection that failed is closed and replaced on its next use, so the store recovers
 * when the database restarts. Thread-safe.
 */
public final class PostgresStateStore implements StateStore {

    private final ConnectionSlot writer;
    private final ConnectionSlot reader;

    private PostgresStateStore(ConnectionSlot writer, ConnectionSlot reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /**
     * Connects, creates or migrates the schema, and returns the store.
     *
     * @param settings where the database is and who to connect as
     * @throws StoreException if the database cannot be reached or migrated
     */
    public static PostgresStateStore open(PostgresSettings settings) {
        ConnectionSlot writer = new ConnectionSlot(settings);
        ConnectionSlot reader = new ConnectionSlot(settings);
        try {
            PostgresSchema.migrate(writer.connection());
        } catch (SQLException e) {
            writer.close();
            throw new StoreException("could not prepare the Zocket schema in " + settings.url() + ": " + e.getMessage(), e);
        }
        return new PostgresStateStore(writer, reader);
    }

    @Override
    public Optional<StoredState> load(String actorType, String instanceId) {
        return reader.read("load " + actorType + "/" + instanceId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT version, snapshot FROM zocket_instance WHERE actor_type = ? AND actor_id = ?")) {
                query.setString(1, actorType);
                query.setString(2, instanceId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(new StoredState(row.getLong(1), row.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void append(List<Commit> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<InstanceWrite> writes = InstanceWrite.collapse(batch);
        writer.transaction("append " + batch.size() + " changes", connection -> {
            // One write per instance, so the batches' order does not matter: three round trips
            // commit a whole group, however many changes and instances it holds.
            try (PreparedStatement create = connection.prepareStatement(
                            "INSERT INTO zocket_instance (actor_type, actor_id, version, snapshot, updated_at)"
                                    + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (actor_type, actor_id) DO NOTHING");
                    PreparedStatement advance = connection.prepareStatement(
                            "UPDATE zocket_instance SET version = ?, snapshot = ?, updated_at = ?"
                                    + " WHERE actor_type = ? AND actor_id = ? AND version = ?");
                    PreparedStatement log = connection.prepareStatement(
                            "INSERT INTO zocket_change (actor_type, actor_id, version, committed_at, caller, method,"
                                    + " patch, idempotency_key, request_digest, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                List<InstanceWrite> created = new ArrayList<>();
                List<InstanceWrite> advanced = new ArrayList<>();
                for (InstanceWrite write : writes) {
                    if (write.fromVersion() == 0) {
                        create.setString(1, write.actorType());
                        create.setString(2, write.instanceId());
                        create.setLong(3, write.toVersion());
                        create.setString(4, write.snapshot());
                        create.setObject(5, utc(write.time()));
                        create.addBatch();
                        created.add(write);
                    } else {
                        advance.setLong(1, write.toVersion());
                        advance.setString(2, write.snapshot());
                        advance.setObject(3, utc(write.time()));
                        advance.setString(4, write.actorType());
                        advance.setString(5, write.instanceId());
                        advance.setLong(6, write.fromVersion());
                        advance.addBatch();
                        advanced.add(write);
                    }
                }
                requireOneRowEach(create, created);
                requireOneRowEach(advance, advanced);
                for (Commit commit : batch) {
                    Change change = commit.change();
                    log.setString(1, change.actorType());
                    log.setString(2, change.instanceId());
                    log.setLong(3, change.version());
                    log.setObject(4, utc(change.time()));
                    log.setString(5, change.caller());
                    log.setString(6, change.method());
                    log.setString(7, change.patch());
                    log.setString(8, change.idempotencyKey());
                    log.setString(9, change.requestDigest());
                    log.setString(10, change.result());
                    log.addBatch();
                }
                log.executeBatch();
            }
            return null;
        });
    }

    /** Runs a batch of instance writes; one that matched no row had a version that did not follow. */
    private static void requireOneRowEach(PreparedStatement statement, List<InstanceWrite> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        int[] rows = statement.executeBatch();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != 1) {
                InstanceWrite write = writes.get(i);
                throw new StoreException("version " + (write.fromVersion() + 1) + " of " + write.actorType() + "/"
                        + write.instanceId() + " does not follow the stored version");
            }
        }
    }

    private static OffsetDateTime utc(Instant time) {
        return OffsetDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    @Override
    public List<String> instances(String actorType, String after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // COLLATE "C": pages follow code-point order whatever the database's locale.
        String sql = "SELECT actor_id FROM zocket_instance WHERE actor_type = ?"
                + (after == null ? "" : " AND actor_id COLLATE \"C\" > ?")
                + " ORDER BY actor_id COLLATE \"C\" LIMIT ?";
        return reader.read("list instances of " + actorType, connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int parameter = 1;
                query.setString(parameter++, actorType);
                if (after != null) {
                    query.setString(parameter++, after);
                }
                query.setInt(parameter, limit);
                List<String> ids = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public List<Change> history(String actorType, String instanceId, long before, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return reader.read("read the history of " + actorType + "/" + instanceId, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT version, committed_at, caller, method, patch, idempotency_key, request_digest, result FROM zocket_change"
                            + " WHERE actor_type = ? AND actor_id = ? AND version < ? ORDER BY version DESC LIMIT ?")) {
                query.setString(1, actorType);
                query.setString(2, instanceId);
                query.setLong(3, before);
                query.setInt(4, limit);
                List<Change> changes = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Instant time = rows.getObject(2, OffsetDateTime.class).toInstant();
                        changes.add(new Change(actorType, instanceId, rows.getLong(1), time, rows.getString(3),
                                rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                                rows.getString(8)));
                    }
                }
                return changes;
            }
        });
    }

    @Override
    public long prune(Retention retention, Instant now) {
        if (retention.keepsEverything()) {
            return 0;
        }
        return writer.transaction("prune the change log", connection -> {
            long removed = 0;
            if (retention.keepLast() != Integer.MAX_VALUE) {
                // Versions are contiguous, so the last N changes are those within N of the snapshot's.
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM zocket_change c USING zocket_instance i"
                                + " WHERE c.actor_type = i.actor_type AND c.actor_id = i.actor_id"
                                + " AND c.version <= i.version - ?")) {
                    delete.setLong(1, retention.keepLast());
                    removed += delete.executeUpdate();
                }
            }
            if (retention.keepFor() != null) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM zocket_change WHERE committed_at < ?")) {
                    delete.setObject(1, utc(now.minus(retention.keepFor())));
                    removed += delete.executeUpdate();
                }
            }
            return removed;
        });
    }

    @Override
    public void close() {
        writer.close();
        reader.close();
    }
}
