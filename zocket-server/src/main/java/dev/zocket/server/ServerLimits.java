package dev.zocket.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The limits that protect a server from one client, shared by {@link ZocketServer} and the
 * test kit. Each limit is declared once below, as a {@link Limit} constant that carries its
 * builder name, default, environment variable and documentation; the table in docs/server.md is
 * checked against these declarations by a test.
 *
 * <pre>{@code
 * ServerLimits limits = ServerLimits.builder().maxFrameBytes(64 * 1024).idleTimeout(Duration.ofMinutes(1)).build();
 * }</pre>
 *
 * <p>Instances are immutable. Adding a limit means a constant, an accessor and a setter here,
 * and a setter on {@link ZocketBuilder}; {@code ServerLimitsTest} fails until all four exist.
 */
public final class ServerLimits {

    private static final List<Limit<?>> DECLARED = new ArrayList<>();

    /** Largest incoming WebSocket message; bigger ones close the connection with 1009. */
    public static final Limit<Integer> MAX_FRAME_BYTES = Limit.bytes("maxFrameBytes", 256 * 1024,
            "ZOCKET_MAX_FRAME_BYTES", "incoming message size", "connection closed with 1009");

    /** Longest actor name accepted in a message. */
    public static final Limit<Integer> MAX_ACTOR_NAME_LENGTH = Limit.count("maxActorNameLength", 64,
            "ZOCKET_MAX_ACTOR_NAME_LENGTH", "actor name length",
            "`bad_request`: `Actor name is too long: the limit is 64 characters`");

    /** Longest actor instance id accepted in a message. */
    public static final Limit<Integer> MAX_ACTOR_ID_LENGTH = Limit.count("maxActorIdLength", 128,
            "ZOCKET_MAX_ACTOR_ID_LENGTH", "actor id length",
            "`bad_request`: `Actor id is too long: the limit is 128 characters`");

    /** Calls one connection may have waiting for a result. */
    public static final Limit<Integer> MAX_INFLIGHT_RPCS = Limit.count("maxInflightRpcs", 128,
            "ZOCKET_MAX_INFLIGHT_RPCS", "calls in flight per connection",
            "`overloaded`: `Too many calls in flight: the limit is 128 per connection`");

    /** Event and state subscriptions one connection may hold. */
    public static final Limit<Integer> MAX_SUBSCRIPTIONS = Limit.count("maxSubscriptions", 256,
            "ZOCKET_MAX_SUBSCRIPTIONS", "subscriptions per connection",
            "`error` message, `overloaded`: `Too many subscriptions: the limit is 256 per connection`");

    /** Messages one actor instance may have queued; more RPCs fail with {@code overloaded}. */
    public static final Limit<Integer> MAX_MAILBOX_DEPTH = Limit.count("maxMailboxDepth", 1024,
            "ZOCKET_MAX_MAILBOX_DEPTH", "messages queued per instance",
            "`overloaded`: `Actor chat/room-1 is overloaded: 1024 messages are queued`");

    /** Bytes held for one connection that reads too slowly; beyond it the connection is closed with 1013. */
    public static final Limit<Long> MAX_BUFFERED_BYTES = Limit.largeBytes("maxBufferedBytes", 8L * 1024 * 1024,
            "ZOCKET_MAX_BUFFERED_BYTES", "bytes buffered for a slow reader", "connection closed with 1013");

    /**
     * Malformed messages a second one connection may send, sustained: each is answered, and the
     * connection is closed with 1008 only once it has spent an allowance of 5 seconds' worth (a
     * token bucket).
     */
    public static final Limit<Integer> MAX_MALFORMED_FRAMES = Limit.count("maxMalformedFrames", 10,
            "ZOCKET_MAX_MALFORMED_FRAMES", "malformed messages per second, sustained",
            "each is answered; connection closed with 1008 once the allowance (5 seconds' worth: 50) is spent");

    /** How long an instance with no connected clients stays in memory. */
    public static final Limit<Duration> IDLE_TIMEOUT = Limit.seconds("idleTimeout", Duration.ofMinutes(5),
            "ZOCKET_IDLE_TIMEOUT_SECONDS", "idle time before passivation", "instance passivated");

