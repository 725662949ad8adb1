package dev.zocket.client.internal;

import dev.zocket.Subscription;
import dev.zocket.spi.TimeSource;
import java.time.Duration;
import java.util.PriorityQueue;

/** A clock that moves only when told, running what falls due on the test's thread. */
final class SteppedClock implements TimeSource {
    private record Timer(long due, long order, Runnable task, boolean[] cancelled) {}

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long now;
    private long order;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Subscription schedule(Duration delay, Runnable task) {
        boolean[] cancelled = new boolean[1];
        timers.add(new Timer(now + delay.toNanos(), order++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves forward, running each timer at its due time. */
    void advance(Duration duration) {
        long target = now + duration.toNanos();
        while (!timers.isEmpty() && timers.peek().due <= target) {
            Timer next = timers.poll();
            now = Math.max(now, next.due);
            if (!next.cancelled[0]) {
                next.task.run();
            }
        }
        now = target;
    }

    /** Moves forward at once, then runs what fell due, late, at the new time. */
    void jump(Duration duration) {
        now += duration.toNanos();
        advance(Duration.ZERO);
    }

    boolean hasTimers() {
        timers.removeIf(timer -> timer.cancelled[0]);
        return !timers.isEmpty();
    }
}
