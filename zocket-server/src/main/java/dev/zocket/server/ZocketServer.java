package dev.zocket.server;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.internal.host.ActorCatalog;
import dev.zocket.server.internal.host.ActorHost;
import dev.zocket.server.internal.runtime.ServerMetrics;
import dev.zocket.server.internal.transport.HttpEndpoints;
import dev.zocket.server.internal.transport.StaticFiles;
import dev.zocket.server.internal.transport.WebSocketTransport;
import dev.zocket.spi.ActorBinding;
import dev.zocket.internal.SystemTimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves actors to WebSocket clients that speak the Zocket protocol.
 *
 * <pre>{@code
 * ZocketServer server = ZocketServer.builder()
 *         .actor(ChatRoom.class, ChatRoomActor::new)
 *         .port(3001)
 *         .start();
 * }</pre>
 *
 * <p>Each actor instance is created on first use and handles one message at a time on a shared
 * thread pool; network threads only parse and queue. {@link #stop()} shuts down gracefully:
 * it refuses new connections, lets queued work finish, deactivates every instance, and closes
 * the sockets with 1001. See docs/server.md for limits, ordering guarantees and endpoints.
 */
public final class ZocketServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZocketServer.class);

    private final WebSocketTransport transport;
    private final HttpEndpoints http;
    private final ActorHost actors;
    private final MeterRegistry meterRegistry;
    private final ServerLimits limits;
    private final SystemTimeSource time;
    private final ExecutorService ownExecutor;
    private final String host;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private ZocketServer(Builder builder) throws IOException {
        this.limits = builder.resolveLimits();
        int port = builder.resolvePort();
        Integer httpPort = builder.resolveHttpPort();
        this.host = builder.host;
        this.meterRegistry = builder.meterRegistry != null ? builder.meterRegistry
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.time = new SystemTimeSource("zocket-timer");
        this.ownExecutor = builder.executor == null ? actorPool() : null;
        this.actors = new ActorHost(builder.catalog, limits, builder.json, meterRegistry, time,
                builder.executor != null ? builder.executor : ownExecutor);
        try {
            this.transport = WebSocketTransport.start(new InetSocketAddress(host, port), actors.protocol(),
                    builder.authenticator, limits, actors.metrics(), time);
        } catch (IOException e) {
            shutDownExecutors();
            actors.close();
            throw new IOException("Could not bind ws://" + host + ":" + port + ": " + e.getMessage(), e);
        }
        actors.registry().startPassivation();
        this.http = httpPort == null ? null : new HttpEndpoints(new InetSocketAddress(host, httpPort), meterRegistry,
                () -> !stopping.get(), builder.staticFiles, transport.port());
        LOG.info("Zocket serving {} on ws://{}:{}{}", actors.registry(), host, port(),
                http == null ? "" : " (HTTP on port " + http.port() + ")");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The WebSocket port; the one chosen by the system when 0 was asked for. */
    public int port() {
        return transport.port();
    }

    /** The HTTP port, when the HTTP side is enabled. */
    public OptionalInt httpPort() {
        return http == null ? OptionalInt.empty() : OptionalInt.of(http.port());
    }

    /** The WebSocket URL, for example {@code ws://127.0.0.1:3001}. */
    public String url() {
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "ws://" + shown + ":" + port();
    }

    /** The registry the server records its metrics in. */
    public MeterRegistry meterRegistry() {
        return meterRegistry;
    }

    /** Live counters (connections, instances, subscriptions), for diagnostics and tests. */
    public ServerMetrics metrics() {
        return actors.metrics();
    }

    /** The limits in force, after defaults, environment and builder settings. */
    public ServerLimits limits() {
        return limits;
    }

    /**
     * Stops gracefully: refuses new connections and calls, lets queued messages finish,
     * deactivates every instance ({@code onDeactivate}), then closes the connections with 1001.
     * Waits at most the shutdown timeout for the actors. Calling it again does nothing.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            stopped.join();
            return;
        }
        LOG.info("Zocket stopping");
        transport.refuseNewConnections();
        actors.shutdown(limits.shutdownTimeout());
        try {
            transport.stop(Duration.ofSeconds(1), "Server shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (http != null) {
            http.close();
        }
        shutDownExecutors();
        actors.close();
        stopped.complete(null);
        LOG.info("Zocket stopped");
    }

    /** Blocks until {@link #stop()} has finished; for a {@code main} that has nothing else to do. */
    public void awaitStop() throws InterruptedException {
        try {
            stopped.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void shutDownExecutors() {
        time.close();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    private static ExecutorService actorPool() {
        int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new ForkJoinPool(parallelism, pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("zocket-actor-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, (thread, error) -> LOG.error("Uncaught failure on {}", thread.getName(), error), true);
    }

    /** Configures and starts a {@link ZocketServer}. */
    public static final class Builder {

        private static final int DEFAULT_PORT = 3001;

        private final ActorCatalog catalog = new ActorCatalog();
        private Authenticator authenticator = request -> Principal.anonymous();
        private String host = "0.0.0.0";
        private Integer port;
        private Integer httpPort;
        private Optional<StaticFiles> staticFiles = Optional.empty();
        private Map<String, String> environment = System.getenv();
        private ServerLimits limits;
        private final Map<String, Object> limitOverrides = new LinkedHashMap<>();
        private MeterRegistry meterRegistry;
        private JsonCodec json = JsonCodec.standard();
        private ExecutorService executor;

        private Builder() {}

        /**
         * Serves the actor declared by {@code contract}, creating implementations with
         * {@code factory}, with {@code middleware} running before each of its methods (after
         * the server-wide middleware). Suits a constructor reference,
         * {@code actor(ChatRoom.class, ChatRoomActor::new)}; for a lambda, use
         * {@link #actor(ActorBinding, ActorFactory, Middleware...)}, from which the compiler can
         * infer the context's types.
         *
         * @throws IllegalArgumentException if the contract has no generated binding, or its
         *     name is already registered
         */
        public <C, S extends Record, E> Builder actor(Class<C> contract, ActorFactory<C, S, E> factory,
                Middleware... middleware) {
            catalog.add(contract, factory, middleware);
            return this;
        }

        /**
         * Serves an actor through its generated binding, which lets the compiler infer and check
         * the factory's state and events types:
         * {@code actor(ChatRoomBinding.INSTANCE, context -> new ChatRoomActor(context, repository))}.
         */
        public <C, S extends Record, E> Builder actor(ActorBinding<C, S, E> binding, ActorFactory<C, S, E> factory,
                Middleware... middleware) {
            catalog.add(binding, factory, middleware);
            return this;
        }

        /** Middleware for every actor, running before per-actor middleware. */
        public Builder middleware(Middleware middleware) {
            catalog.middleware(middleware);
            return this;
        }

        /** Decides who may connect; by default everyone, anonymously. */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /** The address to listen on; {@code 0.0.0.0} (all interfaces) by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The WebSocket port; 0 picks a free one. Default: {@code PORT}, else 3001. */
        public Builder port(int port) {
            this.port = checkPort(port);
            return this;
        }

        /** Enables the HTTP side (health, metrics, static files) on this port; 0 picks a free one. Default: {@code ZOCKET_HTTP_PORT}, else off. */
        public Builder httpPort(int port) {
            this.httpPort = checkPort(port);
            return this;
        }

        /** Serves the files under {@code directory} on the HTTP port. */
        public Builder staticFiles(Path directory) {
            this.staticFiles = Optional.of(StaticFiles.directory(directory));
            return this;
        }

        /** Serves class-path resources under {@code root} (for example {@code "web"}) on the HTTP port. */
        public Builder staticResources(String root) {
            this.staticFiles = Optional.of(StaticFiles.classpath(root, Thread.currentThread().getContextClassLoader()));
            return this;
        }

        /** Where environment variables are read from; {@code System.getenv()} by default. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Replaces all limits; individual setters and environment variables still apply on top. */
        public Builder limits(ServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder maxFrameBytes(int bytes) {
            return override("maxFrameBytes", bytes);
        }

        public Builder maxActorNameLength(int characters) {
            return override("maxActorNameLength", characters);
        }

        public Builder maxActorIdLength(int characters) {
            return override("maxActorIdLength", characters);
        }

        public Builder maxInflightRpcs(int calls) {
            return override("maxInflightRpcs", calls);
        }

        public Builder maxSubscriptions(int subscriptions) {
            return override("maxSubscriptions", subscriptions);
        }

        public Builder maxMailboxDepth(int messages) {
            return override("maxMailboxDepth", messages);
        }

        public Builder maxBufferedBytes(long bytes) {
            return override("maxBufferedBytes", bytes);
        }

        public Builder maxMalformedFrames(int frames) {
            return override("maxMalformedFrames", frames);
        }

        public Builder idleTimeout(Duration timeout) {
            return override("idleTimeout", timeout);
        }

        /**
         * How long a connection may be silent before the server pings it; one that stays silent
         * for twice as long (no pong, no message) is closed, and a new connection must finish its
         * handshake within it. Browsers and the JDK client answer pings by themselves. Default 30 s.
         */
        public Builder heartbeatInterval(Duration interval) {
            return override("heartbeatInterval", interval);
        }

        public Builder shutdownTimeout(Duration timeout) {
            return override("shutdownTimeout", timeout);
        }

        /** Where metrics are recorded; by default a Prometheus registry served at {@code /metrics}. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** The JSON codec, to add Jackson modules for custom types. */
        public Builder json(JsonCodec json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * The pool actor messages run on. By default a work-stealing pool with one thread per
         * core. Supply your own if handlers block (on a database, say); the server does not shut
         * it down.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @throws IOException if the port cannot be bound
         * @throws IllegalStateException if no actor is registered
         */
        public ZocketServer start() throws IOException {
            if (catalog.isEmpty()) {
                throw new IllegalStateException("No actors registered: call actor(Contract.class, Implementation::new)");
            }
            return new ZocketServer(this);
        }

        private Builder override(String limit, Object value) {
            limitOverrides.put(limit, Objects.requireNonNull(value, limit));
            return this;
        }

        ServerLimits resolveLimits() {
            ServerLimits base = (limits != null ? limits : ServerLimits.DEFAULTS).withEnvironment(environment);
            return new ServerLimits(
                    (int) limitOverrides.getOrDefault("maxFrameBytes", base.maxFrameBytes()),
                    (int) limitOverrides.getOrDefault("maxActorNameLength", base.maxActorNameLength()),
                    (int) limitOverrides.getOrDefault("maxActorIdLength", base.maxActorIdLength()),
                    (int) limitOverrides.getOrDefault("maxInflightRpcs", base.maxInflightRpcs()),
                    (int) limitOverrides.getOrDefault("maxSubscriptions", base.maxSubscriptions()),
                    (int) limitOverrides.getOrDefault("maxMailboxDepth", base.maxMailboxDepth()),
                    (long) limitOverrides.getOrDefault("maxBufferedBytes", base.maxBufferedBytes()),
                    (int) limitOverrides.getOrDefault("maxMalformedFrames", base.maxMalformedFrames()),
                    (Duration) limitOverrides.getOrDefault("idleTimeout", base.idleTimeout()),
                    (Duration) limitOverrides.getOrDefault("shutdownTimeout", base.shutdownTimeout()),
                    (Duration) limitOverrides.getOrDefault("heartbeatInterval", base.heartbeatInterval()));
        }

        int resolvePort() {
            if (port != null) {
                return port;
            }
            Integer fromEnvironment = new ServerLimits.Env(environment).port("PORT");
            return fromEnvironment != null ? fromEnvironment : DEFAULT_PORT;
        }

        Integer resolveHttpPort() {
            return httpPort != null ? httpPort : new ServerLimits.Env(environment).port("ZOCKET_HTTP_PORT");
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("A port is from 0 to 65535, got " + port);
            }
            return port;
        }
    }
}
