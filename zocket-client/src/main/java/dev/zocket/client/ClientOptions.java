package dev.zocket.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a client connects and behaves. Built by {@link ZocketClient.Builder}.
 *
 * @param url the server's WebSocket URL
 * @param rpcTimeout how long a call may take in all, including waiting for a live connection;
 *     zero for no limit
 * @param connectTimeout how long {@link ZocketClient#ready()} waits for the first connection;
 *     zero for no limit
 * @param reconnect whether to reconnect after the connection drops
 * @param reconnectDelay a fixed delay between reconnection attempts, instead of exponential
 *     backoff with jitter (250 ms, 500 ms, 1 s, then 2 s); for deterministic tests
 * @param handleDisposeDelay how long a handle whose last user disposed it keeps its
 *     subscriptions, so that an immediate re-acquire reuses them
 * @param inFlightCalls whether a call waiting for its answer when the connection drops is re-sent
 *     after reconnecting (with the same idempotency key) or fails
 * @param heartbeatInterval how long an open connection may stay silent before the client pings
 *     the server; a connection still silent one interval after the ping counts as lost. Zero
 *     turns the check off
 */
public record ClientOptions(URI url, Duration rpcTimeout, Duration connectTimeout, boolean reconnect,
        Optional<Duration> reconnectDelay, Duration handleDisposeDelay, InFlightCalls inFlightCalls,
        Duration heartbeatInterval) {

    /** The heartbeat interval unless one is given: half the server's own 30 s ping interval. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

    public ClientOptions {
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equals("ws") || scheme.equals("wss"))) {
            throw new IllegalArgumentException("The URL must start with ws:// or wss://, got " + url);
        }
        nonNegative("rpcTimeout", rpcTimeout);
        nonNegative("connectTimeout", connectTimeout);
        Objects.requireNonNull(reconnectDelay, "reconnectDelay");
        reconnectDelay.ifPresent(delay -> nonNegative("reconnectDelay", delay));
        nonNegative("handleDisposeDelay", handleDisposeDelay);
        Objects.requireNonNull(inFlightCalls, "inFlightCalls");
        nonNegative("heartbeatInterval", heartbeatInterval);
    }

    /** Options with the {@linkplain #DEFAULT_HEARTBEAT_INTERVAL default heartbeat interval}. */
    public ClientOptions(URI url, Duration rpcTimeout, Duration connectTimeout, boolean reconnect,
            Optional<Duration> reconnectDelay, Duration handleDisposeDelay, InFlightCalls inFlightCalls) {
        this(url, rpcTimeout, connectTimeout, reconnect, reconnectDelay, handleDisposeDelay, inFlightCalls,
                DEFAULT_HEARTBEAT_INTERVAL);
    }

    /**
     * Options that re-send in-flight calls after a reconnection ({@link InFlightCalls#RESEND}), with
     * the default heartbeat interval.
     */
    public ClientOptions(URI url, Duration rpcTimeout, Duration connectTimeout, boolean reconnect,
            Optional<Duration> reconnectDelay, Duration handleDisposeDelay) {
        this(url, rpcTimeout, connectTimeout, reconnect, reconnectDelay, handleDisposeDelay, InFlightCalls.RESEND);
    }

    private static void nonNegative(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
