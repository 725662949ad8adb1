package dev.zocket.server.internal.session;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Issues client ids like {@code c_42_m3k9x2}: a counter, unique within the server's lifetime,
 * and the server's start time in base 36, so ids from before a restart are not reused.
 */
final class ClientIds {

    private final AtomicLong counter = new AtomicLong();
    private final String epoch = Long.toString(System.currentTimeMillis(), 36);

    String next() {
        return "c_" + counter.incrementAndGet() + "_" + epoch;
    }
}
