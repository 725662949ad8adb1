package dev.zocket.spi;

import dev.zocket.HandleMeta;
import dev.zocket.StateView;
import dev.zocket.Subscription;
import dev.zocket.json.JsonType;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The untyped connection from a generated handle to one actor instance. Implemented by the
 * client's engine, which the test kit runs over an in-memory transport, so the same generated
 * handles work against a real server and in tests.
 */
public interface ActorChannel {

    /**
     * Calls a method.
     *
     * @param input the input record, or {@code null} for a method without input
     * @param resultType the result type; {@code Void} for void methods, which complete with
     *     {@code null}
     */
    <R> CompletableFuture<R> call(String method, Object input, JsonType<R> resultType);

    /**
     * A channel to the same instance whose calls carry {@code baseVersion}: the server refuses
     * each with {@code conflict} (an {@link dev.zocket.RpcException} whose
     * {@link dev.zocket.RpcException#version() version} is the instance's current one), and runs
     * nothing, unless the instance's state is at that version. Listeners and state are this
     * channel's; closing the returned channel does nothing.
     *
     * @throws UnsupportedOperationException by channels that cannot make conditional calls (the
     *     default)
     */
    default ActorChannel withBaseVersion(long baseVersion) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot make conditional calls");
    }

    /** Listens to one event; the first listener on a channel sends {@code event:sub}. */
    <P> Subscription onEvent(String event, JsonType<P> payloadType, Consumer<? super P> listener);

    /** The state view; the same object on every call. */
    <S> StateView<S> state(JsonType<S> stateType);

    /** The actor name and instance id. */
    HandleMeta meta();

    /**
     * Releases the channel and the listeners added through it; see {@link dev.zocket.ActorHandle#close()}.
     * Idempotent.
     */
    void close();
}
