package dev.zocket.client;

import dev.zocket.ZocketException;

/**
 * A call or the connection itself failed because of the connection, not the server's answer:
 * <ul>
 *   <li>{@code Could not connect to ws://localhost:3001: connection refused}: no connection
 *       opened within the connect timeout ({@link ZocketClient#ready()}), or at all with
 *       reconnection off; the text after the URL is the last attempt's failure, which is also
 *       the {@linkplain #getCause() cause} when there is one;
 *   <li>{@code RPC "sendMessage" was not sent within 10000ms: Could not connect to ...}: a call
 *       waited for a connection that never came (never sent, so safe to retry);
 *   <li>{@code WebSocket closed}: the connection dropped while a call was waiting for its
 *       result (it may or may not have run), and the call was not re-sent: reconnection is off,
 *       or in-flight calls {@linkplain InFlightCalls#FAIL fail};
 *   <li>{@code WebSocket client closed}: {@link ZocketClient#close()} was called.
 * </ul>
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
