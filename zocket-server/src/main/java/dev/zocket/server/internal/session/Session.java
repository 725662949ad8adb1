package dev.zocket.server.internal.session;

import dev.zocket.server.Caller;
import dev.zocket.server.internal.runtime.InstanceKey;
import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.runtime.Peer;
import dev.zocket.server.internal.runtime.SubscriptionKind;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's side of one connection: its identity, the actor instances it has touched (so
 * they hear when it disconnects), and the counters its limits apply to.
 */
public final class Session implements Peer {

    private record Subscription(InstanceKey key, SubscriptionKind kind) {}

    private final Caller caller;
    private final ClientConnection connection;
    private final AtomicInteger inflight = new AtomicInteger();
    private final Set<InstanceKey> attached = new HashSet<>();
    private final Set<Subscription> subscriptions = new HashSet<>();
    /** When the malformed-message allowance is spent, on the time source's clock; see {@link #chargeMalformed}. */
    private long malformedAllowanceSpentUntil = Long.MIN_VALUE;
    private volatile boolean open = true;

    Session(Caller caller, ClientConnection connection) {
        this.caller = caller;
        this.connection = connection;
    }

    @Override
    public String clientId() {
        return caller.clientId();
    }

    @Override
    public Caller caller() {
        return caller;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void send(OutgoingMessage message) {
        if (open) {
            connection.send(message);
        }
    }

    @Override
    public void reply(OutgoingMessage result) {
        inflight.decrementAndGet();
        send(result);
    }

    ClientConnection connection() {
        return connection;
    }

    /** Takes an in-flight slot, unless {@code limit} are taken. */
    boolean tryStartRpc(int limit) {
        while (true) {
            int current = inflight.get();
            if (current >= limit) {
                return false;
            }
            if (inflight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Gives back an in-flight slot for an RPC that was never queued. */
    void abandonRpc() {
        inflight.decrementAndGet();
    }

    /** Remembers that this connection addressed {@code key}; false once the session has closed. */
    synchronized boolean attach(InstanceKey key) {
        if (!open) {
            return false;
        }
        attached.add(key);
        return true;
    }

    /**
     * Records a subscription, unless the connection already holds {@code limit}. Subscribing
     * twice to the same thing counts once (and resends the snapshot).
     */
    synchronized boolean addSubscription(InstanceKey key, SubscriptionKind kind, int limit) {
        Subscription subscription = new Subscription(key, kind);
        if (subscriptions.contains(subscription)) {
            return true;
        }
        if (subscriptions.size() >= limit) {
            return false;
        }
        subscriptions.add(subscription);
        return true;
    }

    synchronized void removeSubscription(InstanceKey key, SubscriptionKind kind) {
        subscriptions.remove(new Subscription(key, kind));
    }

    /**
     * Charges one malformed message to the connection's allowance: a token bucket that refills
     * at {@code perSecond} messages a second and holds {@code burstSeconds} seconds' worth.
     * Kept as the time the allowance is spent until (a virtual scheduling clock), so it costs one
     * field and no timer.
     *
     * @return false once the bucket is empty: the connection sends garbage faster than the rate
     */
    synchronized boolean chargeMalformed(long nowNanos, int perSecond, int burstSeconds) {
        long cost = TimeUnit.SECONDS.toNanos(1) / perSecond;
        malformedAllowanceSpentUntil = Math.max(malformedAllowanceSpentUntil, nowNanos) + cost;
        return malformedAllowanceSpentUntil - nowNanos <= TimeUnit.SECONDS.toNanos(burstSeconds);
    }

    /** Marks the session closed and returns the instances to tell. */
    synchronized Set<InstanceKey> close() {
        open = false;
        Set<InstanceKey> keys = Set.copyOf(attached);
        attached.clear();
        subscriptions.clear();
        return keys;
    }

    @Override
    public String toString() {
        return "Session[" + clientId() + "]";
    }
}
