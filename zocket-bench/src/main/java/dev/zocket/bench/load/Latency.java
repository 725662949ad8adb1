package dev.zocket.bench.load;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies recorded from any thread, in nanoseconds, reported in microseconds.
 */
final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(3);

    void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos));
    }

    long count() {
        return histogram.getTotalCount();
    }

    Summary summary() {
        // Iterating a histogram that is still recorded into throws; its copy is taken safely.
        Histogram histogram = this.histogram.copy();
        return new Summary(histogram.getTotalCount(),
                micros(histogram.getValueAtPercentile(50)),
                micros(histogram.getValueAtPercentile(90)),
                micros(histogram.getValueAtPercentile(99)),
                micros(histogram.getValueAtPercentile(99.9)),
                micros(histogram.getMaxValue()),
                Math.round(histogram.getMean() / 100.0) / 10.0);
    }

    private static double micros(long nanos) {
        return Math.round(nanos / 100.0) / 10.0;
    }

    /** Percentiles in microseconds, to a tenth. */
    record Summary(long count, double p50, double p90, double p99, double p999, double max, double mean) {}
}
