package dev.zocket.client;

import dev.zocket.ZocketException;

/**
 * A call or the connection itself failed because of the connection, not the server's answer:
 * {@code WebSocket closed} (the connection dropped while a call was waiting for its result),
 * {@code WebSocket client closed} ({@link ZocketClient#close()} was called), or
 * {@code WebSocket did not connect within 3000ms}.
 */
public class ConnectionException extends ZocketException {

    private static final long serialVersionUID = 1L;

    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
