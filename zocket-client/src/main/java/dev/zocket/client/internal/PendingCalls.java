package dev.zocket.client.internal;

import dev.zocket.client.ConnectionException;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.RpcResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Calls waiting for their results, correlated by id: sent at once when a link is attached, or
 * when the next one opens; failed when they time out, or when the client closes.
 *
 * <p>A call in flight when its link drops is, when re-sending, kept and sent again on the next
 * link as the very same message: the same rpc id (no answer can arrive for it on the dropped link,
 * whose events the engine ignores, so the id stays unambiguous) and the same idempotency key, so
 * that a server which ran it already answers with the stored outcome ({@code replayed}) instead of
 * running it twice. Otherwise it fails with {@code WebSocket closed}. Either way its timeout,
 * started when the call was made, still bounds it.
 *
 * <p><b>Threading.</b> Not thread-safe: the engine calls it under its lock. It completes no
 * future itself; completions go to the operation's {@link Deferred}.
 */
final class PendingCalls {

    private final Map<String, PendingCall> calls = new LinkedHashMap<>();
    private final Timers timers;
    private final JsonCodec json;

    PendingCalls(Timers timers, JsonCodec json) {
        this.timers = timers;
        this.json = json;
    }

    /** Registers {@code call} and sends it if a link is attached. */
    void add(PendingCall call, Outbox outbox) {
        calls.put(call.id, call);
        if (outbox.isAttached()) {
            call.markSent();
            outbox.sendText(call.text);
        }
    }

    /** A link opened: sends the calls that were waiting for one, in the order they were made. */
    void sendWaiting(Outbox outbox) {
        for (PendingCall call : calls.values()) {
            if (!call.sent()) {
                call.markSent();
                outbox.sendText(call.text);
            }
        }
    }

    void answered(RpcResult message, Deferred deferred) {
        PendingCall call = calls.remove(message.id());
        if (call != null) { // otherwise it timed out already
            call.answer(message, json, timers, deferred);
        }
    }

    /** Removes the call {@code id}, if it is still waiting, for its timeout to fail it. */
    PendingCall expire(String id) {
        return calls.remove(id);
    }

    /**
     * The link dropped. The calls it carried are kept for the next link when {@code resend},
     * otherwise failed with {@code WebSocket closed}; when {@code giveUp}, the calls still
     * waiting for a link fail with the error {@code notSent} makes.
     */
    void linkLost(boolean giveUp, boolean resend, Function<PendingCall, Throwable> notSent, Deferred deferred) {
        List<PendingCall> failed = new ArrayList<>();
        for (Iterator<PendingCall> waiting = calls.values().iterator(); waiting.hasNext(); ) {
            PendingCall call = waiting.next();
            if (call.sent() && resend) {
                call.markUnanswered();
            } else if (call.sent() || giveUp) {
                waiting.remove();
                failed.add(call);
            }
        }
        for (PendingCall call : failed) {
            call.fail(call.sent() ? new ConnectionException("WebSocket closed") : notSent.apply(call), timers, deferred);
        }
    }

    /** The client closed: fails every call with {@code error}. */
    void failAll(Throwable error, Deferred deferred) {
        for (PendingCall call : calls.values()) {
            call.fail(error, timers, deferred);
        }
        calls.clear();
    }
}
