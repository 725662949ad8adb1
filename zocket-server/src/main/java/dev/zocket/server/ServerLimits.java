package dev.zocket.server;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The limits that protect a server from one client, with their defaults. Every limit can be set
 * on {@link ZocketServer.Builder} or through an environment variable; see docs/server.md for the
 * table of variables and the error each limit produces.
 *
 * @param maxFrameBytes largest incoming WebSocket message; bigger ones close the connection
 *     with 1009
 * @param maxActorNameLength longest actor name accepted in a message
 * @param maxActorIdLength longest actor instance id accepted in a message
 * @param maxInflightRpcs calls one connection may have waiting for a result
 * @param maxSubscriptions event and state subscriptions one connection may hold
 * @param maxMailboxDepth messages one actor instance may have queued; more RPCs fail with
 *     {@code overloaded}
 * @param maxBufferedBytes bytes the server may hold for one connection that reads too slowly;
 *     beyond it the connection is closed with 1013
 * @param maxMalformedFrames malformed messages a second one connection may send, sustained: each
 *     is answered, and the connection is closed with 1008 only once it has spent an allowance
 *     of 5 seconds' worth (a token bucket)
 * @param idleTimeout how long an instance with no connected clients stays in memory
 * @param shutdownTimeout how long a graceful shutdown waits for queued work
 * @param heartbeatInterval silence after which a connection is pinged; silent for twice as long
 *     it is closed, and a new connection must finish its handshake within it
 */
public record ServerLimits(int maxFrameBytes, int maxActorNameLength, int maxActorIdLength, int maxInflightRpcs,
        int maxSubscriptions, int maxMailboxDepth, long maxBufferedBytes, int maxMalformedFrames,
        Duration idleTimeout, Duration shutdownTimeout, Duration heartbeatInterval) {

    /** The defaults: 256 KiB frames, 64/128-character names and ids, 128 calls in flight, 256 subscriptions, 1024 queued messages, 8 MiB buffered, 10 malformed frames a second, 5 minutes idle, 10 seconds to shut down, a 30-second heartbeat. */
    public static final ServerLimits DEFAULTS = new ServerLimits(256 * 1024, 64, 128, 128, 256, 1024,
            8L * 1024 * 1024, 10, Duration.ofMinutes(5), Duration.ofSeconds(10), Duration.ofSeconds(30));

    public ServerLimits {
        positive("maxFrameBytes", maxFrameBytes);
        positive("maxActorNameLength", maxActorNameLength);
        positive("maxActorIdLength", maxActorIdLength);
        positive("maxInflightRpcs", maxInflightRpcs);
        positive("maxSubscriptions", maxSubscriptions);
        positive("maxMailboxDepth", maxMailboxDepth);
        positive("maxBufferedBytes", maxBufferedBytes);
        positive("maxMalformedFrames", maxMalformedFrames);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive, got " + heartbeatInterval);
        }
    }

    /**
     * These limits with any set in {@code environment} applied: {@code ZOCKET_MAX_FRAME_BYTES},
     * {@code ZOCKET_MAX_ACTOR_NAME_LENGTH}, {@code ZOCKET_MAX_ACTOR_ID_LENGTH},
     * {@code ZOCKET_MAX_INFLIGHT_RPCS}, {@code ZOCKET_MAX_SUBSCRIPTIONS},
     * {@code ZOCKET_MAX_MAILBOX_DEPTH}, {@code ZOCKET_MAX_BUFFERED_BYTES},
     * {@code ZOCKET_MAX_MALFORMED_FRAMES}, {@code ZOCKET_IDLE_TIMEOUT_SECONDS},
     * {@code ZOCKET_SHUTDOWN_TIMEOUT_SECONDS}, {@code ZOCKET_HEARTBEAT_SECONDS}.
     *
     * @throws IllegalArgumentException naming the variable if a value is not a positive integer
     */
    public ServerLimits withEnvironment(Map<String, String> environment) {
        Env env = new Env(environment);
        return new ServerLimits(
                env.integer("ZOCKET_MAX_FRAME_BYTES", maxFrameBytes),
                env.integer("ZOCKET_MAX_ACTOR_NAME_LENGTH", maxActorNameLength),
                env.integer("ZOCKET_MAX_ACTOR_ID_LENGTH", maxActorIdLength),
                env.integer("ZOCKET_MAX_INFLIGHT_RPCS", maxInflightRpcs),
                env.integer("ZOCKET_MAX_SUBSCRIPTIONS", maxSubscriptions),
                env.integer("ZOCKET_MAX_MAILBOX_DEPTH", maxMailboxDepth),
                env.longInteger("ZOCKET_MAX_BUFFERED_BYTES", maxBufferedBytes),
                env.integer("ZOCKET_MAX_MALFORMED_FRAMES", maxMalformedFrames),
                Duration.ofSeconds(env.longInteger("ZOCKET_IDLE_TIMEOUT_SECONDS", idleTimeout.toSeconds())),
                Duration.ofSeconds(env.longInteger("ZOCKET_SHUTDOWN_TIMEOUT_SECONDS", shutdownTimeout.toSeconds())),
                Duration.ofSeconds(env.longInteger("ZOCKET_HEARTBEAT_SECONDS", heartbeatInterval.toSeconds())));
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Reads positive integers from environment variables, naming the variable when one is wrong. */
    static final class Env {
        private final Map<String, String> values;

        Env(Map<String, String> values) {
            this.values = values;
        }

        int integer(String name, int fallback) {
            long value = longInteger(name, fallback);
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " must be at most " + Integer.MAX_VALUE + ", got " + value);
            }
            return (int) value;
        }

        long longInteger(String name, long fallback) {
            String text = values.get(name);
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                long value = Long.parseLong(text.strip());
                if (value <= 0) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a positive integer, got '" + text + "'");
            }
        }

        /** A port: 0 (any free port) to 65535. */
        Integer port(String name) {
            String text = values.get(name);
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                int port = Integer.parseInt(text.strip());
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number from 0 to 65535, got '" + text + "'");
            }
        }
    }
}
