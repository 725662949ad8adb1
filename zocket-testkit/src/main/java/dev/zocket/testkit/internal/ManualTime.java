package dev.zocket.testkit.internal;

import dev.zocket.Subscription;
import dev.zocket.spi.TimeSource;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.Executor;

/**
 * A clock that moves only when told to. Timers due now run at once (through the kit's
 * executor); later ones run, in due order, when {@link #advance} passes their time.
 */
public final class ManualTime implements TimeSource {

    private record Timer(long due, long sequence, Runnable task, boolean[] cancelled) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    private final Executor executor;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long now;
    private long sequence;

    public ManualTime(Executor executor) {
        this.executor = executor;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public Subscription schedule(Duration delay, Runnable task) {
        if (delay.isZero() || delay.isNegative()) {
            executor.execute(task);
            return () -> {};
        }
        boolean[] cancelled = {false};
        synchronized (this) {
            timers.add(new Timer(now + delay.toNanos(), sequence++, task, cancelled));
        }
        return () -> {
            synchronized (this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the clock forward, running every timer that falls due on the way. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Time cannot go backwards: " + duration);
        }
        long target;
        synchronized (this) {
            target = now + duration.toNanos();
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due() > target) {
                    now = target;
                    return;
                }
                timers.poll();
                now = next.due();
                if (next.cancelled()[0]) {
                    continue;
                }
            }
            executor.execute(next.task());
        }
    }
}
