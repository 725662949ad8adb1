package dev.zocket.server.persistence;

import java.time.Duration;

/**
 * How much of each instance's change log to keep. A change is kept while it is among the last
 * {@code keepLast} changes of its instance and younger than {@code keepFor}.
 *
 * @param keepLast how many of an instance's latest changes to keep, {@link Integer#MAX_VALUE} for
 *     no limit
 * @param keepFor how long to keep a change, {@code null} for no limit
 */
public record Retention(int keepLast, Duration keepFor) {

    /** Checks neither limit is negative. */
    public Retention {
        if (keepLast < 0) {
            throw new IllegalArgumentException("keepLast must not be negative: " + keepLast);
        }
        if (keepFor != null && keepFor.isNegative()) {
            throw new IllegalArgumentException("keepFor must not be negative: " + keepFor);
        }
    }

    /** Keeps every change. */
    public static Retention forever() {
        return new Retention(Integer.MAX_VALUE, null);
    }

    /** Keeps an instance's last {@code count} changes. */
    public static Retention lastChanges(int count) {
        return new Retention(count, null);
    }

    /** Keeps changes younger than {@code age}. */
    public static Retention younger(Duration age) {
        return new Retention(Integer.MAX_VALUE, age);
    }

    /** Whether this policy never removes anything. */
    public boolean keepsEverything() {
        return keepLast == Integer.MAX_VALUE && keepFor == null;
    }
}
