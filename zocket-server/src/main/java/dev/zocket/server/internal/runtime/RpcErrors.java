package dev.zocket.server.internal.runtime;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns what a handler, middleware or factory threw into the error an RPC reports. Only an
 * {@link RpcException}'s message reaches the client; anything else is unexpected, and the client
 * sees a generic message with an error id that the server's log line carries too.
 */
final class RpcErrors {

    /**
     * An error code and the message the caller sees.
     *
     * @param errorId set for unexpected failures: the id the client and the log share
     */
    record Failure(ErrorCode code, String message, String errorId) {

        boolean expected() {
            return errorId == null;
        }
    }

    private RpcErrors() {}

    /** A handler failed: its own code if it threw an {@link RpcException}, else {@code internal_error}. */
    static Failure fromHandler(Throwable thrown) {
        return describe(thrown, ErrorCode.INTERNAL_ERROR);
    }

    /** Middleware rejected the call: {@code forbidden} unless it chose a code. */
    static Failure fromMiddleware(Throwable thrown) {
        return describe(thrown, ErrorCode.FORBIDDEN);
    }

    /** Something failed that the client cannot act on: a generic message with a fresh error id. */
    static Failure unexpected(ErrorCode code) {
        String errorId = Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        String summary = code == ErrorCode.FORBIDDEN ? "Call rejected" : "Internal server error";
        return new Failure(code, summary + " (error id " + errorId + ")", errorId);
    }

    private static Failure describe(Throwable thrown, ErrorCode fallback) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof RpcException rpc) {
            return new Failure(rpc.code(), rpc.getMessage(), null);
        }
        return unexpected(fallback);
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
