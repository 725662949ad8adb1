package dev.zocket.server.internal.runtime;

import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.server.persistence.MemoryStateStore;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StateStore;
import dev.zocket.server.persistence.StoredState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An in-memory store that tests override one operation of. */
public class ForwardingStore implements StateStore {

    /** Where every operation goes; tests may also write to it directly, behind the server's back. */
    public final MemoryStateStore delegate = new MemoryStateStore();

    @Override
    public Optional<StoredState> load(String actorType, String instanceId) {
        return delegate.load(actorType, instanceId);
    }

    @Override
    public void append(List<Commit> batch) {
        delegate.append(batch);
    }

    @Override
    public List<String> instances(String actorType, String after, int limit) {
        return delegate.instances(actorType, after, limit);
    }

    @Override
    public List<Change> history(String actorType, String instanceId, long before, int limit) {
        return delegate.history(actorType, instanceId, before, limit);
    }

    @Override
    public long prune(Retention retention, Instant now) {
        return delegate.prune(retention, now);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