    /** How long a graceful shutdown waits for queued work. */
    public static final Limit<Duration> SHUTDOWN_TIMEOUT = Limit.seconds("shutdownTimeout", Duration.ofSeconds(10),
            "ZOCKET_SHUTDOWN_TIMEOUT_SECONDS", "graceful shutdown wait", "shutdown proceeds without waiting further");

    /**
     * Silence after which a connection is pinged; silent for twice as long it is closed, and a
     * new connection must finish its handshake within it.
     */
    public static final Limit<Duration> HEARTBEAT_INTERVAL = Limit.seconds("heartbeatInterval", Duration.ofSeconds(30),
            "ZOCKET_HEARTBEAT_SECONDS", "silence before a ping",
            "pinged; silent for twice as long, the connection is dropped (the client sees 1006)");

    // ---- Actor instances and handlers (issue 15: lifecycle, instance bounds, state size, deadlines)

    /**
     * Distinct actor instances one connection may address. Each stays live while the connection
     * is open (it is one of the instance's clients), so this caps what one connection can pin:
     * a browser tab touches a handful, and 1,000 leaves ample room.
     */
    public static final Limit<Integer> MAX_INSTANCES_PER_CONNECTION = Limit.count("maxInstancesPerConnection", 1_000,
            "ZOCKET_MAX_INSTANCES_PER_CONNECTION", "actor instances per connection",
            "`overloaded`: `Too many actor instances for one connection: the limit is 1000`");

    /**
     * Live actor instances in the server. An empty instance costs about a kilobyte of heap, so
     * the default keeps instances alone near 100 MB; raise it with the heap.
     */
    public static final Limit<Integer> MAX_INSTANCES = Limit.count("maxInstances", 100_000,
            "ZOCKET_MAX_INSTANCES", "live actor instances in total",
            "`overloaded`: `Too many live actor instances: the limit is 100000`");

    /**
     * Largest state of one instance, encoded as JSON. A change that would exceed it fails and
     * leaves the state as it was, so one client cannot grow a shared instance until nobody can
     * subscribe to it.
     */
    public static final Limit<Integer> MAX_STATE_BYTES = Limit.bytes("maxStateBytes", 1024 * 1024,
            "ZOCKET_MAX_STATE_BYTES", "encoded state size per instance",
            "`conflict`: `The state of chat/room-1 would exceed 1048576 bytes`; the state is unchanged");

    /** How long an asynchronous handler may take; its instance handles nothing else meanwhile. */
    public static final Limit<Duration> HANDLER_TIMEOUT = Limit.seconds("handlerTimeout", Duration.ofSeconds(30),
            "ZOCKET_HANDLER_TIMEOUT_SECONDS", "asynchronous handler deadline",
            "`timeout`; the instance moves on and a late result is discarded");

    // ---- Transport and HTTP bounds (issue 15: connections, bytes waiting, slow frames and requests)

    /** Open connections, handshaking or not; beyond it a new socket is answered HTTP 503 and closed. */
    public static final Limit<Integer> MAX_CONNECTIONS = Limit.count("maxConnections", 10_000,
            "ZOCKET_MAX_CONNECTIONS", "connections in total", "new socket answered `HTTP 503` and closed");

    /**
     * Bytes waiting to be sent across all connections; beyond it the connections with the most
     * waiting are closed with 1013 until the total is back under it.
     */
    public static final Limit<Long> MAX_OUTBOUND_BYTES = Limit.largeBytes("maxOutboundBytes", 256L * 1024 * 1024,
            "ZOCKET_MAX_OUTBOUND_BYTES", "bytes buffered for all connections",
            "connections with the most waiting closed with 1013, largest first");

    /** Time a WebSocket frame may take to arrive once its first byte has. */
    public static final Limit<Duration> FRAME_TIMEOUT = Limit.seconds("frameTimeout", Duration.ofSeconds(30),
            "ZOCKET_FRAME_TIMEOUT_SECONDS", "time for one frame to arrive", "connection closed with 1008");

