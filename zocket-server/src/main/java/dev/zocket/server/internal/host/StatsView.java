package dev.zocket.server.internal.host;

import dev.zocket.server.ServerStats;
import dev.zocket.server.internal.runtime.ServerMetrics;
import java.util.Objects;

/**
 * What users see of {@link ServerMetrics}: its counts, without its recording methods. A view
 * rather than an interface on {@code ServerMetrics}, so that no cast leads back to the recorder.
 */
public final class StatsView implements ServerStats {

    private final ServerMetrics metrics;

    public StatsView(ServerMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public long connections() {
        return metrics.connections();
    }

    @Override
    public long liveInstances() {
        return metrics.liveInstances();
    }

    @Override
    public long subscriptions() {
        return metrics.subscriptions();
    }

    @Override
    public long attachedClients() {
        return metrics.attachedClients();
    }

    @Override
    public String toString() {
        return "ServerStats[connections=" + connections() + ", liveInstances=" + liveInstances()
                + ", subscriptions=" + subscriptions() + ", attachedClients=" + attachedClients() + "]";
    }
}
