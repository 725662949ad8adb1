package dev.zocket.server.internal.runtime;

import dev.zocket.protocol.RpcResult;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The outcomes of one instance's recent calls that carried an idempotency key, so that a repeat
 * of a key is answered with what the first call returned instead of running again. Bounded in
 * count, bytes and age; what falls out is forgotten, and a repeat of its key runs as a new call.
 *
 * <p>Used only inside the instance's mailbox messages: not thread-safe.
 */
final class CallOutcomes {

    /** One remembered outcome. {@code result} carries the first call's id; a replay takes the new one. */
    record Outcome(String requestDigest, RpcResult result, int bytes, long recordedNanos) {}

    private final int maxCount;
    private final long maxBytes;
    private final long retentionNanos;
    private final LinkedHashMap<String, Outcome> byKey = new LinkedHashMap<>();
    private long bytes;

    CallOutcomes(int maxCount, long maxBytes, Duration retention) {
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
        this.retentionNanos = retention.toNanos();
    }

    /** The outcome remembered for {@code key}, or {@code null}; forgets what has aged out first. */
    Outcome find(String key, long nowNanos) {
        expire(nowNanos);
        return byKey.get(key);
    }

    /**
     * Remembers an outcome. The newest outcome is always kept, even alone past the byte bound: a
     * caller waiting for its answer must be able to repeat its key at least once.
     */
    void record(String key, Outcome outcome) {
        Outcome replaced = byKey.remove(key);
        if (replaced != null) {
            bytes -= replaced.bytes();
        }
        byKey.put(key, outcome);
        bytes += outcome.bytes();
        Iterator<Outcome> oldestFirst = byKey.values().iterator();
        while ((byKey.size() > maxCount || bytes > maxBytes) && byKey.size() > 1) {
            bytes -= oldestFirst.next().bytes();
            oldestFirst.remove();
        }
    }

    int size() {
        return byKey.size();
    }

    private void expire(long nowNanos) {
        Iterator<Outcome> oldestFirst = byKey.values().iterator();
        while (oldestFirst.hasNext()) {
            Outcome oldest = oldestFirst.next();
            if (nowNanos - oldest.recordedNanos() < retentionNanos) {
                return;
            }
            bytes -= oldest.bytes();
            oldestFirst.remove();
        }
    }
}