    /** Time an HTTP request (health, metrics, files) may take to arrive. */
    public static final Limit<Duration> HTTP_REQUEST_TIMEOUT = Limit.seconds("httpRequestTimeout",
            Duration.ofSeconds(10), "ZOCKET_HTTP_REQUEST_TIMEOUT_SECONDS", "time for an HTTP request to arrive",
            "socket closed without an answer");

    // ---- Exactly-once calls and resume (issue 18: idempotency keys, the recent-patch log)

    /** Longest idempotency key accepted on a call. */
    public static final Limit<Integer> MAX_IDEMPOTENCY_KEY_LENGTH = Limit.count("maxIdempotencyKeyLength", 128,
            "ZOCKET_MAX_IDEMPOTENCY_KEY_LENGTH", "idempotency key length",
            "`bad_request`: `Idempotency key is too long: the limit is 128 characters`");

    /**
     * Outcomes of calls with an idempotency key that one instance remembers; past it the oldest
     * is forgotten, and a repeat of its key runs again.
     */
    public static final Limit<Integer> MAX_CALL_OUTCOMES = Limit.count("maxCallOutcomes", 1_000,
            "ZOCKET_MAX_CALL_OUTCOMES", "remembered call outcomes per instance",
            "oldest outcome forgotten: a repeat of its key runs the call again");

    /**
     * Bytes of remembered call outcomes per instance, as kept: each key, request digest and
     * encoded result (or error message); the newest is always kept.
     */
    public static final Limit<Integer> MAX_CALL_OUTCOME_BYTES = Limit.bytes("maxCallOutcomeBytes", 256 * 1024,
            "ZOCKET_MAX_CALL_OUTCOME_BYTES", "remembered call outcome bytes per instance",
            "oldest outcomes forgotten until the rest fit");

    /** How long a call's outcome is remembered for a repeat of its idempotency key. */
    public static final Limit<Duration> CALL_OUTCOME_RETENTION = Limit.seconds("callOutcomeRetention",
            Duration.ofMinutes(10), "ZOCKET_CALL_OUTCOME_RETENTION_SECONDS", "how long a call outcome is remembered",
            "outcome forgotten: a repeat of its key runs the call again");

    /**
     * Recent state patches one instance keeps for subscribers that resume with {@code since};
     * a client further behind gets a snapshot. Also the most patches read back from a durable
     * store's change log for one resume.
     */
    public static final Limit<Integer> MAX_RESUME_PATCHES = Limit.count("maxResumePatches", 256,
            "ZOCKET_MAX_RESUME_PATCHES", "recent patches kept per instance for resume",
            "a subscriber further behind gets a `state:snapshot`");

    /** Bytes of recent state patches one instance keeps for resume (encoded frames). */
    public static final Limit<Integer> MAX_RESUME_BYTES = Limit.bytes("maxResumeBytes", 64 * 1024,
            "ZOCKET_MAX_RESUME_BYTES", "recent patch bytes kept per instance for resume",
            "oldest patches dropped; a subscriber further behind gets a `state:snapshot`");

    /** Every limit at its default. */
    public static final ServerLimits DEFAULTS = new ServerLimits(Map.of());

    private final Map<Limit<?>, Object> values;

