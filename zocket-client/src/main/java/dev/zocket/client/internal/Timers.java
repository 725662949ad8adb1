package dev.zocket.client.internal;

import dev.zocket.spi.TimeSource;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Timers whose expiry is an engine operation: when one fires, the operation runs on the
 * client's serial executor, under the engine's lock, like any other.
 *
 * <p><b>Threading.</b> {@link #after} and {@link #cancel} are called under the engine's lock;
 * they only record, in the operation's {@link Deferred}, the arming or cancelling to do once the
 * lock is released. An expiry may race with a cancel, so each operation checks that its timer
 * is still the one wanted.
 */
final class Timers {

    private final TimeSource time;
    private final Executor events;
    private final EngineLock lock;

    Timers(TimeSource time, Executor events, EngineLock lock) {
        this.time = time;
        this.events = events;
        this.lock = lock;
    }

    /**
     * A timer that runs {@code expiry} after {@code delay}, armed once the lock is released.
     * The expiry is told which timer fired, to compare with the one it still wants.
     */
    TimerSlot after(Duration delay, BiConsumer<TimerSlot, Deferred> expiry, Deferred deferred) {
        TimerSlot slot = new TimerSlot();
        Runnable fire = () -> events.execute(() -> lock.run(expired -> expiry.accept(slot, expired)));
        deferred.action(() -> slot.arm(time, delay, fire));
        return slot;
    }

    /** The time source's monotonic time, in nanoseconds; any thread. */
    long nanoTime() {
        return time.nanoTime();
    }

    /** Cancels {@code slot}, if any, once the lock is released. */
    void cancel(TimerSlot slot, Deferred deferred) {
        if (slot != null) {
            deferred.action(slot::cancel);
        }
    }
}
