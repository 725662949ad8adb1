package dev.zocket.client;

/**
 * Where a client's connection stands.
 *
 * <pre>
 * CONNECTING   -&gt; CONNECTED      the first connection opens
 * CONNECTED    -&gt; RECONNECTING   the connection drops unexpectedly
 * RECONNECTING -&gt; CONNECTED      a reconnection succeeds
 * any          -&gt; DISCONNECTED   close() was called, or the connection dropped with reconnect off
 * </pre>
 */
public enum ConnectionStatus {
    CONNECTING,
    CONNECTED,
    RECONNECTING,
    DISCONNECTED
}
