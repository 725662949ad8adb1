package dev.zocket.client.internal;

import dev.zocket.Subscription;
import dev.zocket.spi.TimeSource;
import java.time.Duration;

/**
 * One timer, armed at most once and cancellable from any thread. Arming and cancelling call
 * the {@link TimeSource}, so the engine does both after releasing its lock, possibly in either
 * order: a cancel that comes before the arm wins, and the timer never starts.
 *
 * <p><b>Threading.</b> Thread-safe; its monitor is held only to read and write its two fields,
 * never while calling the time source.
 */
final class TimerSlot {

    private boolean armed;
    private boolean cancelled;
    private Subscription scheduled;

    void arm(TimeSource time, Duration delay, Runnable task) {
        synchronized (this) {
            if (armed || cancelled) {
                return;
            }
            armed = true;
        }
        Subscription timer = time.schedule(delay, task);
        boolean cancelNow;
        synchronized (this) {
            cancelNow = cancelled;
            if (!cancelNow) {
                scheduled = timer;
            }
        }
        if (cancelNow) {
            timer.cancel();
        }
    }

    void cancel() {
        Subscription timer;
        synchronized (this) {
            cancelled = true;
            timer = scheduled;
            scheduled = null;
        }
        if (timer != null) {
            timer.cancel();
        }
    }
}
