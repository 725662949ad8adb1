package dev.zocket.server.internal.studio;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.internal.runtime.ServerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's key counts and counters as one JSON sample for Studio's charts. Counters are
 * totals since the start; the page turns two samples into rates and mean latencies.
 */
final class MetricsReport {

    private final ServerMetrics metrics;
    private final JsonCodec json;

    MetricsReport(ServerMetrics metrics, JsonCodec json) {
        this.metrics = metrics;
        this.json = json;
    }

    ObjectNode sample() {
        MeterRegistry registry = metrics.registry();
        ObjectNode body = json.nodes().objectNode();
        body.put("time", System.currentTimeMillis());
        body.put("connections", metrics.connections());
        body.put("instances", metrics.liveInstances());
        body.put("subscriptions", metrics.subscriptions());
        long calls = 0;
        double totalMillis = 0;
        ObjectNode outcomes = json.nodes().objectNode();
        for (Timer timer : registry.find("zocket.rpc").timers()) {
            String outcome = timer.getId().getTag("outcome");
            calls += timer.count();
            totalMillis += timer.totalTime(TimeUnit.MILLISECONDS);
            outcomes.put(outcome, outcomes.path(outcome).asLong(0) + timer.count());
        }
        body.put("rpcCount", calls);
        body.put("rpcTotalMillis", totalMillis);
        body.set("rpcByOutcome", outcomes);
        body.put("patchesSent", counter(registry, "zocket.patches.sent"));
        body.put("eventsSent", counter(registry, "zocket.events.sent"));
        body.put("bytesSent", counter(registry, "zocket.bytes.sent"));
        body.put("malformedMessages", counter(registry, "zocket.messages.malformed"));
        return body;
    }

    private static long counter(MeterRegistry registry, String name) {
        Counter counter = registry.find(name).counter();
        return counter == null ? 0 : (long) counter.count();
    }
}
