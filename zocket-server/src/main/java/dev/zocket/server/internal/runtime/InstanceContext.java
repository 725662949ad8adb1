package dev.zocket.server.internal.runtime;

import dev.zocket.Subscription;
import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.server.ActorContext;
import dev.zocket.server.Caller;
import dev.zocket.server.Emitter;
import dev.zocket.spi.EventSink;
import dev.zocket.spi.EventTarget;
import dev.zocket.validation.Violations;
import jakarta.validation.ConstraintViolation;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** The {@link ActorContext} an instance gives its implementation; works on the current transaction. */
final class InstanceContext<C, S extends Record, E> implements ActorContext<S, E>, EventSink {

    private final ActorInstance<C, S, E> instance;
    private final Emitter<E> emitter = new TargetedEmitter();

    InstanceContext(ActorInstance<C, S, E> instance) {
        this.instance = instance;
    }

    @Override
    public String actorName() {
        return instance.key().actor();
    }

    @Override
    public String actorId() {
        return instance.key().id();
    }

    @Override
    public S state() {
        Transaction<S> transaction = instance.transaction();
        return transaction != null && transaction.usableHere() ? transaction.state() : instance.committedState();
    }

    @Override
    public void setState(S next) {
        Objects.requireNonNull(next, "The state must not be null");
        transaction("setState").setState(next);
    }

    @Override
    public S update(UnaryOperator<S> change) {
        Transaction<S> transaction = transaction("update");
        S next = Objects.requireNonNull(change.apply(transaction.state()), "update() must not produce a null state");
        transaction.setState(next);
        return next;
    }

    @Override
    public Emitter<E> emit() {
        transaction("emit");
        return emitter;
    }

    @Override
    public Caller caller() {
        Caller caller = transaction("caller").caller();
        if (caller == null) {
            throw new IllegalStateException("caller() has no client here: " + instance.key()
                    + " is running a timer or an activation hook, which no client sent");
        }
        return caller;
    }

    @Override
    public Set<String> clients() {
        return instance.clientIds();
    }

    @Override
    public <T> Optional<T> context(Class<T> type) {
        Transaction<S> transaction = instance.transaction();
        return transaction == null ? Optional.empty() : Optional.ofNullable(transaction.attachment(type));
    }

    @Override
    public Subscription schedule(Duration delay, Runnable task) {
        return instance.schedule(delay, task);
    }

    /** Called by the generated emitter: validates now, delivers when the transaction commits. */
    @Override
    public void emit(String event, Object payload, EventTarget target) {
        Transaction<S> transaction = transaction("emit");
        Set<ConstraintViolation<Object>> violations = instance.codecs().validator().validate(payload);
        if (!violations.isEmpty()) {
            throw new RpcException(ErrorCode.INTERNAL_ERROR,
                    "Event " + event + " has an invalid payload: " + Violations.format(violations));
        }
        transaction.emit(new Transaction.PendingEvent(event, payload, target));
    }

    private Transaction<S> transaction(String operation) {
        Transaction<S> transaction = instance.transaction();
        if (transaction == null || !transaction.usableHere()) {
            throw new IllegalStateException(operation + "() is only available while " + instance.key()
                    + " is handling a message (an RPC, a hook or a timer)");
        }
        return transaction;
    }

    private final class TargetedEmitter implements Emitter<E> {
        @Override
        public E broadcast() {
            return instance.emitterFor(InstanceContext.this, EventTarget.broadcast());
        }

        @Override
        public E to(String... clientIds) {
            return to(Arrays.asList(clientIds));
        }

        @Override
        public E to(Collection<String> clientIds) {
            return instance.emitterFor(InstanceContext.this, EventTarget.to(new HashSet<>(clientIds)));
        }

        @Override
        public E except(String... clientIds) {
            return except(Arrays.asList(clientIds));
        }

        @Override
        public E except(Collection<String> clientIds) {
            return instance.emitterFor(InstanceContext.this, EventTarget.except(new HashSet<>(clientIds)));
        }
    }
}
