package dev.zocket.server.internal.runtime;

import dev.zocket.ErrorCode;
import dev.zocket.RpcException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns what a handler or middleware threw into the error an RPC reports. */
final class RpcErrors {

    /** An error code and the message the caller sees. */
    record Failure(ErrorCode code, String message, boolean expected) {}

    private RpcErrors() {}

    /** A handler failed: its own code if it threw an {@link RpcException}, else {@code internal_error}. */
    static Failure fromHandler(Throwable thrown) {
        return describe(thrown, ErrorCode.INTERNAL_ERROR);
    }

    /** Middleware rejected the call: {@code forbidden} unless it chose a code. */
    static Failure fromMiddleware(Throwable thrown) {
        return describe(thrown, ErrorCode.FORBIDDEN);
    }

    private static Failure describe(Throwable thrown, ErrorCode fallback) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof RpcException rpc) {
            return new Failure(rpc.code(), rpc.getMessage(), true);
        }
        String message = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Failure(fallback, message, fallback != ErrorCode.INTERNAL_ERROR);
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
