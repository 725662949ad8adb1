package dev.zocket;

/**
 * A registered listener. Call {@link #unsubscribe()} (or close it) to stop receiving; doing so
 * twice is harmless.
 */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    void unsubscribe();

    @Override
    default void close() {
        unsubscribe();
    }
}
