package dev.zocket.bench.load;

import dev.zocket.bench.ServerMemory;
import java.time.Duration;
import java.util.Optional;

/**
 * Opens {@code connections} idle connections, holds them for the run's duration, and reports how
 * long opening took, how many failed or dropped, and what they cost the server in memory.
 */
final class ConnectScenario {

    /**
     * @param secondsToOpen        from the first handshake to the last connection settling
     * @param connectLatencyMicros each handshake, up to the server's {@code welcome}
     * @param stillConnected       connections open after the hold
     * @param serverHeapBefore     server heap after a collection, before connecting (null if unknown)
     * @param serverHeapAfter      the same with the connections open
     * @param heapBytesPerConnection the difference, per connection opened
     */
    record Result(String scenario, String server, int connections, int opened, int failed, double secondsToOpen,
            double connectionsPerSecond, Latency.Summary connectLatencyMicros, double heldSeconds, int stillConnected,
            Long serverHeapBefore, Long serverHeapAfter, Long heapBytesPerConnection, Long serverResidentBefore,
            Long serverResidentAfter) {}

    private ConnectScenario() {}

    static Result run(ServerTarget target, LoadOptions options) throws InterruptedException {
        Optional<ServerMemory> before = target.memory();
        Latency latency = new Latency();
        try (ClientPool pool = ClientPool.open(target.url(), options.connections(), options.connectConcurrency(),
                latency)) {
            Phase hold = new Phase();
            hold.run(Duration.ZERO, options.duration()); // no warm-up: opening the connections is what is measured
            Optional<ServerMemory> after = target.memory();
            int opened = pool.clients().size();
            Long perConnection = before.isPresent() && after.isPresent() && opened > 0
                    ? (after.get().heapUsedBytes() - before.get().heapUsedBytes()) / opened : null;
            return new Result("connect", target.kind(), options.connections(), opened, pool.failed(),
                    RpcScenario.round(pool.secondsToOpen()), RpcScenario.round(opened / pool.secondsToOpen()),
                    latency.summary(), RpcScenario.round(hold.measuredSeconds()), pool.stillConnected(),
                    before.map(ServerMemory::heapUsedBytes).orElse(null),
                    after.map(ServerMemory::heapUsedBytes).orElse(null),
                    perConnection,
                    before.map(ServerMemory::residentBytes).orElse(null),
                    after.map(ServerMemory::residentBytes).orElse(null));
        }
    }
}
