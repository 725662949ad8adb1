package dev.zocket.client.internal;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import dev.zocket.ZocketException;
import dev.zocket.json.DecodeException;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import dev.zocket.protocol.RpcResult;
import java.util.concurrent.CompletableFuture;

/**
 * One call waiting for its result: the encoded {@code rpc} message (its id and idempotency key
 * included, so a re-sent call is the same message), whether it went out on the current link and
 * on any, its timeout, and the future the caller holds.
 *
 * <p><b>Threading.</b> Not thread-safe: touched under the engine's lock. Its future is completed
 * by a callback handed to the operation's {@link Deferred}, never under the lock.
 */
final class PendingCall {

    private static final JsonType<Void> VOID = JsonType.of(Void.class);

    final String id;
    final String method;
    final String text;
    private final JsonType<?> resultType;
    private final CompletableFuture<Object> result;
    private TimerSlot timeout;
    private boolean sent;
    private boolean everSent;

    PendingCall(String id, String method, String text, JsonType<?> resultType, CompletableFuture<Object> result) {
        this.id = id;
        this.method = method;
        this.text = text;
        this.resultType = resultType;
        this.result = result;
    }

    /** Whether it went out on the current link. */
    boolean sent() {
        return sent;
    }

    /** Whether it went out on any link, so the server may have run it. */
    boolean everSent() {
        return everSent;
    }

    void markSent() {
        sent = true;
        everSent = true;
    }

    /** Its link dropped before the answer came: it waits to be re-sent on the next one. */
    void markUnanswered() {
        sent = false;
    }

    void timeoutIs(TimerSlot timer) {
        this.timeout = timer;
    }

    void fail(Throwable error, Timers timers, Deferred deferred) {
        timers.cancel(timeout, deferred);
        deferred.callback(() -> result.completeExceptionally(error));
    }

    /** Completes with the server's answer, decoded on the callback thread. */
    void answer(RpcResult message, JsonCodec json, Timers timers, Deferred deferred) {
        timers.cancel(timeout, deferred);
        if (message.isError()) {
            ErrorCode code = message.code() != null ? message.code() : ErrorCode.INTERNAL_ERROR;
            deferred.callback(() -> result.completeExceptionally(new RpcException(code, message.error(),
                    message.version())));
            return;
        }
        deferred.callback(() -> {
            Object value;
            try {
                value = resultType.equals(VOID) ? null : json.decode(message.result(), resultType);
            } catch (DecodeException e) {
                result.completeExceptionally(new ZocketException("The result of " + method + " does not fit "
                        + resultType + ": " + e.getMessage(), e));
                return;
            }
            result.complete(value);
        });
    }
}
