package dev.zocket.server.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A store in the heap: nothing survives the process. For tests, and for servers that want the
 * history API without durability. All operations take one lock; {@link #append} checks a whole
 * batch before it changes anything, so a refused batch leaves no trace.
 */
public final class MemoryStateStore implements StateStore {

    private record Key(String actorType, String instanceId) {}

    private static final class Instance {
        StoredState state;
        final List<Change> log = new ArrayList<>();
    }

    private final Map<String, TreeMap<String, Instance>> types = new HashMap<>();
    private boolean closed;

    @Override
    public synchronized Optional<StoredState> load(String actorType, String instanceId) {
        ensureOpen();
        Instance instance = find(actorType, instanceId);
        return instance == null ? Optional.empty() : Optional.of(instance.state);
    }

    @Override
    public synchronized void append(List<Commit> batch) {
        ensureOpen();
        Map<Key, Long> versions = new HashMap<>();
        for (Commit commit : batch) {
            Change change = commit.change();
            Key key = new Key(change.actorType(), change.instanceId());
            long stored = versions.computeIfAbsent(key, k -> storedVersion(k.actorType(), k.instanceId()));
            if (change.version() != stored + 1) {
                throw new StoreException("version " + change.version() + " of " + change.actorType() + "/"
                        + change.instanceId() + " does not follow the stored version " + stored);
            }
            versions.put(key, change.version());
        }
        for (Commit commit : batch) {
            Change change = commit.change();
            Instance instance = types.computeIfAbsent(change.actorType(), t -> new TreeMap<>())
                    .computeIfAbsent(change.instanceId(), i -> new Instance());
            instance.state = new StoredState(change.version(), commit.snapshot());
            instance.log.add(change);
        }
    }

    @Override
    public synchronized List<String> instances(String actorType, String after, int limit) {
        ensureOpen();
        TreeMap<String, Instance> instances = types.get(actorType);
        if (instances == null || limit <= 0) {
            return List.of();
        }
        var tail = after == null ? instances : instances.tailMap(after, false);
        return tail.keySet().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<Change> history(String actorType, String instanceId, long before, int limit) {
        ensureOpen();
        Instance instance = find(actorType, instanceId);
        List<Change> newestFirst = new ArrayList<>();
        if (instance == null) {
            return newestFirst;
        }
        for (int i = instance.log.size() - 1; i >= 0 && newestFirst.size() < limit; i--) {
            Change change = instance.log.get(i);
            if (change.version() < before) {
                newestFirst.add(change);
            }
        }
        return newestFirst;
    }

    @Override
    public synchronized long prune(Retention retention, Instant now) {
        ensureOpen();
        if (retention.keepsEverything()) {
            return 0;
        }
        Instant cutoff = retention.keepFor() == null ? null : now.minus(retention.keepFor());
        long removed = 0;
        for (TreeMap<String, Instance> instances : types.values()) {
            for (Instance instance : instances.values()) {
                List<Change> log = instance.log;
                int beyondCount = Math.max(0, log.size() - retention.keepLast());
                List<Change> kept = new ArrayList<>();
                for (int i = 0; i < log.size(); i++) {
                    Change change = log.get(i);
                    boolean tooOld = cutoff != null && change.time().isBefore(cutoff);
                    if (i >= beyondCount && !tooOld) {
                        kept.add(change);
                    }
                }
                removed += log.size() - kept.size();
                log.clear();
                log.addAll(kept);
            }
        }
        return removed;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private long storedVersion(String actorType, String instanceId) {
        Instance instance = find(actorType, instanceId);
        return instance == null ? 0 : instance.state.version();
    }

    private Instance find(String actorType, String instanceId) {
        TreeMap<String, Instance> instances = types.get(actorType);
        return instances == null ? null : instances.get(instanceId);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store is closed");
        }
    }
}
