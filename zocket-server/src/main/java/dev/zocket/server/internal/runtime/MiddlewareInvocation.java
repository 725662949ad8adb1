package dev.zocket.server.internal.runtime;

import dev.zocket.protocol.RpcCall;
import dev.zocket.server.Caller;
import dev.zocket.server.Invocation;
import java.util.Optional;

/** What middleware sees of the RPC in progress; what it attaches goes into the call's transaction. */
final class MiddlewareInvocation implements Invocation {

    private final InstanceKey key;
    private final Transaction<?> transaction;
    private final RpcCall call;

    MiddlewareInvocation(InstanceKey key, Transaction<?> transaction, RpcCall call) {
        this.key = key;
        this.transaction = transaction;
        this.call = call;
    }

    @Override
    public Caller caller() {
        return transaction.caller();
    }

    @Override
    public String actor() {
        return key.actor();
    }

    @Override
    public String actorId() {
        return key.id();
    }

    @Override
    public String method() {
        return call.method();
    }

    @Override
    public <T> void put(Class<T> type, T value) {
        transaction.attach(type, value);
    }

    @Override
    public <T> Optional<T> get(Class<T> type) {
        return Optional.ofNullable(transaction.attachment(type));
    }
}
