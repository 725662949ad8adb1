package dev.zocket;

/** Something scheduled that can still be called off. Cancelling twice is harmless. */
@FunctionalInterface
public interface Cancellable {

    void cancel();
}
