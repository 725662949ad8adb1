package dev.zocket.bench.load;

import java.time.Duration;

/**
 * A run's warm-up and measurement windows. Only work started inside the measurement window
 * counts, so the results describe a warm server; work started in it is followed to its end.
 */
final class Phase {

    private volatile long measureStart = Long.MAX_VALUE;
    private volatile long measureEnd = Long.MAX_VALUE;
    private volatile boolean stopped;

    /** Sleeps through the warm-up, then measures for {@code duration}, then stops. */
    void run(Duration warmup, Duration duration, CpuUsage cpu) throws InterruptedException {
        Thread.sleep(warmup.toMillis());
        startMeasuring();
        cpu.start();
        Thread.sleep(duration.toMillis());
        cpu.stop();
        stop();
    }

    void startMeasuring() {
        measureStart = System.nanoTime();
    }

    void stop() {
        measureEnd = System.nanoTime();
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    /** Whether work that began at {@code startNanos} is measured, however late it finishes. */
    boolean inWindow(long startNanos) {
        return startNanos >= measureStart && startNanos < measureEnd;
    }

    double measuredSeconds() {
        return (measureEnd - measureStart) / 1e9;
    }
}
