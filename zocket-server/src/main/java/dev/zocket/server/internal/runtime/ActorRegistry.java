package dev.zocket.server.internal.runtime;

import dev.zocket.Subscription;
import dev.zocket.protocol.RpcCall;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.persistence.Change;
import dev.zocket.spi.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the live actor instances: creates them on first use, routes messages to their
 * mailboxes, passivates the idle ones and deactivates them all on shutdown.
 */
public final class ActorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ActorRegistry.class);

    private final Map<String, ActorType<?, ?, ?>> types;
    private final Codecs codecs;
    private final ServerMetrics metrics;
    private final TimeSource time;
    private final Executor executor;
    private final ServerLimits limits;
    /** {@code null} without a store: the in-memory path takes no extra step. */
    private final Durability durability;
    private final Map<InstanceKey, ActorInstance<?, ?, ?>> instances = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private volatile Subscription sweep;

    public ActorRegistry(Map<String, ActorType<?, ?, ?>> types, Codecs codecs, ServerMetrics metrics, TimeSource time,
            Executor executor, ServerLimits limits) {
        this(types, codecs, metrics, time, executor, limits, null);
    }

    public ActorRegistry(Map<String, ActorType<?, ?, ?>> types, Codecs codecs, ServerMetrics metrics, TimeSource time,
            Executor executor, ServerLimits limits, Durability durability) {
        this.durability = durability;
        this.types = Map.copyOf(types);
        this.codecs = codecs;
        this.metrics = metrics;
        this.time = time;
        this.executor = executor;
        this.limits = limits;
    }

    /** The registered actor with this name, or {@code null}. */
    public ActorType<?, ?, ?> type(String name) {
        return types.get(name);
    }

    public Delivery deliverRpc(InstanceKey key, Peer peer, RpcCall call, long receivedNanos) {
        return deliver(key, instance -> instance.rpc(peer, call, receivedNanos), true, true);
    }

    public Delivery deliverSubscribe(InstanceKey key, Peer peer, SubscriptionKind kind) {
        return deliverSubscribe(key, peer, kind, OptionalLong.empty());
    }

    /** A subscription; for state, {@code since} is the version the client holds, if it sent one. */
    public Delivery deliverSubscribe(InstanceKey key, Peer peer, SubscriptionKind kind, OptionalLong since) {
        return deliver(key, instance -> instance.subscribe(peer, kind, since), true, true);
    }

    /** Unsubscribing from an instance that is not live has nothing to undo. */
    public void deliverUnsubscribe(InstanceKey key, Peer peer, SubscriptionKind kind) {
        deliver(key, instance -> instance.unsubscribe(peer, kind), false, false);
    }

    /** Tells a live instance that a client it knows has gone. */
    public void deliverDisconnect(InstanceKey key, Peer peer) {
        deliver(key, instance -> instance.disconnect(peer), false, false);
    }

    private Delivery deliver(InstanceKey key, Function<ActorInstance<?, ?, ?>, Runnable> message, boolean bounded,
            boolean create) {
        while (true) {
            ActorInstance<?, ?, ?> instance = instances.get(key);
            if (instance == null) {
                if (!create) {
                    return Delivery.ACCEPTED; // not live: nothing to tell
                }
                if (closing) {
                    return Delivery.REFUSED;
                }
                if (instances.size() >= limits.maxInstances()) {
                    return Delivery.TOO_MANY_INSTANCES;
                }
                // An empty instance: no user code runs until its first message does, on the executor.
                ActorInstance<?, ?, ?> fresh = create(key, types.get(key.actor()));
                ActorInstance<?, ?, ?> raced = instances.putIfAbsent(key, fresh);
                instance = raced != null ? raced : fresh;
            }
            Delivery delivery = instance.offer(message.apply(instance), bounded);
            if (delivery != Delivery.REFUSED) {
                return delivery;
            }
            instances.remove(key, instance); // retired meanwhile: a fresh instance takes over
            if (!create) {
                return Delivery.ACCEPTED;
            }
        }
    }

    private <C, S extends Record, E> ActorInstance<C, S, E> create(InstanceKey key, ActorType<C, S, E> type) {
        // Only keys of registered actors reach here: the protocol layer answers unknown names.
        return new ActorInstance<>(key, type, this);
    }

    /** Removes an instance that has retired its mailbox. */
    void forget(ActorInstance<?, ?, ?> instance) {
        instances.remove(instance.key(), instance);
    }

    /** Starts the periodic search for idle instances. */
    public void startPassivation() {
        scheduleSweep();
    }

    private void scheduleSweep() {
        Duration idle = limits.idleTimeout();
        long millis = Math.max(1_000, Math.min(60_000, idle.toMillis() / 4));
        sweep = time.schedule(Duration.ofMillis(millis), () -> {
            if (closing) {
                return;
            }
            long now = time.nanoTime();
            for (ActorInstance<?, ?, ?> instance : instances.values()) {
                if (instance.looksIdle(now, idle)) {
                    instance.offer(instance.passivateIfIdle(), false);
                }
            }
            scheduleSweep();
        });
    }

    /**
     * Stops creating instances, lets queued messages finish, then deactivates every instance
     * (running {@code onDeactivate}). Waits at most {@code timeout} in total.
     */
    public void shutdown(Duration timeout) {
        closing = true;
        Subscription pending = sweep;
        if (pending != null) {
            pending.cancel();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<Void>> drained = new ArrayList<>();
        for (ActorInstance<?, ?, ?> instance : instances.values()) {
            CompletableFuture<Void> reached = new CompletableFuture<>();
            drained.add(reached);
            instance.offer(instance.barrier(reached), false);
        }
        await(drained, deadline, "finish queued messages");
        List<CompletableFuture<Void>> deactivated = new ArrayList<>();
        for (ActorInstance<?, ?, ?> instance : instances.values()) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            deactivated.add(done);
            instance.shutdown(done);
        }
        await(deactivated, deadline, "deactivate");
        instances.clear();
    }

    private void await(List<CompletableFuture<Void>> futures, long deadline, String what) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Shutdown: some actor instances did not {} in time", what);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Shutdown: waiting to {} failed", what, e);
        }
    }

    @Override
    public String toString() {
        return "actors " + types.keySet();
    }

    public boolean isClosing() {
        return closing;
    }

    /** The committed state of a live instance, for tests and diagnostics; empty if it is not live. */
    public Optional<Record> peekState(InstanceKey key) {
        ActorInstance<?, ?, ?> instance = instances.get(key);
        return instance == null ? Optional.empty() : Optional.ofNullable(instance.committedState());
    }

    /** A look at every live instance, for Studio; each instance is read without stopping it. */
    public List<InstanceSnapshot> liveInstances() {
        long now = time.nanoTime();
        List<InstanceSnapshot> snapshots = new ArrayList<>(instances.size());
        for (ActorInstance<?, ?, ?> instance : instances.values()) {
            snapshots.add(instance.look(now));
        }
        return snapshots;
    }

    /**
     * Passivates a live instance now, unless a connection other than Studio's uses it (their
     * subscriptions would silently end) or messages wait for it. Runs in the instance's mailbox;
     * {@code outcome} hears {@code "passivated"} or why not, on the actor pool.
     *
     * @return false if the instance is not live, in which case {@code outcome} is never called
     */
    public boolean passivate(InstanceKey key, Consumer<String> outcome) {
        ActorInstance<?, ?, ?> instance = instances.get(key);
        return instance != null && instance.offer(instance.passivateNow(outcome), false) == Delivery.ACCEPTED;
    }

    /**
     * The changes a live instance keeps in memory (its recent-patch log, from its first state
     * subscriber on) below {@code before}, newest first; empty when it is not live.
     */
    public CompletableFuture<List<Change>> recentChanges(InstanceKey key, long before, int limit) {
        CompletableFuture<List<Change>> changes = new CompletableFuture<>();
        ActorInstance<?, ?, ?> instance = instances.get(key);
        if (instance == null || instance.offer(instance.readRecentChanges(before, limit, changes), false)
                != Delivery.ACCEPTED) {
            changes.complete(List.of());
        }
        return changes;
    }

    /** The registered actors by name. */
    public Map<String, ActorType<?, ?, ?>> types() {
        return types;
    }

    /** The store of {@code actorType}'s instances, or {@code null} if they live in memory only. */
    Durability durabilityOf(String actorType) {
        return durability != null && durability.persists(actorType) ? durability : null;
    }

    Codecs codecs() {
        return codecs;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    TimeSource time() {
        return time;
    }

    /**
     * Where {@code actorType}'s messages run. Durable instances wait for their commits, and some
     * actors' handlers may block, so those never run on an I/O loop.
     */
    Executor executorFor(String actorType) {
        boolean mayBlock = durabilityOf(actorType) != null || type(actorType).mayBlock();
        return mayBlock ? CallerLoopExecutor.forBlocking(executor) : executor;
    }

    ServerLimits limits() {
        return limits;
    }
}
