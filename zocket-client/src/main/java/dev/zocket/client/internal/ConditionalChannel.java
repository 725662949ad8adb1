package dev.zocket.client.internal;

import dev.zocket.HandleMeta;
import dev.zocket.StateView;
import dev.zocket.Subscription;
import dev.zocket.json.JsonType;
import dev.zocket.spi.ActorChannel;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A handle's channel whose calls carry a base version; everything else is the handle's own
 * channel's, and closing it does nothing, since it holds nothing of its own.
 *
 * <p><b>Threading.</b> Thread-safe, as the channel it wraps.
 */
final class ConditionalChannel implements ActorChannel {

    private final ClientEngine engine;
    private final HandleKey key;
    private final HandleChannel handle;
    private final OptionalLong baseVersion;

    ConditionalChannel(ClientEngine engine, HandleKey key, HandleChannel handle, long baseVersion) {
        this.engine = engine;
        this.key = key;
        this.handle = handle;
        this.baseVersion = OptionalLong.of(baseVersion);
    }

    @Override
    public <R> CompletableFuture<R> call(String method, Object input, JsonType<R> resultType) {
        return engine.call(key, method, input, resultType, baseVersion);
    }

    @Override
    public ActorChannel withBaseVersion(long otherVersion) {
        return handle.withBaseVersion(otherVersion);
    }

    @Override
    public <P> Subscription onEvent(String event, JsonType<P> payloadType, Consumer<? super P> listener) {
        return handle.onEvent(event, payloadType, listener);
    }

    @Override
    public <S> StateView<S> state(JsonType<S> stateType) {
        return handle.state(stateType);
    }

    @Override
    public HandleMeta meta() {
        return handle.meta();
    }

    /** Does nothing: the handle this one came from owns the listeners and subscriptions. */
    @Override
    public void close() {}
}
