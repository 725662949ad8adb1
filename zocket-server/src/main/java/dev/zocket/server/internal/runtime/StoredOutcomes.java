package dev.zocket.server.internal.runtime;

import dev.zocket.server.ServerLimits;
import dev.zocket.server.persistence.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the outcomes of keyed calls back from a durable change log, so that a call repeated
 * after a restart or a passivation is answered, not run a second time. Only calls that changed
 * the state are in the log; one that changed nothing had no effect to apply twice.
 */
final class StoredOutcomes {

    private static final int PAGE = 256;

    private StoredOutcomes() {}

    /** Adds the instance's keyed changes younger than the retention to {@code into}, oldest first. */
    static void read(Durability durability, InstanceKey key, ServerLimits limits, long nowNanos, CallOutcomes into) {
        Instant now = Instant.now();
        Instant oldest = now.minus(limits.callOutcomeRetention());
        List<Change> newestFirst = new ArrayList<>();
        long before = Long.MAX_VALUE;
        reading:
        while (newestFirst.size() < limits.maxCallOutcomes()) {
            List<Change> page = durability.history(key, before, PAGE);
            for (Change change : page) {
                if (change.time().isBefore(oldest)) {
                    break reading;
                }
                if (change.requestDigest() != null) {
                    newestFirst.add(change);
                }
                before = change.version();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Change change = newestFirst.get(i);
            long age = Duration.between(change.time(), now).toNanos();
            into.record(change.idempotencyKey(), CallOutcomes.Outcome.returned(change.requestDigest(), change.result()),
                    nowNanos - age);
        }
    }
}