    private ServerLimits(Map<Limit<?>, Object> settings) {
        Map<Limit<?>, Object> all = new LinkedHashMap<>();
        for (Limit<?> limit : DECLARED) {
            all.put(limit, settings.containsKey(limit) ? settings.get(limit) : limit.defaultValue());
        }
        this.values = Collections.unmodifiableMap(all);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Every declared limit, in declaration order. */
    public static List<Limit<?>> all() {
        return List.copyOf(DECLARED);
    }

    /** The value of {@code limit}. */
    public <T> T get(Limit<T> limit) {
        return limit.type().cast(values.get(limit));
    }

    public int maxFrameBytes() {
        return get(MAX_FRAME_BYTES);
    }

    public int maxActorNameLength() {
        return get(MAX_ACTOR_NAME_LENGTH);
    }

    public int maxActorIdLength() {
        return get(MAX_ACTOR_ID_LENGTH);
    }

    public int maxInflightRpcs() {
        return get(MAX_INFLIGHT_RPCS);
    }

    public int maxSubscriptions() {
        return get(MAX_SUBSCRIPTIONS);
    }

    public int maxMailboxDepth() {
        return get(MAX_MAILBOX_DEPTH);
    }

    public long maxBufferedBytes() {
        return get(MAX_BUFFERED_BYTES);
    }

    public int maxMalformedFrames() {
        return get(MAX_MALFORMED_FRAMES);
    }

    public Duration idleTimeout() {
        return get(IDLE_TIMEOUT);
    }

    public Duration shutdownTimeout() {
        return get(SHUTDOWN_TIMEOUT);
    }

    public Duration heartbeatInterval() {
        return get(HEARTBEAT_INTERVAL);
    }

    public int maxInstancesPerConnection() {
        return get(MAX_INSTANCES_PER_CONNECTION);
    }

    public int maxInstances() {
        return get(MAX_INSTANCES);
    }

    public int maxStateBytes() {
        return get(MAX_STATE_BYTES);
    }

    public Duration handlerTimeout() {
        return get(HANDLER_TIMEOUT);
    }

    public int maxConnections() {
        return get(MAX_CONNECTIONS);
    }

    public long maxOutboundBytes() {
        return get(MAX_OUTBOUND_BYTES);
    }

    public Duration frameTimeout() {
        return get(FRAME_TIMEOUT);
    }

    public Duration httpRequestTimeout() {
        return get(HTTP_REQUEST_TIMEOUT);
    }

    public int maxIdempotencyKeyLength() {
        return get(MAX_IDEMPOTENCY_KEY_LENGTH);
    }

    public int maxCallOutcomes() {
        return get(MAX_CALL_OUTCOMES);
    }

    public int maxCallOutcomeBytes() {
        return get(MAX_CALL_OUTCOME_BYTES);
    }

    public Duration callOutcomeRetention() {
        return get(CALL_OUTCOME_RETENTION);
    }

    public int maxResumePatches() {
        return get(MAX_RESUME_PATCHES);
    }

    public int maxResumeBytes() {
        return get(MAX_RESUME_BYTES);
    }

    /**
     * These limits with those set in {@code environment} applied, each read from its limit's
     * {@link Limit#environmentVariable()}; durations are given in whole seconds.
     *
     * @throws IllegalArgumentException naming the variable if a value is not a positive integer
     */
    public ServerLimits withEnvironment(Map<String, String> environment) {
        Builder builder = toBuilder();
        for (Limit<?> limit : DECLARED) {
            builder.setFromEnvironment(limit, environment);
        }
        return builder.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerLimits limits && values.equals(limits.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "ServerLimits[", "]");
        values.forEach((limit, value) -> text.add(limit.name() + "=" + value));
        return text.toString();
    }

    /**
     * Builds {@link ServerLimits}; each setter checks its value and fails naming the limit.
     * Not thread-safe.
     */
    public static final class Builder {

        private final ServerLimits base;
        private final Map<Limit<?>, Object> settings = new LinkedHashMap<>();

        private Builder(ServerLimits base) {
            this.base = base;
        }

        /** Sets {@code limit} to {@code value}. */
        public <T> Builder set(Limit<T> limit, T value) {
            settings.put(limit, limit.check(value));
            return this;
        }

        public Builder maxFrameBytes(int bytes) {
            return set(MAX_FRAME_BYTES, bytes);
        }

        public Builder maxActorNameLength(int characters) {
            return set(MAX_ACTOR_NAME_LENGTH, characters);
        }

        public Builder maxActorIdLength(int characters) {
            return set(MAX_ACTOR_ID_LENGTH, characters);
        }

        public Builder maxInflightRpcs(int calls) {
            return set(MAX_INFLIGHT_RPCS, calls);
        }

        public Builder maxSubscriptions(int subscriptions) {
            return set(MAX_SUBSCRIPTIONS, subscriptions);
        }

        public Builder maxMailboxDepth(int messages) {
            return set(MAX_MAILBOX_DEPTH, messages);
        }

        public Builder maxBufferedBytes(long bytes) {
            return set(MAX_BUFFERED_BYTES, bytes);
        }

        public Builder maxMalformedFrames(int frames) {
            return set(MAX_MALFORMED_FRAMES, frames);
        }

        public Builder idleTimeout(Duration timeout) {
            return set(IDLE_TIMEOUT, timeout);
        }

        public Builder shutdownTimeout(Duration timeout) {
            return set(SHUTDOWN_TIMEOUT, timeout);
        }

        public Builder heartbeatInterval(Duration interval) {
            return set(HEARTBEAT_INTERVAL, interval);
        }

        public Builder maxInstancesPerConnection(int instances) {
            return set(MAX_INSTANCES_PER_CONNECTION, instances);
        }

        public Builder maxInstances(int instances) {
            return set(MAX_INSTANCES, instances);
        }

        public Builder maxStateBytes(int bytes) {
            return set(MAX_STATE_BYTES, bytes);
        }

        public Builder handlerTimeout(Duration timeout) {
            return set(HANDLER_TIMEOUT, timeout);
        }

        public Builder maxConnections(int connections) {
            return set(MAX_CONNECTIONS, connections);
        }

        public Builder maxOutboundBytes(long bytes) {
            return set(MAX_OUTBOUND_BYTES, bytes);
        }

        public Builder frameTimeout(Duration timeout) {
            return set(FRAME_TIMEOUT, timeout);
        }

        public Builder httpRequestTimeout(Duration timeout) {
            return set(HTTP_REQUEST_TIMEOUT, timeout);
        }

        public Builder maxIdempotencyKeyLength(int characters) {
            return set(MAX_IDEMPOTENCY_KEY_LENGTH, characters);
        }

        public Builder maxCallOutcomes(int outcomes) {
            return set(MAX_CALL_OUTCOMES, outcomes);
        }

        public Builder maxCallOutcomeBytes(int bytes) {
            return set(MAX_CALL_OUTCOME_BYTES, bytes);
        }

        public Builder callOutcomeRetention(Duration retention) {
            return set(CALL_OUTCOME_RETENTION, retention);
        }

        public Builder maxResumePatches(int patches) {
            return set(MAX_RESUME_PATCHES, patches);
        }

        public Builder maxResumeBytes(int bytes) {
            return set(MAX_RESUME_BYTES, bytes);
        }

        public ServerLimits build() {
            return applyTo(base);
        }

        /** {@code limits} with only the limits set on this builder replaced. */
        ServerLimits applyTo(ServerLimits limits) {
            Map<Limit<?>, Object> merged = new LinkedHashMap<>(limits.values);
            merged.putAll(settings);
            return new ServerLimits(merged);
        }

        private <T> void setFromEnvironment(Limit<T> limit, Map<String, String> environment) {
            String text = environment.get(limit.environmentVariable());
            if (text != null && !text.isBlank()) {
                set(limit, limit.kind().parse(limit.environmentVariable(), text));
            }
        }
    }

    /**
     * One limit, declared once: the name of its accessor and setters, its default, the
     * environment variable that sets it, and what docs/server.md says about it.
     *
     * @param <T> {@link Integer}, {@link Long} or {@link Duration}
     */
    public static final class Limit<T> {

        private final String name;
        private final Kind<T> kind;
        private final T defaultValue;
        private final String environmentVariable;
        private final String description;
        private final String whenExceeded;

        private Limit(String name, Kind<T> kind, T defaultValue, String environmentVariable, String description,
                String whenExceeded) {
            this.name = name;
            this.kind = kind;
            this.defaultValue = defaultValue;
            this.environmentVariable = environmentVariable;
            this.description = description;
            this.whenExceeded = whenExceeded;
            check(defaultValue);
            DECLARED.add(this);
        }

        private static Limit<Integer> count(String name, int defaultValue, String variable, String description,
                String whenExceeded) {
            return new Limit<>(name, Kind.COUNT, defaultValue, variable, description, whenExceeded);
        }

        private static Limit<Integer> bytes(String name, int defaultValue, String variable, String description,
                String whenExceeded) {
            return new Limit<>(name, Kind.BYTES, defaultValue, variable, description, whenExceeded);
        }

        private static Limit<Long> largeBytes(String name, long defaultValue, String variable, String description,
                String whenExceeded) {
            return new Limit<>(name, Kind.LARGE_BYTES, defaultValue, variable, description, whenExceeded);
        }

        private static Limit<Duration> seconds(String name, Duration defaultValue, String variable,
                String description, String whenExceeded) {
            return new Limit<>(name, Kind.SECONDS, defaultValue, variable, description, whenExceeded);
        }

        /** The name of the accessor and of the builder setters, for example {@code maxFrameBytes}. */
        public String name() {
            return name;
        }

        /** The type of its values. */
        public Class<T> type() {
            return kind.type;
        }

        public T defaultValue() {
            return defaultValue;
        }

        /** The default as docs/server.md shows it: {@code 256 KiB}, {@code 300 s}, {@code 64}. */
        public String defaultText() {
            return kind.format(defaultValue);
        }

        /** The environment variable that sets it, for example {@code ZOCKET_MAX_FRAME_BYTES}. */
        public String environmentVariable() {
            return environmentVariable;
        }

        /** What it limits, in a few words. */
        public String description() {
            return description;
        }

        /** What a client sees when it crosses the limit (Markdown). */
        public String whenExceeded() {
            return whenExceeded;
        }

        Kind<T> kind() {
            return kind;
        }

        T check(T value) {
            Objects.requireNonNull(value, name);
            if (!kind.isValid(value)) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** How a kind of limit is typed, checked, read from the environment and shown. */
    private abstract static class Kind<T> {

        static final Kind<Integer> COUNT = new Kind<>(Integer.class) {
            @Override
            Integer parse(String variable, String text) {
                return toInt(variable, parsePositive(variable, text));
            }

            @Override
            boolean isValid(Integer value) {
                return value > 0;
            }

            @Override
            String format(Integer value) {
                return value.toString();
            }
        };

        static final Kind<Integer> BYTES = new Kind<>(Integer.class) {
            @Override
            Integer parse(String variable, String text) {
                return toInt(variable, parsePositive(variable, text));
            }

            @Override
            boolean isValid(Integer value) {
                return value > 0;
            }

            @Override
            String format(Integer value) {
                return formatBytes(value);
            }
        };

        static final Kind<Long> LARGE_BYTES = new Kind<>(Long.class) {
            @Override
            Long parse(String variable, String text) {
                return parsePositive(variable, text);
            }

            @Override
            boolean isValid(Long value) {
                return value > 0;
            }

            @Override
            String format(Long value) {
                return formatBytes(value);
            }
        };

        static final Kind<Duration> SECONDS = new Kind<>(Duration.class) {
            @Override
            Duration parse(String variable, String text) {
                return Duration.ofSeconds(parsePositive(variable, text));
            }

            @Override
            boolean isValid(Duration value) {
                return !value.isNegative() && !value.isZero();
            }

            @Override
            String format(Duration value) {
                return value.toSeconds() + " s";
            }
        };

        final Class<T> type;

        Kind(Class<T> type) {
            this.type = type;
        }

        abstract T parse(String variable, String text);

        abstract boolean isValid(T value);

        abstract String format(T value);

        static long parsePositive(String variable, String text) {
            try {
                long value = Long.parseLong(text.strip());
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below, with the variable's name
            }
            throw new IllegalArgumentException(variable + " must be a positive integer, got '" + text + "'");
        }

        static int toInt(String variable, long value) {
            if (value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(variable + " must be at most " + Integer.MAX_VALUE + ", got " + value);
            }
            return (int) value;
        }

        static String formatBytes(long bytes) {
            if (bytes % (1024 * 1024) == 0) {
                return bytes / (1024 * 1024) + " MiB";
            }
            if (bytes % 1024 == 0) {
                return bytes / 1024 + " KiB";
            }
            return bytes + " bytes";
        }
    }
}
