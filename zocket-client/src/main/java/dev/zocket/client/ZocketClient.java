package dev.zocket.client;

import dev.zocket.ActorClient;
import dev.zocket.Subscription;
import dev.zocket.client.internal.ClientEngine;
import dev.zocket.client.internal.JdkWebSocketTransport;
import dev.zocket.client.internal.SharedResources;
import dev.zocket.client.transport.Transport;
import dev.zocket.json.JsonCodec;
import dev.zocket.spi.HandleFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A connection to a Zocket server, and the source of typed handles to its actors.
 *
 * <pre>{@code
 * ZocketClient client = ZocketClient.connect("ws://localhost:3001");
 * ChatRoomHandle room = ChatRoomHandle.of(client, "general");
 * room.sendMessage(new ChatRoom.Send("hello")).join();
 * }</pre>
 *
 * <p>The client connects as soon as it is built and reconnects after drops (with backoff),
 * re-sending its event and state subscriptions; a state subscription resumes from the version the
 * client holds, so the server sends only what changed meanwhile. Calls wait for a live connection
 * (within their timeout). Every call carries an idempotency key, and a call in flight when the
 * connection drops is re-sent with the same key after reconnecting, so that the server runs it
 * once and a short drop is invisible to the caller; {@link Builder#inFlightCalls} chooses to fail
 * such calls instead. A connection that goes silent without closing (no message, and no answer
 * to a ping, for two {@linkplain Builder#heartbeatInterval heartbeat intervals}) counts as dropped.
 *
 * <p><b>Threads.</b> Clients share the JVM's resources: one JDK {@link HttpClient} (one selector
 * thread), one timer thread, and a small pool for callbacks, all daemons. They exist while a
 * client is open: closing the last client stops them, so a program whose {@code main} returns
 * after {@link #close()} exits at once, and the next client starts them again. A client's
 * callbacks (listeners and the completion of its futures) run one at a time, in order; do not
 * block in them, since that holds back the client's next callback.
 *
 * <p>This class is thread-safe.
 */
public final class ZocketClient implements ActorClient, AutoCloseable {

    private final ClientEngine engine;
    private final SharedResources.Lease resources;

    private ZocketClient(ClientEngine engine, SharedResources.Lease resources) {
        this.engine = engine;
        this.resources = resources;
    }

    /** Connects with the default options. */
    public static ZocketClient connect(String url) {
        return builder(url).build();
    }

    public static Builder builder(String url) {
        return new Builder(URI.create(Objects.requireNonNull(url, "url")));
    }

    /**
     * Completes when the first connection opens. Fails on {@link #close()}, or when no connection
     * opened within the connect timeout, with a {@link ConnectionException} naming the URL and
     * the last attempt's failure: {@code Could not connect to ws://localhost:3001: connection
     * refused}. With reconnection on, the client keeps trying after that.
     */
    public CompletableFuture<Void> ready() {
        return engine.ready();
    }

    public ConnectionStatus status() {
        return engine.status();
    }

    /** Calls {@code listener} on every status change. */
    public Subscription onStatusChange(Consumer<? super ConnectionStatus> listener) {
        return engine.onStatusChange(listener);
    }

    /** The id the server gave the current connection, once its {@code welcome} has arrived. */
    public Optional<String> clientId() {
        return engine.clientId();
    }

    /**
     * A handle to one actor instance; prefer the generated {@code ChatRoomHandle.of(client, id)}.
     * Handles to the same instance share subscriptions and state.
     */
    @Override
    public <H> H handle(HandleFactory<H> factory, String actorId) {
        return engine.handle(factory, actorId);
    }

    /**
     * Stops reconnecting, disposes every handle, fails pending calls with
     * {@code WebSocket client closed}, and closes the connection. The client cannot be used again.
     * Closing the last open client of the JVM also stops the threads clients share. Idempotent.
     */
    @Override
    public void close() {
        engine.close();
        resources.close();
    }

    /** Configures a {@link ZocketClient}. */
    public static final class Builder {
        private final URI url;
        private Duration rpcTimeout = Duration.ofSeconds(10);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private boolean reconnect = true;
        private Duration reconnectDelay;
        private Duration handleDisposeDelay = Duration.ofMillis(100);
        private InFlightCalls inFlightCalls = InFlightCalls.RESEND;
        private Duration heartbeatInterval = ClientOptions.DEFAULT_HEARTBEAT_INTERVAL;
        private JsonCodec json = JsonCodec.standard();
        private HttpClient httpClient;
        private int maxMessageLength = JdkWebSocketTransport.DEFAULT_MAX_MESSAGE_CHARS;
        private Executor callbackExecutor;

        private Builder(URI url) {
            this.url = url;
        }

        /** Total time a call may take, waiting for a connection included; zero for none. Default 10 s. */
        public Builder rpcTimeout(Duration timeout) {
            this.rpcTimeout = timeout;
            return this;
        }

        /**
         * How long {@link ZocketClient#ready()} waits for the first connection, and each attempt
         * for its handshake; zero for no limit. Default 10 s.
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Whether to reconnect after the connection drops. Default on. */
        public Builder reconnect(boolean reconnect) {
            this.reconnect = reconnect;
            return this;
        }

        /** A fixed delay between reconnection attempts instead of backoff; for deterministic tests. */
        public Builder reconnectDelay(Duration delay) {
            this.reconnectDelay = delay;
            return this;
        }

        /**
         * How long a handle whose last user disposed it keeps its subscriptions, so that a
         * dispose immediately followed by a new handle to the same instance (a view being
         * rebuilt) reuses them. The Java counterpart of the original client's one-tick delay.
         * Default 100 ms.
         */
        public Builder handleDisposeDelay(Duration delay) {
            this.handleDisposeDelay = delay;
            return this;
        }

        /**
         * What becomes of a call waiting for its answer when the connection drops: re-sent after
         * reconnecting, with the same idempotency key, so that the server runs it once
         * ({@link InFlightCalls#RESEND}, the default), or failed with {@code WebSocket closed}
         * ({@link InFlightCalls#FAIL}, for servers that do not honour idempotency keys).
         */
        public Builder inFlightCalls(InFlightCalls inFlightCalls) {
            this.inFlightCalls = Objects.requireNonNull(inFlightCalls, "inFlightCalls");
            return this;
        }

        /**
         * How long an open connection may stay silent (no message, no pong) before the client
         * pings the server; if nothing arrives within another interval, the client drops the
         * connection as lost and reconnects, re-sending the calls in flight. This notices a network
         * that stops delivering without closing anything. {@link Duration#ZERO} turns it off.
         * Default 15 s.
         */
        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The JSON codec, with extra Jackson modules if the contract needs them. */
        public Builder json(JsonCodec json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /**
         * The HTTP client to open WebSockets with; by default one shared by all clients. The
         * caller owns it and its threads.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /**
         * The longest message the client accepts from the server, in characters. A longer one is
         * not buffered: the connection is dropped as lost (close code {@code 1009}) and the client
         * reconnects as after any drop. Raise it with the server's {@code maxStateBytes} if states
         * can be larger. Default 16 Mi characters.
         */
        public Builder maxMessageLength(int characters) {
            if (characters < 1) {
                throw new IllegalArgumentException("maxMessageLength must be positive, got " + characters);
            }
            this.maxMessageLength = characters;
            return this;
        }

        /**
         * Where callbacks run (one at a time per client); by default a pool shared by all
         * clients. The caller owns it and its threads.
         */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Builds the client and starts connecting. */
        public ZocketClient build() {
            ClientOptions options = new ClientOptions(url, rpcTimeout, connectTimeout, reconnect,
                    Optional.ofNullable(reconnectDelay), handleDisposeDelay, inFlightCalls,
                    heartbeatInterval);
            SharedResources.Lease resources = SharedResources.acquire();
            try {
                Transport transport = httpClient != null
                        ? new JdkWebSocketTransport(httpClient, maxMessageLength)
                        : resources.transport(maxMessageLength);
                ClientEngine engine = new ClientEngine(options, transport,
                        resources.time(),
                        callbackExecutor != null ? callbackExecutor : resources.callbacks(),
                        json);
                engine.start();
                return new ZocketClient(engine, resources);
            } catch (RuntimeException | Error e) {
                resources.close();
                throw e;
            }
        }
    }
}
