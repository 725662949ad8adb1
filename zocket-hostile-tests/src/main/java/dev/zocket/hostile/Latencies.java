package dev.zocket.hostile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Call latencies in nanoseconds, and their percentiles. */
public final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    public int count() {
        return nanos.size();
    }

    /** The {@code percentile}th latency in milliseconds (nearest rank), or NaN with no calls. */
    public double millis(double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }
}
