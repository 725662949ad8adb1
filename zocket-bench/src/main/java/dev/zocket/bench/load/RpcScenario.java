package dev.zocket.bench.load;

import dev.zocket.client.ZocketClient;
import dev.zocket.example.counter.CounterHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop calls of {@code counter.increment}: each connection has one call in flight and
 * sends the next as soon as the answer arrives. In {@code rpc} each connection has its own
 * counter, so instances run in parallel; in {@code hot} all share one, whose mailbox serializes
 * them.
 */
final class RpcScenario {

    /**
     * @param callsPerSecond calls answered per second over the measured window
     * @param latencyMicros  round trip of each call started in the window
     * @param cpu            CPU seconds used in the window by the server and by the generator
     * @param serverCpuMicrosPerCall the server's CPU time per answered call, when known
     * @param serverResidentBytes the server's resident set size at the end of the window, when known
     */
    record Result(String scenario, String server, int connections, boolean watch, double seconds, long calls,
            long errors, double callsPerSecond, Latency.Summary latencyMicros, CpuUsage.Window cpu,
            Double serverCpuMicrosPerCall, Long serverResidentBytes) {}

    private RpcScenario() {}

    static Result run(ServerTarget target, LoadOptions options) throws InterruptedException {
        boolean hot = options.scenario().equals("hot");
        Latency latency = new Latency();
        LongAdder errors = new LongAdder();
        Phase phase = new Phase();
        CpuUsage cpu = new CpuUsage(target);
        Long resident;
        try (ClientPool pool = ClientPool.open(target.url(), options.connections(), options.connectConcurrency(),
                new Latency())) {
            requireAllOpened(pool, options.connections());
            List<CounterHandle> counters = new ArrayList<>();
            for (int i = 0; i < pool.clients().size(); i++) {
                ZocketClient client = pool.clients().get(i);
                CounterHandle counter = CounterHandle.of(client, hot ? "hot" : "counter-" + i);
                if (options.watch()) {
                    counter.state().subscribe(state -> {});
                }
                counters.add(counter);
            }
            CountDownLatch drained = new CountDownLatch(counters.size());
            counters.forEach(counter -> callInLoop(counter, phase, latency, errors, drained));
            phase.run(options.warmup(), options.duration(), cpu);
            resident = residentBytes(target);
            if (!drained.await(40, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Calls still unanswered 40 s after the run ended");
            }
        }
        long calls = latency.count() + errors.sum();
        return new Result(options.scenario(), target.kind(), options.connections(), options.watch(),
                round(phase.measuredSeconds()), calls, errors.sum(), round(latency.count() / phase.measuredSeconds()),
                latency.summary(), cpu.window(), cpu.window().serverMicrosPer(latency.count()), resident);
    }

    static Long residentBytes(ServerTarget target) {
        OptionalLong resident = target.residentBytes();
        return resident.isPresent() ? resident.getAsLong() : null;
    }

    private static void callInLoop(CounterHandle counter, Phase phase, Latency latency, LongAdder errors,
            CountDownLatch drained) {
        if (phase.stopped()) {
            drained.countDown();
            return;
        }
        long start = System.nanoTime();
        counter.increment().whenComplete((count, failure) -> {
            if (phase.inWindow(start)) {
                if (failure == null) {
                    latency.record(System.nanoTime() - start);
                } else {
                    errors.increment();
                }
            }
            callInLoop(counter, phase, latency, errors, drained);
        });
    }

    static void requireAllOpened(ClientPool pool, int wanted) {
        if (pool.failed() > 0) {
            throw new IllegalStateException(pool.failed() + " of " + wanted + " connections failed to open");
        }
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
