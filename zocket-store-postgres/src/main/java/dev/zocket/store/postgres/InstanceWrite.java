package dev.zocket.store.postgres;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one batch does to one instance's row: moves it from {@code fromVersion} (0: the row does
 * not exist yet) to {@code toVersion}, with the snapshot and time of the last change.
 */
record InstanceWrite(String actorType, String instanceId, long fromVersion, long toVersion, String snapshot, Instant time) {

    private record Key(String actorType, String instanceId) {}

    /**
     * One write per instance of {@code batch}, in the order instances first appear.
     *
     * @throws StoreException if an instance's versions in the batch are not consecutive
     */
    static List<InstanceWrite> collapse(List<Commit> batch) {
        Map<Key, InstanceWrite> writes = new LinkedHashMap<>();
        for (Commit commit : batch) {
            Change change = commit.change();
            Key key = new Key(change.actorType(), change.instanceId());
            InstanceWrite previous = writes.get(key);
            if (previous != null && change.version() != previous.toVersion() + 1) {
                throw new StoreException("version " + change.version() + " of " + change.actorType() + "/"
                        + change.instanceId() + " does not follow version " + previous.toVersion() + " in the same batch");
            }
            long from = previous != null ? previous.fromVersion() : change.version() - 1;
            writes.put(key, new InstanceWrite(change.actorType(), change.instanceId(), from, change.version(),
                    commit.snapshot(), change.time()));
        }
        return new ArrayList<>(writes.values());
    }
}
