package dev.zocket.client.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the {@code idempotencyKey} of each call of one client: a random 128-bit prefix, drawn
 * once per client from a {@link SecureRandom} and written in base64url, then a counter, as in
 * {@code 3q2-7wAAAAAAAAAAAAAAAA.1f}. Unique per call, and unguessable by other clients, since a
 * server answers a repeated key with the stored outcome.
 *
 * <p><b>Threading.</b> Thread-safe.
 */
final class IdempotencyKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    IdempotencyKeys() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        this.prefix = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + ".";
    }

    String next() {
        return prefix + Long.toString(counter.incrementAndGet(), 36);
    }
}
