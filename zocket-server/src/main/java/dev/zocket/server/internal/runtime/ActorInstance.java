package dev.zocket.server.internal.runtime;

import dev.zocket.Subscription;
import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.diff.PatchBuilder;
import dev.zocket.json.JsonPatch;
import dev.zocket.json.PatchOperation;
import dev.zocket.protocol.EventMessage;
import dev.zocket.protocol.MessageType;
import dev.zocket.protocol.ProtocolError;
import dev.zocket.protocol.RpcCall;
import dev.zocket.protocol.RpcResult;
import dev.zocket.protocol.StatePatch;
import dev.zocket.protocol.StateSnapshot;
import dev.zocket.server.ActorLifecycle;
import dev.zocket.server.Caller;
import dev.zocket.server.Invocation;
import dev.zocket.server.Middleware;
import dev.zocket.server.persistence.Change;
import dev.zocket.server.persistence.Commit;
import dev.zocket.spi.EventTarget;
import dev.zocket.spi.MethodResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live actor instance: its implementation, state, subscribers and mailbox.
 *
 * <p>Everything here runs inside mailbox messages, one at a time, except {@link #offer} and
 * the few volatile reads the registry's idle sweep makes. Each message is a transaction: an
 * RPC, a subscription, a lifecycle hook or a timer. When it completes, the state patch goes to
 * state subscribers first, then its events to event subscribers, then the result to the caller,
 * so a caller that watches the state has the new state before its call returns.
 */
final class ActorInstance<C, S extends Record, E> {

    private static final Logger LOG = LoggerFactory.getLogger(ActorInstance.class);

    private final InstanceKey key;
    private final ActorType<C, S, E> type;
    private final ActorRegistry registry;
    private final Mailbox mailbox;
    private final InstanceContext<C, S, E> context;

    private final StateSize stateSize;
    /** {@code null} for an instance that lives in memory only. */
    private final Durability durability;
    /** Created by the first message that needs it; {@code null} until then, or after a failed start. */
    private C implementation;
    private ActorLifecycle lifecycle;
    private boolean deactivated;
    private volatile S state;
    private long version;
    private volatile Transaction<S> transaction;
    private final Audience audience;
    private final Timers timers;
    private OutgoingMessage snapshot;
    private long snapshotVersion = -1;
    /** The contract's per-subscriber views, or {@code null} when all subscribers see the whole state. */
    private final ViewFanout<S, ?> views;
    private volatile int holds;
    private volatile long lastActivity;
    /** Outcomes of keyed calls; created by the first call with an idempotency key. */
    private CallOutcomes outcomes;
    /** Whether the outcomes a durable store holds for this instance have been read into {@link #outcomes}. */
    private boolean storedOutcomesRead;
    /** Patches for subscribers that resume; kept once a first state subscriber has come. */
    private RecentPatches recentPatches;

    ActorInstance(InstanceKey key, ActorType<C, S, E> type, ActorRegistry registry) {
        this.key = key;
        this.type = type;
        this.registry = registry;
        this.mailbox = new Mailbox(registry.executorFor(key.actor()), registry.limits().maxMailboxDepth());
        this.context = new InstanceContext<>(this);
        this.audience = new Audience(registry.metrics());
        this.views = type.binding().views() == null ? null : ViewFanout.of(type.binding().views(),
                type.binding().differ(), registry.codecs(), registry.metrics(), key);
        this.timers = new Timers(mailbox, registry.time(), this::runTimer, this::updateHolds);
        this.stateSize = new StateSize(registry.codecs().json().mapper(), registry.limits().maxStateBytes());
        this.lastActivity = registry.time().nanoTime();
        this.durability = registry.durabilityOf(key.actor());
        // No user code here: the factory and the initial state run in the first message that
        // needs them, on the executor, and a failure there is that message's failure.
    }

    InstanceKey key() {
        return key;
    }

    Codecs codecs() {
        return registry.codecs();
    }

    S committedState() {
        return state;
    }

    Transaction<S> transaction() {
        return transaction;
    }

    Set<String> clientIds() {
        return audience.clientIds();
    }

    E emitterFor(InstanceContext<C, S, E> sink, EventTarget target) {
        return type.binding().emitter(sink, target);
    }

    Delivery offer(Runnable message, boolean bounded) {
        return mailbox.offer(message, bounded);
    }

    /** Whether the idle sweep should ask this instance to passivate: no clients, subscribers or timers for a while. */
    boolean looksIdle(long now, Duration idleTimeout) {
        return holds == 0 && now - lastActivity >= idleTimeout.toNanos();
    }

    // ---------------------------------------------------------------- messages

    Runnable rpc(Peer peer, RpcCall call, long receivedNanos) {
        return () -> handleRpc(peer, call, receivedNanos);
    }

    Runnable subscribe(Peer peer, SubscriptionKind kind, OptionalLong since) {
        return () -> handleSubscribe(peer, kind, since);
    }

    Runnable unsubscribe(Peer peer, SubscriptionKind kind) {
        return () -> handleUnsubscribe(peer, kind);
    }

    Runnable disconnect(Peer peer) {
        return () -> handleDisconnect(peer);
    }

    Runnable passivateIfIdle() {
        return this::handlePassivateIfIdle;
    }

    /** Passivation asked for by Studio; see {@link ActorRegistry#passivate}. */
    Runnable passivateNow(Consumer<String> outcome) {
        return () -> outcome.accept(handlePassivateNow());
    }

    /**
     * What diagnostics see of this instance from another thread. The version is a plain field
     * written by the mailbox, so the value may be a commit or two old; that is all a look needs.
     */
    /** Completes {@code into} with the recent changes kept in memory below {@code before}, newest first. */
    Runnable readRecentChanges(long before, int limit, CompletableFuture<List<Change>> into) {
        return () -> into.complete(recentPatches == null ? List.of()
                : recentPatches.changes(key, before, limit, registry.codecs().json()));
    }

        InstanceSnapshot look(long now) {
        return new InstanceSnapshot(key, version, now - lastActivity, holds, state != null);
    }

    /** A message that completes once everything queued before it has run. */
    Runnable barrier(CompletableFuture<Void> reached) {
        return () -> reached.complete(null);
    }

    /**
     * Queues the instance's deactivation for a shutdown as its last message: nothing queued
     * after it could run on a deactivated instance (an onConnect after onDeactivate).
     */
    void shutdown(CompletableFuture<Void> done) {
        Delivery queued = mailbox.offerLast(() -> {
            deactivate();
            done.complete(null);
        });
        if (queued != Delivery.ACCEPTED) {
            done.complete(null); // retired already: passivated, or its factory never succeeded
        }
    }

    /**
     * Creates the implementation if there is none yet: the initial state, the factory, then
     * {@code onActivate}. A failure leaves the instance as it was, to try again on a later
     * message, never in a loop.
     *
     * @return null once active, else what the factory or the initial state threw
     */
    private Throwable activate() {
        if (implementation != null) {
            return null;
        }
        try {
            state = durability == null ? type.binding().initialState() : restore();
            implementation = type.factory().create(context);
        } catch (RuntimeException | Error e) {
            state = null;
            version = 0;
            return e;
        }
        registry.metrics().instanceCreated();
        if (implementation instanceof ActorLifecycle hooks) {
            lifecycle = hooks;
            runHook("onActivate", null, hooks::onActivate);
        }
        return null;
    }

    /** The stored state and version, or the initial state at version 0 for an instance never stored. */
    private S restore() {
        var stored = durability.load(key);
        if (stored.isEmpty()) {
            version = 0;
            return type.binding().initialState();
        }
        S restored = SnapshotReader.read(registry.codecs().json(), type.binding().initialState(),
                stored.get().snapshot(), key);
        version = stored.get().version();
        return restored;
    }

    private void handleRpc(Peer peer, RpcCall call, long receivedNanos) {
        touch();
        String digest = null;
        if (call.idempotencyKey() != null) {
            digest = RequestDigest.of(call.method(), call.input(), peer.caller());
            if (answeredBefore(peer, call, digest, receivedNanos)) {
                retireIfUnused();
                return;
            }
        }
        Transaction<S> current = new Transaction<>(peer.caller(), state);
        Object input;
        try {
            List<Middleware> chain = type.middleware();
            if (!chain.isEmpty()) {
                Invocation invocation = new MiddlewareInvocation(key, current, call);
                for (Middleware middleware : chain) {
                    middleware.before(invocation);
                }
            }
        } catch (Throwable rejected) {
            fail(peer, call, receivedNanos, RpcErrors.fromMiddleware(rejected), rejected);
            retireIfUnused();
            return;
        }
        try {
            // The generated decode step needs no implementation: a call with bad input creates none.
            input = type.binding().dispatcher().decode(call.method(), call.input(), registry.codecs().inputs());
        } catch (RuntimeException invalid) {
            fail(peer, call, receivedNanos, RpcErrors.fromHandler(invalid), invalid);
            retireIfUnused();
            return;
        }
        Throwable startFailure = activate();
        if (startFailure != null) {
            fail(peer, call, receivedNanos, RpcErrors.unexpected(ErrorCode.INTERNAL_ERROR), startFailure);
            retireIfUnused();
            return;
        }
        if (call.baseVersion().isPresent() && call.baseVersion().getAsLong() != version) {
            peer.reply(registry.codecs().encode(RpcResult.versionConflict(call.id(), "The state of " + key
                    + " is at version " + version + ", not " + call.baseVersion().getAsLong(), version)));
            registry.metrics().rpcCompleted(key.actor(), ErrorCode.CONFLICT.wireName(),
                    registry.time().nanoTime() - receivedNanos);
            return;
        }
        attach(peer);
        current.rebase(state);
        // A handler may continue on its stage's threads, even before it returns.
        current.releaseToAnyThread();
        transaction = current;
        MethodResult result;
        try {
            result = type.binding().dispatcher().invoke(implementation, call.method(), input);
        } catch (Throwable thrown) {
            transaction = null;
            failAfterRunning(peer, call, digest, receivedNanos, RpcErrors.fromHandler(thrown), thrown);
            return;
        }
        if (result instanceof MethodResult.Pending pending) {
            awaitPending(pending, current, peer, call, digest, receivedNanos);
            return;
        }
        complete(current, peer, call, digest, receivedNanos, result);
    }

    /**
     * Answers a call whose idempotency key this instance has seen: with the first call's outcome
     * when it is the same call, with {@code conflict} when the key came with another one.
     *
     * @return false when the key is new (or forgotten) and the call should run
     */
    private boolean answeredBefore(Peer peer, RpcCall call, String digest, long receivedNanos) {
        CallOutcomes.Outcome earlier;
        try {
            earlier = outcomes().find(call.idempotencyKey(), registry.time().nanoTime());
        } catch (RuntimeException storeFailed) {
            // Unknown whether it ran before: running it could apply it twice.
            fail(peer, call, receivedNanos, RpcErrors.unexpected(ErrorCode.INTERNAL_ERROR), storeFailed);
            return true;
        }
        if (earlier == null) {
            return false;
        }
        RpcResult answer = earlier.requestDigest().equals(digest)
                ? earlier.replayFor(call.id(), registry.codecs().json())
                : RpcResult.failure(call.id(), ErrorCode.CONFLICT, "Idempotency key " + call.idempotencyKey()
                        + " was used for another call: a key names one call");
        peer.reply(registry.codecs().encode(answer));
        registry.metrics().rpcReplayed();
        registry.metrics().rpcCompleted(key.actor(), answer.isError() ? answer.code().wireName() : "ok",
                registry.time().nanoTime() - receivedNanos);
        return true;
    }

    private CallOutcomes outcomes() {
        if (outcomes == null) {
            var limits = registry.limits();
            outcomes = new CallOutcomes(limits.maxCallOutcomes(), limits.maxCallOutcomeBytes(),
                    limits.callOutcomeRetention());
        }
        if (durability != null && !storedOutcomesRead) {
            StoredOutcomes.read(durability, key, registry.limits(), registry.time().nanoTime(), outcomes);
            storedOutcomesRead = true;
        }
        return outcomes;
    }

    /** Remembers the outcome of a keyed call that ran, for repeats of its key. */
    private void remember(RpcCall call, CallOutcomes.Outcome outcome) {
        outcomes().record(call.idempotencyKey(), outcome, registry.time().nanoTime());
    }

    /**
     * Holds the mailbox until an asynchronous handler's stage completes or its deadline passes,
     * whichever is first; the other is ignored. Once the deadline has passed, the handler's
     * transaction is discarded and usable from no thread.
     */
    private void awaitPending(MethodResult.Pending pending, Transaction<S> current, Peer peer, RpcCall call,
            String digest, long receivedNanos) {
        mailbox.suspend();
        AtomicBoolean settled = new AtomicBoolean();
        Duration deadline = registry.limits().handlerTimeout();
        Subscription timer = registry.time().schedule(deadline, () -> {
            if (settled.compareAndSet(false, true)) {
                mailbox.resume(() -> {
                    current.abandon();
                    transaction = null;
                    fail(peer, call, receivedNanos, new RpcErrors.Failure(ErrorCode.TIMEOUT, call.method() + " on " + key
                            + " did not complete within " + deadline.toSeconds() + " s", null), null);
                });
            }
        });
        pending.stage().whenComplete((value, error) -> {
            if (!settled.compareAndSet(false, true)) {
                LOG.debug("{}.{} completed after its deadline; its result was discarded", key, call.method());
                return;
            }
            timer.cancel();
            mailbox.resume(() -> {
                if (error != null) {
                    transaction = null;
                    failAfterRunning(peer, call, digest, receivedNanos, RpcErrors.fromHandler(error), error);
                } else {
                    complete(current, peer, call, digest, receivedNanos,
                            pending.isVoid() ? MethodResult.none() : MethodResult.value(value));
                }
            });
        });
    }

    /** Lets an instance that a rejected call brought to life, and nothing else holds, leave at once. */
    private void retireIfUnused() {
        if (implementation == null && holds == 0 && mailbox.retireIfEmpty()) {
            registry.forget(this);
        }
    }

    private void complete(Transaction<S> finished, Peer peer, RpcCall call, String digest, long receivedNanos,
            MethodResult result) {
        OutgoingMessage reply;
        RpcResult outcome;
        String resultJson = null;
        try {
            var json = registry.codecs().json();
            if (!(result instanceof MethodResult.Value value)) {
                outcome = RpcResult.successVoid(call.id());
            } else if (digest == null) {
                outcome = RpcResult.success(call.id(), json.lazy(value.value()));
            } else {
                // Encoded once, for the answer, its replays and the change log alike; text cannot
                // change later, as the returned objects could.
                resultJson = json.toJson(value.value());
                outcome = RpcResult.success(call.id(), json.raw(resultJson));
            }
            reply = registry.codecs().encode(outcome);
            commit(finished, call.method(), digest == null ? null
                    : new KeyedCall(call.idempotencyKey(), digest, resultJson));
        } catch (RpcException refused) {
            failAfterRunning(peer, call, digest, receivedNanos, RpcErrors.fromHandler(refused), refused);
            return;
        } catch (RuntimeException encodingFailed) {
            fail(peer, call, receivedNanos, RpcErrors.unexpected(ErrorCode.INTERNAL_ERROR), encodingFailed);
            return;
        } finally {
            transaction = null;
        }
        if (digest != null) {
            remember(call, CallOutcomes.Outcome.returned(digest, resultJson));
        }
        peer.reply(reply);
        registry.metrics().rpcCompleted(key.actor(), "ok", registry.time().nanoTime() - receivedNanos);
    }

    /** A call that ran and failed: its failure is its outcome, which a repeat of its key gets again. */
    private void failAfterRunning(Peer peer, RpcCall call, String digest, long receivedNanos,
            RpcErrors.Failure failure, Throwable cause) {
        fail(peer, call, receivedNanos, failure, cause);
        if (digest != null) {
            remember(call, CallOutcomes.Outcome.failed(digest, failure.code(), failure.message()));
        }
    }

    private void fail(Peer peer, RpcCall call, long receivedNanos, RpcErrors.Failure failure, Throwable cause) {
        if (failure.expected()) {
            LOG.debug("{}.{} failed for {}: {}", key, call.method(), peer.clientId(), failure.message());
        } else {
            LOG.warn("{}.{} failed for {} [error id {}]", key, call.method(), peer.clientId(), failure.errorId(), cause);
        }
        peer.reply(registry.codecs().encode(RpcResult.failure(call.id(), failure.code(), failure.message())));
        registry.metrics().rpcCompleted(key.actor(), failure.code().wireName(), registry.time().nanoTime() - receivedNanos);
    }

    private void handleSubscribe(Peer peer, SubscriptionKind kind, OptionalLong since) {
        touch();
        Throwable startFailure = activate();
        if (startFailure != null) {
            RpcErrors.Failure failure = RpcErrors.unexpected(ErrorCode.INTERNAL_ERROR);
            LOG.warn("{} could not start for {} [error id {}]", key, peer.clientId(), failure.errorId(), startFailure);
            peer.send(registry.codecs().encode(new ProtocolError(ErrorCode.INTERNAL_ERROR, failure.message(),
                    kind == SubscriptionKind.STATE ? MessageType.STATE_SUB : MessageType.EVENT_SUB, key.actor(), key.id())));
            retireIfUnused();
            return;
        }
        if (kind == SubscriptionKind.EVENTS) {
            // Subscribed before onConnect runs, so the client hears what the hook emits to all.
            audience.subscribe(peer, kind);
            updateHolds();
            attach(peer);
            return;
        }
        attach(peer);
        audience.subscribe(peer, kind);
        if (views == null && recentPatches == null) {
            recentPatches = new RecentPatches(registry.limits().maxResumePatches(), registry.limits().maxResumeBytes());
        }
        // Sent between two transactions, so it is the first state this subscription sees and
        // every later patch applies to it.
        List<OutgoingMessage> missed = since.isPresent() ? missedSince(since.getAsLong()) : null;
        if (missed != null) {
            for (OutgoingMessage patch : missed) {
                peer.send(patch);
                registry.metrics().delivered(patch, 1);
            }
            registry.metrics().stateResumed();
        } else {
            OutgoingMessage current = views == null || Privilege.holds(peer.caller()) ? snapshot()
                    : views.snapshot(state, version, Audience.viewerOf(peer.caller()));
            peer.send(current);
            registry.metrics().delivered(current, 1);
        }
        updateHolds();
    }

    /**
     * The patches that bring a subscriber holding version {@code since} up to date: from memory,
     * else from the durable change log; {@code null} when a snapshot must be sent instead (views
     * differ per subscriber, so they always get one).
     */
    private List<OutgoingMessage> missedSince(long since) {
        if (views != null || since > version) {
            return null;
        }
        List<OutgoingMessage> missed = recentPatches.after(since, version);
        if (missed == null && durability != null && version - since <= registry.limits().maxResumePatches()) {
            try {
                missed = StoredPatches.read(durability, key, since, version, registry.codecs());
                if (missed != null) {
                    // The next subscriber coming back from as far behind is served from memory.
                    recentPatches.replaceWith(since, missed);
                }
            } catch (RuntimeException storeFailed) {
                LOG.warn("Could not read the change log of {} to resume a subscriber; sending a snapshot", key,
                        storeFailed);
            }
        }
        return missed;
    }

    private OutgoingMessage snapshot() {
        if (snapshot == null || snapshotVersion != version) {
            snapshot = registry.codecs().encode(new StateSnapshot(key.actor(), key.id(),
                    registry.codecs().json().lazy(state), OptionalLong.of(version)));
            snapshotVersion = version;
        }
        return snapshot;
    }

    private void handleUnsubscribe(Peer peer, SubscriptionKind kind) {
        touch();
        if (audience.unsubscribe(peer, kind)) {
            updateHolds();
        }
    }

    private void handleDisconnect(Peer peer) {
        boolean hadSubscriptions = audience.dropSubscriptions(peer);
        boolean wasClient = audience.leave(peer);
        updateHolds();
        if (wasClient || hadSubscriptions) {
            touch();
        }
        if (wasClient && lifecycle != null) {
            runHook("onDisconnect", peer.caller(), () -> lifecycle.onDisconnect(peer.caller()));
        }
    }

    private void handlePassivateIfIdle() {
        if (deactivated || holds != 0
                || registry.time().nanoTime() - lastActivity < registry.limits().idleTimeout().toNanos()) {
            return;
        }
        if (!mailbox.retireIfEmpty()) {
            return; // something arrived meanwhile: still needed
        }
        registry.forget(this);
        deactivate();
    }

    private String handlePassivateNow() {
        if (deactivated) {
            return "not live";
        }
        int others = audience.clientsOtherThanPrivileged();
        if (others > 0) {
            return "refused: " + others + " client(s) still use it";
        }
        if (!mailbox.retireIfEmpty()) {
            return "refused: messages are queued";
        }
        registry.forget(this);
        deactivate();
        return "passivated";
    }

    private void deactivate() {
        if (deactivated) {
            return;
        }
        deactivated = true;
        timers.cancelAll();
        if (implementation == null) {
            audience.clear();
            return;
        }
        registry.metrics().instanceRetired();
        for (Peer client : audience.clients()) {
            // The server is stopping under connections that are still open: their disconnects
            // would come too late, so each onConnect gets its onDisconnect here.
            handleDisconnect(client);
        }
        if (lifecycle != null) {
            // Subscribers are still attached, so what the hook changes or emits still reaches them.
            runHook("onDeactivate", null, lifecycle::onDeactivate);
        }
        audience.clear();
        LOG.debug("Deactivated {}", key);
    }

    /** Registers the client the first time it interacts with this instance, and runs {@code onConnect}. */
    private void attach(Peer peer) {
        if (!audience.join(peer)) {
            return;
        }
        updateHolds();
        if (lifecycle != null) {
            runHook("onConnect", peer.caller(), () -> lifecycle.onConnect(peer.caller()));
        }
    }

    Subscription schedule(Duration delay, Runnable task) {
        return timers.schedule(delay, task);
    }

    private void runTimer(Runnable task) {
        touch();
        runHook("a timer", null, task);
    }

    // ---------------------------------------------------------------- transactions

    /** Runs a lifecycle hook or timer as a transaction; a failure discards its changes and is logged. */
    private void runHook(String name, Caller caller, Runnable hook) {
        Transaction<S> current = new Transaction<>(caller, state);
        transaction = current;
        try {
            hook.run();
            commit(current, name);
        } catch (RpcException refused) {
            LOG.warn("{} of {} failed; its changes were discarded: {}", name, key, refused.getMessage());
        } catch (Throwable failure) {
            LOG.error("{} of {} failed; its changes were discarded", name, key, failure);
        } finally {
            transaction = null;
        }
    }

    /**
     * Publishes a transaction. Everything is encoded and checked before anything is sent, so a
     * failure leaves the state and every client untouched.
     *
     * @throws RpcException {@code conflict} if the new state would pass the state size limit
     */
    private void commit(Transaction<S> finished, String cause) {
        commit(finished, cause, null);
    }

    /** The idempotency key of a call that makes a change, with what a repeat is checked against and answered with. */
    private record KeyedCall(String key, String requestDigest, String result) {}

    private void commit(Transaction<S> finished, String cause, KeyedCall keyedCall) {
        S before = state;
        S after = finished.state();
        OutgoingMessage patch = null;
        List<ViewFanout.Frame> viewPatches = null;
        long nextVersion = version;
        long sizeBound = -1;
        if (after != before) {
            PatchBuilder operations = new PatchBuilder();
            type.binding().differ().diff(before, after, operations);
            if (!operations.isEmpty()) {
                nextVersion = version + 1;
                if (durability == null && !audience.hasStateSubscribers() && recentPatches == null) {
                    // Nobody to patch, nobody to resume: the change is sized, not sent. A later
                    // subscriber's snapshot carries this version.
                    sizeBound = checkSize(after, operations.operations());
                } else if (views != null) {
                    // The version follows the whole state, so every view gets a patch, empty or not.
                    viewPatches = views.patches(audience.stateSubscribers(), before, after, nextVersion);
                    sizeBound = checkSize(after, operations.operations());
                } else {
                    patch = registry.codecs().encode(new StatePatch(key.actor(), key.id(), operations.operations(),
                            OptionalLong.of(nextVersion)));
                    registry.metrics().patchEncoded();
                    sizeBound = checkSize(after, patch.bytes().length);
                }
                if (durability != null) {
                    persist(finished, cause, keyedCall, nextVersion, operations, after);
                }
            }
        }
        // Events go to subscribers only; with none, encoding them would be work for nobody.
        List<Transaction.PendingEvent> pending = audience.hasEventSubscribers() ? finished.events() : List.of();
        List<OutgoingMessage> events = new ArrayList<>(pending.size());
        for (Transaction.PendingEvent event : pending) {
            events.add(registry.codecs().encode(new EventMessage(key.actor(), key.id(), event.name(),
                    registry.codecs().json().lazy(event.payload()))));
        }

        boolean changed = nextVersion != version;
        state = after;
        version = nextVersion;
        if (sizeBound >= 0) {
            stateSize.committed(sizeBound);
        }
        if (recentPatches != null && changed) {
            if (patch != null) {
                Caller caller = finished.caller();
                recentPatches.add(nextVersion, patch, Instant.now(),
                        caller == null ? null : caller.userId().orElse(caller.clientId()), cause);
            } else {
                recentPatches.clear();
            }
        }
        if (patch != null) {
            audience.publishPatch(patch);
        }
        if (viewPatches != null) {
            audience.publishViewPatches(viewPatches);
        }
        for (int i = 0; i < events.size(); i++) {
            audience.publishEvent(events.get(i), pending.get(i).target());
        }
    }

    /** Returns once the change is durable; throws, leaving the state as it was, if it is not. */
    private void persist(Transaction<S> finished, String cause, KeyedCall keyedCall, long nextVersion,
            PatchBuilder operations, S after) {
        Caller caller = finished.caller();
        String who = caller == null ? null : caller.userId().orElse(caller.clientId());
        var json = registry.codecs().json();
        String patch = JsonPatch.of(operations.operations()).toJson().toString(); // RFC 6902, as clients get it
        Change change = keyedCall == null
                ? new Change(key.actor(), key.id(), nextVersion, Instant.now(), who, cause, patch)
                : new Change(key.actor(), key.id(), nextVersion, Instant.now(), who, cause, patch, keyedCall.key(),
                        keyedCall.requestDigest(), keyedCall.result());
        durability.commit(new Commit(change, json.toJson(after)));
    }

    private long checkSize(S next, long patchBytes) {
        return fitted(stateSize.fit(next, patchBytes));
    }

    private long checkSize(S next, List<PatchOperation> change) {
        return fitted(stateSize.fit(next, change));
    }

    private long fitted(long bound) {
        if (bound < 0) {
            throw RpcException.conflict("The state of " + key + " would exceed " + stateSize.limit()
                    + " bytes; it was left as it was");
        }
        return bound;
    }

    private void touch() {
        lastActivity = registry.time().nanoTime();
    }

    private void updateHolds() {
        holds = audience.size() + timers.size();
    }

    @Override
    public String toString() {
        return "ActorInstance[" + key + "]";
    }
}
