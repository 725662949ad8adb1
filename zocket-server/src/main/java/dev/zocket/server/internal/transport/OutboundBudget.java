package dev.zocket.server.internal.transport;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes waiting to be sent across every connection, against one limit. Connections add what
 * they queue and release what is written or dropped, so the total is always the sum of their
 * {@linkplain WebSocketConnection#pendingBytes() pending bytes}. The add that takes the total
 * over the limit runs {@code shedding} (one caller at a time), which closes the worst offenders.
 */
final class OutboundBudget {

    private final AtomicLong total = new AtomicLong();
    private final AtomicBoolean shedding = new AtomicBoolean();
    private final long limit;
    private final Runnable shed;

    OutboundBudget(long limit, Runnable shed) {
        this.limit = limit;
        this.shed = shed;
    }

    void add(long bytes) {
        if (total.addAndGet(bytes) > limit && shedding.compareAndSet(false, true)) {
            try {
                shed.run();
            } finally {
                shedding.set(false);
            }
        }
    }

    void release(long bytes) {
        total.addAndGet(-bytes);
    }

    long limit() {
        return limit;
    }
}
