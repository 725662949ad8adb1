package dev.zocket.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * {@link DispatchBenchmark#drawStroke} measured in the CPU time of the thread running it rather
 * than in wall time, so that other work on a shared machine, which delays the thread without
 * using its CPU time, does not count. Prints, for rounds of 0 and 10,000 strokes, the median,
 * lowest and highest CPU time per draw over batches of 999 draws.
 *
 * <pre>java -cp zocket-bench/target/benchmarks.jar dev.zocket.bench.jmh.DispatchCpuTime [batches]</pre>
 */
public final class DispatchCpuTime {

    private static final int WARM_UP_BATCHES = 30;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DispatchCpuTime() {}

    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int[] sizes = {0, 10_000};
        DispatchBenchmark[] benchmarks = new DispatchBenchmark[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            benchmarks[s] = new DispatchBenchmark();
            benchmarks[s].strokes = sizes[s];
            benchmarks[s].setUp();
        }
        // the sizes take turns, so that both run as warm a JIT and as busy a machine
        for (int i = 0; i < WARM_UP_BATCHES; i++) {
            for (DispatchBenchmark benchmark : benchmarks) {
                batch(benchmark);
            }
        }
        double[][] micros = new double[sizes.length][batches];
        for (int i = 0; i < batches; i++) {
            for (int s = 0; s < sizes.length; s++) {
                micros[s][i] = batch(benchmarks[s]);
            }
        }
        for (int s = 0; s < sizes.length; s++) {
            Arrays.sort(micros[s]);
            System.out.printf("drawStroke, strokes=%d: %.1f µs CPU per draw (median of %d batches; %.1f-%.1f)%n",
                    sizes[s], micros[s][batches / 2], batches, micros[s][0], micros[s][batches - 1]);
        }
    }

    /**
     * A thousand draws, the first 999 measured: the benchmark starts a new round on every
     * thousandth {@link DispatchBenchmark#keepRoundSize}, which is not a draw's cost.
     */
    private static double batch(DispatchBenchmark benchmark) {
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < 999; i++) {
            benchmark.keepRoundSize();
            benchmark.drawStroke();
        }
        long end = THREADS.getCurrentThreadCpuTime();
        benchmark.keepRoundSize();
        benchmark.drawStroke();
        return (end - start) / 1_000.0 / 999;
    }
}
