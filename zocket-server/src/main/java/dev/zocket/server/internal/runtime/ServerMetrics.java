package dev.zocket.server.internal.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's meters, recorded through Micrometer so they reach whatever registry the
 * application runs. Names follow Micrometer's dotted convention; a Prometheus registry exposes
 * {@code zocket.rpc} as {@code zocket_rpc_seconds}, for example. See docs/server.md for the list.
 */
public final class ServerMetrics {

    private final MeterRegistry registry;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong instances = new AtomicLong();
    private final AtomicLong subscriptions = new AtomicLong();
    private final AtomicLong attachedClients = new AtomicLong();
    private final Counter connectionsOpened;
    private final Counter patchesSent;
    private final Counter patchesEncoded;
    private final Counter eventsSent;
    private final Counter snapshotsSent;
    private final Counter bytesSent;
    private final Counter bytesReceived;
    private final Counter malformedMessages;
    private final Counter slowConsumersClosed;
    private final Counter rpcsReplayed;
    private final Counter stateResumes;
    /** By actor, then outcome: two lookups of strings the caller already holds, no key built per call. */
    private final Map<String, Map<String, Timer>> rpcTimers = new ConcurrentHashMap<>();

    public ServerMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("zocket.connections", connections, AtomicLong::get)
                .description("Open WebSocket connections").register(registry);
        Gauge.builder("zocket.actors.live", instances, AtomicLong::get)
                .description("Actor instances in memory").register(registry);
        Gauge.builder("zocket.subscriptions", subscriptions, AtomicLong::get)
                .description("Event and state subscriptions held by connections").register(registry);
        Gauge.builder("zocket.actor.clients", attachedClients, AtomicLong::get)
                .description("Connections attached to actor instances (one per connection and instance)")
                .register(registry);
        connectionsOpened = Counter.builder("zocket.connections.opened").register(registry);
        patchesSent = Counter.builder("zocket.patches.sent").description("state:patch messages delivered").register(registry);
        patchesEncoded = Counter.builder("zocket.patches.encoded")
                .description("state:patch messages encoded: one per change, or one per audience and change with views")
                .register(registry);
        eventsSent = Counter.builder("zocket.events.sent").description("event messages delivered").register(registry);
        snapshotsSent = Counter.builder("zocket.snapshots.sent").register(registry);
        bytesSent = Counter.builder("zocket.bytes.sent").baseUnit("bytes").register(registry);
        bytesReceived = Counter.builder("zocket.bytes.received").baseUnit("bytes").register(registry);
        malformedMessages = Counter.builder("zocket.messages.malformed").register(registry);
        slowConsumersClosed = Counter.builder("zocket.connections.slow.closed")
                .description("Connections closed for reading too slowly").register(registry);
        rpcsReplayed = Counter.builder("zocket.rpc.replayed")
                .description("Calls answered from an earlier call's outcome because they repeated its idempotency key")
                .register(registry);
        stateResumes = Counter.builder("zocket.state.resumed")
                .description("State subscriptions answered with the patches since the version the client held, not a snapshot")
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void connectionOpened() {
        connections.incrementAndGet();
        connectionsOpened.increment();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    void instanceCreated() {
        instances.incrementAndGet();
    }

    void instanceRetired() {
        instances.decrementAndGet();
    }

    void subscriptionsChanged(long delta) {
        subscriptions.addAndGet(delta);
    }

    void clientsChanged(long delta) {
        attachedClients.addAndGet(delta);
    }

    void patchEncoded() {
        patchesEncoded.increment();
    }

    void delivered(OutgoingMessage message, int recipients) {
        switch (message.type()) {
            case STATE_PATCH:
                patchesSent.increment(recipients);
                break;
            case EVENT:
                eventsSent.increment(recipients);
                break;
            case STATE_SNAPSHOT:
                snapshotsSent.increment(recipients);
                break;
            default:
                break;
        }
    }

    public void bytesSent(long bytes) {
        bytesSent.increment(bytes);
    }

    public void bytesReceived(long bytes) {
        bytesReceived.increment(bytes);
    }

    void rpcReplayed() {
        rpcsReplayed.increment();
    }

    void stateResumed() {
        stateResumes.increment();
    }

    public void malformedMessage() {
        malformedMessages.increment();
    }

    public void slowConsumerClosed() {
        slowConsumersClosed.increment();
    }

    /** Records one RPC: {@code outcome} is {@code ok} or an error code's wire name. */
    public void rpcCompleted(String actor, String outcome, long nanos) {
        Map<String, Timer> byOutcome = rpcTimers.get(actor);
        if (byOutcome == null) {
            byOutcome = rpcTimers.computeIfAbsent(actor, name -> new ConcurrentHashMap<>());
        }
        Timer timer = byOutcome.get(outcome);
        if (timer == null) {
            timer = byOutcome.computeIfAbsent(outcome, name -> Timer.builder("zocket.rpc")
                    .description("RPC latency from receipt to result, by actor and outcome")
                    .tag("actor", actor)
                    .tag("outcome", outcome)
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .distributionStatisticExpiry(Duration.ofMinutes(2))
                    .register(registry));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Current totals, for tests and diagnostics. */
    public long subscriptions() {
        return subscriptions.get();
    }

    public long attachedClients() {
        return attachedClients.get();
    }

    public long liveInstances() {
        return instances.get();
    }

    public long connections() {
        return connections.get();
    }
}
