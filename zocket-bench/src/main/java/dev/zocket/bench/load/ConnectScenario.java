package dev.zocket.bench.load;

import dev.zocket.bench.ServerMemory;
import java.util.Optional;

/**
 * Opens {@code connections} idle connections, holds them for the run's duration, and reports how
 * long opening took, how many failed or dropped, and what they cost the server in memory. With a
 * warm-up, up to {@value #WARMUP_CONNECTIONS} connections are opened and closed first.
 */
final class ConnectScenario {

    /**
     * @param secondsToOpen        from the first handshake to the last connection settling
     * @param connectLatencyMicros each handshake, up to the server's {@code welcome}
     * @param stillConnected       connections open after the hold
     * @param serverHeapBefore     server heap after a collection, before connecting (null if unknown)
     * @param serverHeapAfter      the same with the connections open
     * @param heapBytesPerConnection the difference, per connection opened
     * @param residentBytesPerConnection growth of the server's resident set size, per connection opened
     * @param cpu                  CPU seconds used while opening, by the server and by the generator
     * @param serverCpuMicrosPerConnection the server's CPU time per connection opened, when known
     */
    record Result(String scenario, String server, int connections, int opened, int failed, double secondsToOpen,
            double connectionsPerSecond, Latency.Summary connectLatencyMicros, double heldSeconds, int stillConnected,
            Long serverHeapBefore, Long serverHeapAfter, Long heapBytesPerConnection, Long serverResidentBefore,
            Long serverResidentAfter, Long residentBytesPerConnection, CpuUsage.Window cpu, Double serverCpuMicrosPerConnection) {}

    private ConnectScenario() {}

    /** Connections opened and closed before measuring, when warm-up is on. */
    static final int WARMUP_CONNECTIONS = 1_000;

    static Result run(ServerTarget target, LoadOptions options) throws InterruptedException {
        if (!options.warmup().isZero()) {
            // Both JVMs compile their handshake paths here, so the measured round describes a warm server.
            ClientPool.open(target.url(), Math.min(options.connections(), WARMUP_CONNECTIONS),
                    options.connectConcurrency(), new Latency()).close();
        }
        Optional<ServerMemory> before = target.memory();
        Latency latency = new Latency();
        CpuUsage cpu = new CpuUsage(target);
        cpu.start();
        try (ClientPool pool = ClientPool.open(target.url(), options.connections(), options.connectConcurrency(),
                latency)) {
            cpu.stop();
            Thread.sleep(options.duration().toMillis());
            Optional<ServerMemory> after = target.memory();
            int opened = pool.clients().size();
            boolean known = before.isPresent() && after.isPresent() && opened > 0;
            Long perConnection = known && before.get().heapUsedBytes() >= 0
                    ? (after.get().heapUsedBytes() - before.get().heapUsedBytes()) / opened : null;
            Long residentPerConnection = known && before.get().residentBytes() >= 0
                    ? (after.get().residentBytes() - before.get().residentBytes()) / opened : null;
            return new Result("connect", target.kind(), options.connections(), opened, pool.failed(),
                    RpcScenario.round(pool.secondsToOpen()), RpcScenario.round(opened / pool.secondsToOpen()),
                    latency.summary(), options.duration().toSeconds(), pool.stillConnected(),
                    before.map(ServerMemory::heapUsedBytes).orElse(null),
                    after.map(ServerMemory::heapUsedBytes).orElse(null),
                    perConnection,
                    before.map(ServerMemory::residentBytes).orElse(null),
                    after.map(ServerMemory::residentBytes).orElse(null),
                    residentPerConnection, cpu.window(), cpu.window().serverMicrosPer(opened));
        }
    }
}
