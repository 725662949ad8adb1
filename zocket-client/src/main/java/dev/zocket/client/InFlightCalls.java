package dev.zocket.client;

/**
 * What happens to a call that was sent, and is still waiting for its answer, when the connection
 * drops. Set with {@link ZocketClient.Builder#inFlightCalls}.
 *
 * <p>Every call carries an {@code idempotencyKey}, unique to the call. A Zocket server remembers
 * the outcome of each key for a while and answers a repeated key with that outcome (marked
 * {@code replayed}) instead of running the method again, which is what makes {@link #RESEND}
 * safe: the method runs at most once, and the caller learns its outcome.
 */
public enum InFlightCalls {

    /**
     * Re-send the call after the client reconnects, with the same id and idempotency key, until
     * it is answered or its {@code rpcTimeout} runs out; a short drop is invisible to the caller.
     * With reconnection off there is no next connection, and the call fails as with {@link #FAIL}.
     * Needs a server that honours idempotency keys (Zocket servers do; the original TypeScript
     * server does not, and would run the method again): use {@link #FAIL} against one that does not.
     */
    RESEND,

    /**
     * Fail the call with {@link ConnectionException} {@code WebSocket closed}, leaving the caller
     * to decide whether to call again (the method may or may not have run): the behaviour of
     * clients before idempotency keys.
     */
    FAIL
}
