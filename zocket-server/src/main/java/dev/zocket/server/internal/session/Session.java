package dev.zocket.server.internal.session;

import dev.zocket.server.Caller;
import dev.zocket.server.internal.runtime.Delivery;
import dev.zocket.server.internal.runtime.InstanceKey;
import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.runtime.Peer;
import dev.zocket.server.internal.runtime.SubscriptionKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The server's side of one connection: its identity, the actor instances it has touched (so
 * they hear when it disconnects), and the counters its limits apply to.
 */
public final class Session implements Peer {

    private record Subscription(InstanceKey key, SubscriptionKind kind) {}

    private static final int MAX_LOGGED_REASONS = 16;

    private final Caller caller;
    private final ClientConnection connection;
    private final AtomicInteger inflight = new AtomicInteger();
    private final Set<InstanceKey> attached = new HashSet<>();
    private final Set<Subscription> subscriptions = new HashSet<>();
    /** When the malformed-message allowance is spent, on the time source's clock; see {@link #chargeMalformed}. */
    private long malformedAllowanceSpentUntil = Long.MIN_VALUE;
    private volatile boolean open = true;
    /** The kinds of bad input already logged for this connection; see {@link #firstTime}. */
    private final Set<String> loggedReasons = new HashSet<>();

    private final long openedAtNanos;

    Session(Caller caller, ClientConnection connection, long openedAtNanos) {
        this.caller = caller;
        this.connection = connection;
        this.openedAtNanos = openedAtNanos;
    }

    @Override
    public String clientId() {
        return caller.clientId();
    }

    @Override
    public Caller caller() {
        return caller;
    }

    /** For the connection's own thread; actor instances learn of a close from their mailbox. */
    boolean isOpen() {
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

    /**
     * Queues a message for the instance {@code key} and remembers that this connection addressed
     * it, as one step with respect to {@link #close()}: whatever a connection queues before it
     * closes is followed in that instance's mailbox by its disconnect, whichever thread closes it.
     * {@code queue} must not block: it creates at most an empty instance and queues. (The test
     * kit's inline executor runs the message right there, on the same thread; the lock is
     * reentrant, and the kit has no I/O thread to hold up.)
     *
     * @param maxInstances how many distinct instances this connection may address
     */
    synchronized Delivery deliver(InstanceKey key, int maxInstances, Supplier<Delivery> queue) {
        if (!open) {
            return Delivery.CLOSED;
        }
        boolean fresh = !attached.contains(key);
        if (fresh && attached.size() >= maxInstances) {
            return Delivery.TOO_MANY_FOR_CONNECTION;
        }
        Delivery delivery = queue.get();
        if (fresh && delivery == Delivery.ACCEPTED) {
            attached.add(key);
        }
        return delivery;
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

    /**
     * Whether {@code reason} is new for this connection, for logging bad input once per reason.
     * Remembers a few reasons only; beyond them a connection's bad input is no longer logged.
     */
    public synchronized boolean firstTime(String reason) {
        if (loggedReasons.size() >= MAX_LOGGED_REASONS) {
            return false;
        }
        return loggedReasons.add(reason);
    }

    /**
     * Marks the session closed and returns the instances to tell. Every message {@link #deliver}
     * queued is in its mailbox already, so a disconnect queued after this returns comes after it.
     */
    synchronized Set<InstanceKey> close() {
        open = false;
        Set<InstanceKey> keys = Set.copyOf(attached);
        attached.clear();
        subscriptions.clear();
        return keys;
    }

    /** For diagnostics: what this connection holds now. */
    synchronized SessionSnapshot look(long nowNanos) {
        List<InstanceKey> state = new ArrayList<>();
        List<InstanceKey> events = new ArrayList<>();
        for (Subscription subscription : subscriptions) {
            (subscription.kind() == SubscriptionKind.STATE ? state : events).add(subscription.key());
        }
        return new SessionSnapshot(caller, state, events, List.copyOf(attached), connection.bufferedBytes(),
                nowNanos - openedAtNanos);
    }

    @Override
    public String toString() {
        return "Session[" + clientId() + "]";
    }
}
