package dev.zocket.server;

import dev.zocket.server.internal.host.ActorHost;
import dev.zocket.server.internal.host.HostSettings;
import dev.zocket.server.internal.host.StatsView;
import dev.zocket.server.internal.authz.Authorization;
import dev.zocket.server.internal.runtime.CallerLoopExecutor;
import dev.zocket.server.internal.runtime.Durability;
import dev.zocket.server.internal.studio.Studio;
import dev.zocket.server.internal.transport.FatalErrors;
import dev.zocket.server.internal.transport.HistoryApi;
import dev.zocket.server.internal.transport.HttpEndpoints;
import dev.zocket.server.internal.transport.StaticFiles;
import dev.zocket.server.internal.transport.WebSocketTransport;
import dev.zocket.internal.SystemTimeSource;
import dev.zocket.server.persistence.Retention;
import dev.zocket.server.persistence.StateStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private final ServerStats stats;
    private final SystemTimeSource time;
    private final ExecutorService ownExecutor;
    private final String host;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    private ZocketServer(Builder builder) throws IOException {
        HostSettings settings = builder.settings(builder.environment);
        this.limits = settings.limits();
        int port = builder.resolvePort();
        Integer httpPort = builder.resolveHttpPort();
        this.host = builder.host;
        this.meterRegistry = builder.meterRegistry != null ? builder.meterRegistry
                : DefaultMeterRegistry.create(Thread.currentThread().getContextClassLoader());
        Studio studio = builder.studio(httpPort); // checked before any thread starts
        this.time = new SystemTimeSource("zocket-timer");
        this.ownExecutor = builder.executor == null ? actorPool() : null;
        Authorization authorization = studio == null ? settings.authorization()
                : studio.authorization(settings.authorization());
        this.actors = new ActorHost(settings.catalog(), limits, settings.json(), meterRegistry, time,
                builder.executor != null ? builder.executor : new CallerLoopExecutor(ownExecutor), authorization,
                builder.store == null ? null : new Durability(builder.store, builder.memoryOnly, builder.retention));
        this.stats = new StatsView(actors.metrics());
        try {
            this.transport = WebSocketTransport.start(new InetSocketAddress(host, port), actors.protocol(),
                    studio == null ? settings.authenticator() : studio.authenticator(settings.authenticator(), time),
                    limits, actors.metrics(), time);
        } catch (IOException e) {
            shutDownExecutors();
            actors.close();
            throw new IOException("Could not bind ws://" + host + ":" + port + ": " + e.getMessage(), e);
        }
        try {
            this.http = httpPort == null ? null : new HttpEndpoints(new InetSocketAddress(host, httpPort),
                    meterRegistry, () -> !stopping.get(), builder.staticFiles, transport.port(),
                    limits.httpRequestTimeout(), builder.historyApi(settings),
                    studio == null ? null
                            : studio.routes(actors, settings.json(), builder.store, builder.memoryOnly, time));
        } catch (IOException | RuntimeException e) {
            releaseAfterFailedStart();
            throw new IOException("Could not bind http://" + host + ":" + httpPort + ": " + e.getMessage(), e);
        }
        actors.registry().startPassivation();
        if (studio != null) {
            studio.announce(host, http.port());
        }
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

    /** Live counts (connections, instances, subscriptions), read-only, for diagnostics and tests. */
    public ServerStats metrics() {
        return stats;
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

    /** Undoes a start that got as far as the WebSocket port: no port stays bound, no thread runs. */
    private void releaseAfterFailedStart() {
        try {
            transport.stop(Duration.ZERO, "Server failed to start");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        shutDownExecutors();
        actors.close();
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
        }, (thread, error) -> {
            FatalErrors.haltIfFatal(error);
            LOG.error("Uncaught failure on {}", thread.getName(), error);
        }, true);
    }

    /**
     * Configures and starts a {@link ZocketServer}: the actors, middleware, authenticator and
     * limits of {@link ZocketBuilder}, plus the network, metrics and threads.
     */
    public static final class Builder extends ZocketBuilder<Builder> {

        private static final int DEFAULT_PORT = 3001;

        private String host = "0.0.0.0";
        private Integer port;
        private Integer httpPort;
        private Optional<StaticFiles> staticFiles = Optional.empty();
        private Map<String, String> environment = System.getenv();
        private MeterRegistry meterRegistry;
        private ExecutorService executor;
        private StateStore store;
        private final Set<String> memoryOnly = new HashSet<>();
        private Retention retention = Retention.forever();
        private String historyToken;
        private boolean studioEnabled;
        private String studioToken;

        private Builder() {}

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

        /**
         * Where environment variables (limits, {@code PORT}, {@code ZOCKET_HTTP_PORT}) are read
         * from; {@code System.getenv()} by default.
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Where metrics are recorded. By default a Prometheus registry, served at
         * {@code /metrics}, when {@code io.micrometer:micrometer-registry-prometheus} is on the
         * class path; otherwise a registry that only keeps the meters in memory.
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Where actor state is kept durably (docs/persistence.md); the server closes it when it
         * stops. Without one, state lives in memory only, as before. With one, a change is
         * acknowledged (result and patches sent) only once the store has committed it.
         */
        public Builder store(StateStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Keeps these actor types' instances in memory only, when a {@link #store store} is set:
         * their state starts afresh on every activation, and their changes wait for no commit.
         */
        public Builder memoryOnly(String... actorNames) {
            memoryOnly.addAll(List.of(actorNames));
            return this;
        }

        /**
         * How much of each instance's change log the {@link #store store} keeps; applied once a
         * minute. Snapshots are never affected. Default: everything.
         */
        public Builder retention(Retention retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /**
         * Serves stored state and change history on the HTTP port under {@code /api/v1/actors/}
         * to requests carrying {@code Authorization: Bearer <token>} (docs/persistence.md). Needs a
         * {@link #store store} and an HTTP port. Without a token here or in {@code
         * ZOCKET_HISTORY_TOKEN}, the history API is not served.
         */
        public Builder historyToken(String token) {
            if (Objects.requireNonNull(token, "token").isBlank()) {
                throw new IllegalArgumentException("The history token must not be blank");
            }
            this.historyToken = token;
            return this;
        }

        HistoryApi historyApi(HostSettings settings) {
            String token = historyToken != null ? historyToken : environment.get("ZOCKET_HISTORY_TOKEN");
            if (store == null || token == null || token.isBlank()) {
                return null;
            }
            return new HistoryApi(store, token, settings.catalog().types().keySet(), settings.json());
        }

        /**
         * Turns Zocket Studio on without a token (docs/studio.md): the page at {@code /studio/}
         * on the HTTP port then answers requests from this machine (loopback) only. Needs an
         * HTTP port. The environment variable {@code ZOCKET_STUDIO=off} turns it off again.
         */
        public Builder studio() {
            this.studioEnabled = true;
            return this;
        }

        /**
         * Turns Zocket Studio on, protected by {@code token}: its endpoints answer only requests
         * carrying {@code Authorization: Bearer <token>} (the page asks for it), from any
         * address. Needs an HTTP port. {@code ZOCKET_STUDIO=off} turns it off again.
         */
        public Builder studio(String token) {
            if (Objects.requireNonNull(token, "token").isBlank()) {
                throw new IllegalArgumentException("The Studio token must not be blank");
            }
            this.studioEnabled = true;
            this.studioToken = token;
            return this;
        }

        /**
         * Studio as the builder and the environment ({@code ZOCKET_STUDIO}, {@code
         * ZOCKET_STUDIO_TOKEN}) configure it, or {@code null} when it is off.
         */
        Studio studio(Integer httpPort) {
            String flag = environment.get("ZOCKET_STUDIO");
            boolean enabled = studioEnabled;
            if (flag != null && !flag.isBlank()) {
                enabled = switch (flag.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "on", "true", "1" -> true;
                    case "off", "false", "0" -> false;
                    default -> throw new IllegalArgumentException(
                            "ZOCKET_STUDIO must be on or off (true/false, 1/0), not \"" + flag + "\"");
                };
            }
            if (!enabled) {
                return null;
            }
            if (httpPort == null) {
                throw new IllegalStateException("Zocket Studio needs the HTTP side: set httpPort(...) or ZOCKET_HTTP_PORT");
            }
            String token = studioToken != null ? studioToken : environment.get("ZOCKET_STUDIO_TOKEN");
            return new Studio(token == null || token.isBlank() ? Optional.empty() : Optional.of(token.strip()));
        }

        /**
         * The pool actor messages run on. By default a message from a client runs on the I/O
         * thread that read it, right after the read, and its answer leaves in the same turn;
         * messages from elsewhere (timers, commits, the HTTP side) and every message of a durable
         * actor run on a work-stealing pool with one thread per core. Handlers must therefore
         * not block: supply your own pool if they do (on a database, say), and every message
         * runs there. The server does not shut a supplied pool down.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @throws IOException if the port cannot be bound
         * @throws IllegalStateException if no actor is registered, or one marked
         *     {@linkplain #blocking blocking} is not
         * @throws IllegalArgumentException if an environment variable holds an invalid value
         */
        public ZocketServer start() throws IOException {
            if (hasNoActors()) {
                throw new IllegalStateException("No actors registered: call actor(Contract.class, Implementation::new)");
            }
            return new ZocketServer(this);
        }

        int resolvePort() {
            Integer fromEnvironment = port != null ? port : portFromEnvironment("PORT");
            return fromEnvironment != null ? fromEnvironment : DEFAULT_PORT;
        }

        Integer resolveHttpPort() {
            return httpPort != null ? httpPort : portFromEnvironment("ZOCKET_HTTP_PORT");
        }

        private Integer portFromEnvironment(String variable) {
            String text = environment.get(variable);
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return checkPort(Integer.parseInt(text.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(variable + " must be a port number from 0 to 65535, got '" + text + "'");
            }
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("A port is from 0 to 65535, got " + port);
            }
            return port;
        }
    }
}
