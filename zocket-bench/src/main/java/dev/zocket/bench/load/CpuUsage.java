package dev.zocket.bench.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time spent by the server and by the load generator over a measured window. On a small
 * machine the two compete for the same cores, so a result is only read right next to where its
 * CPU went. The server's share is known only when it runs in a child process.
 */
final class CpuUsage {

    /**
     * @param serverSeconds    CPU seconds the server used in the window, or null if unknown
     * @param serverSystemSeconds the part of it spent in the kernel, or null if unknown
     * @param serverSecondsByThread the server's CPU seconds by thread group (I/O, actors, JIT
     *     compiler, garbage collector...), largest first, those above 5 ms; empty if unknown
     * @param generatorSeconds CPU seconds this process used (in-process: server included)
     */
    record Window(Double serverSeconds, Double serverSystemSeconds, Map<String, Double> serverSecondsByThread,
            double generatorSeconds) {

        /** Server CPU microseconds per operation, or null if unknown. */
        Double serverMicrosPer(long operations) {
            return serverSeconds == null || operations == 0 ? null
                    : Math.round(serverSeconds * 1e7 / operations) / 10.0;
        }
    }

    private final ServerTarget target;
    private Optional<Duration> serverAtStart = Optional.empty();
    private Optional<ProcessStats.CpuTimes> serverTimesAtStart = Optional.empty();
    private Map<String, Duration> threadsAtStart = Map.of();
    private Duration generatorAtStart = Duration.ZERO;
    private Window window;

    CpuUsage(ServerTarget target) {
        this.target = target;
    }

    void start() {
        serverAtStart = target.cpuTime();
        serverTimesAtStart = target.cpuTimes();
        threadsAtStart = target.cpuByThread();
        generatorAtStart = ownCpuTime();
    }

    void stop() {
        Optional<Duration> serverAtEnd = target.cpuTime();
        Double server = serverAtStart.isPresent() && serverAtEnd.isPresent()
                ? round(serverAtEnd.get().minus(serverAtStart.get())) : null;
        Optional<ProcessStats.CpuTimes> timesAtEnd = target.cpuTimes();
        Double system = serverTimesAtStart.isPresent() && timesAtEnd.isPresent()
                ? round(timesAtEnd.get().system().minus(serverTimesAtStart.get().system())) : null;
        window = new Window(server, system, byThread(target.cpuByThread()), round(ownCpuTime().minus(generatorAtStart)));
    }

    Window window() {
        if (window == null) {
            throw new IllegalStateException("stop() has not been called");
        }
        return window;
    }

    private Map<String, Double> byThread(Map<String, Duration> atEnd) {
        Map<String, Double> used = new LinkedHashMap<>();
        atEnd.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().minus(threadsAtStart.getOrDefault(e.getKey(), Duration.ZERO))))
                .filter(e -> e.getValue().toMillis() > 5)
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .forEach(e -> used.put(e.getKey(), round(e.getValue())));
        return used;
    }

    private static Duration ownCpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static double round(Duration duration) {
        return Math.round(duration.toNanos() / 1e7) / 100.0;
    }
}
