package dev.zocket.client.internal;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * Says in a few words why a connection attempt failed. The JDK's exceptions are often bare
 * ({@code ConnectException} with no message for a refused connection), so the cause is read
 * from their types.
 */
final class ConnectFailures {

    private ConnectFailures() {}

    /** For example {@code connection refused}, {@code unknown host}, {@code no answer within 3000ms}. */
    static String describe(Throwable failure, Duration connectTimeout) {
        Throwable cause = unwrap(failure);
        if (cause instanceof WebSocketHandshakeException handshake) {
            return handshake.getResponse() != null
                    ? "the server answered the WebSocket handshake with HTTP " + handshake.getResponse().statusCode()
                    : "the WebSocket handshake failed";
        }
        if (cause instanceof HttpTimeoutException) {
            return connectTimeout.isZero() ? "no answer" : "no answer within " + connectTimeout.toMillis() + "ms";
        }
        if (cause instanceof ConnectException) {
            if (cause.getCause() instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            return cause.getMessage() == null ? "connection refused" : cause.getMessage();
        }
        if (cause instanceof SSLException) {
            return "TLS failed: " + cause.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
