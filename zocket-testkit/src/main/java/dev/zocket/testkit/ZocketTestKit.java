package dev.zocket.testkit;

import dev.zocket.client.ClientOptions;
import dev.zocket.client.internal.ClientEngine;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.ServerMessage;
import dev.zocket.server.ActorFactory;
import dev.zocket.server.Middleware;
import dev.zocket.server.Principal;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.internal.host.ActorCatalog;
import dev.zocket.server.internal.host.ActorHost;
import dev.zocket.server.internal.runtime.InstanceKey;
import dev.zocket.server.internal.runtime.ServerMetrics;
import dev.zocket.spi.ActorBinding;
import dev.zocket.testkit.internal.DeterministicExecutor;
import dev.zocket.testkit.internal.InMemoryTransport;
import dev.zocket.testkit.internal.ManualTime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hosts actors in-process for unit tests, with simulated clients that use the generated handles
 * exactly as {@code ZocketClient} does. No network, no threads, no sleeps:
 *
 * <pre>{@code
 * ZocketTestKit kit = ZocketTestKit.builder().actor(ChatRoom.class, ChatRoomActor::new).build();
 * ChatRoomHandle room = ChatRoomHandle.of(kit.client(), "general");
 * assertEquals(0, room.sendMessage(new ChatRoom.Send("hi")).join().index());
 * }</pre>
 *
 * <p><b>Deterministic.</b> Everything runs on the calling thread: a handle call returns with
 * the message handled, the patches and events delivered, and its future complete. Time stands
 * still until {@link #advance} moves it, which runs timers, passivation and client timeouts
 * that fall due.
 *
 * <p><b>Real.</b> Messages go through the real protocol codec, input validation, middleware,
 * dispatcher and differ, so a record that does not serialize or an input that fails
 * validation fails here with the same error as over the network.
 *
 * <p>Handlers must not block waiting for another thread, since they run on the test's.
 */
public final class ZocketTestKit implements AutoCloseable {

    private final ActorHost host;
    private final DeterministicExecutor executor;
    private final ManualTime time;
    private final JsonCodec json;
    private final ProtocolCodec protocol;
    private final Duration handleDisposeDelay;
    private final Duration rpcTimeout;
    private final List<TestClient> clients = new ArrayList<>();

    private ZocketTestKit(Builder builder) {
        this.executor = new DeterministicExecutor();
        this.time = new ManualTime(executor);
        this.json = builder.json;
        this.protocol = new ProtocolCodec(json);
        this.handleDisposeDelay = builder.handleDisposeDelay;
        this.rpcTimeout = builder.rpcTimeout;
        this.host = new ActorHost(builder.catalog, builder.limits, json, new SimpleMeterRegistry(), time, executor);
        host.registry().startPassivation();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A new anonymous client, connected. */
    public TestClient client() {
        return client(Principal.anonymous());
    }

    /** A new client connected as {@code userId}, with {@code claims}, as an authenticator would make it. */
    public TestClient client(String userId, Map<String, Object> claims) {
        return client(Principal.user(userId, claims));
    }

    /** A new client connected with this principal. */
    public TestClient client(Principal principal) {
        List<ServerMessage> received = new ArrayList<>();
        InMemoryTransport transport = new InMemoryTransport(host, principal,
                frame -> TestClient.record(protocol, received, frame));
        ClientOptions options = new ClientOptions(URI.create("ws://zocket-test-kit"), rpcTimeout, Duration.ZERO, true,
                Optional.of(Duration.ZERO), handleDisposeDelay);
        ClientEngine engine = new ClientEngine(options, transport, time, executor, json);
        engine.start();
        TestClient client = new TestClient(engine, transport, protocol, json, received);
        clients.add(client);
        return client;
    }

    /**
     * Moves the kit's clock forward, running what falls due: actor timers, passivation of idle
     * instances, client call timeouts and the disposal of released handles.
     */
    public void advance(Duration duration) {
        time.advance(duration);
    }

    /** The current state of a live instance, read on the server side. */
    @SuppressWarnings("unchecked") // the binding's instances hold states of its state type
    public <S extends Record> Optional<S> state(ActorBinding<?, S, ?> binding, String actorId) {
        return host.registry().peekState(new InstanceKey(binding.actorName(), actorId)).map(state -> (S) state);
    }

    /** Whether an instance is in memory (it is created on first use and passivated when idle). */
    public boolean isLive(String actor, String actorId) {
        return host.registry().peekState(new InstanceKey(actor, actorId)).isPresent();
    }

    /** The runtime's counters: connections, live instances, subscriptions. */
    public ServerMetrics metrics() {
        return host.metrics();
    }

    /** Disconnects every client and deactivates every instance ({@code onDeactivate} runs). */
    @Override
    public void close() {
        for (TestClient client : clients) {
            client.disconnect();
        }
        host.shutdown(Duration.ofSeconds(1));
        host.close();
    }

    /** Configures a {@link ZocketTestKit}. */
    public static final class Builder {
        private final ActorCatalog catalog = new ActorCatalog();
        private ServerLimits limits = ServerLimits.DEFAULTS;
        private JsonCodec json = JsonCodec.standard();
        private Duration handleDisposeDelay = Duration.ofMillis(100);
        private Duration rpcTimeout = Duration.ofSeconds(10);

        private Builder() {}

        /** Hosts an actor; the same forms as {@code ZocketServer.Builder.actor}. */
        public <C, S extends Record, E> Builder actor(Class<C> contract, ActorFactory<C, S, E> factory,
                Middleware... middleware) {
            catalog.add(contract, factory, middleware);
            return this;
        }

        /** Hosts an actor through its generated binding, which lets the compiler infer a lambda factory's types. */
        public <C, S extends Record, E> Builder actor(ActorBinding<C, S, E> binding, ActorFactory<C, S, E> factory,
                Middleware... middleware) {
            catalog.add(binding, factory, middleware);
            return this;
        }

        /** Middleware for every actor, before per-actor middleware. */
        public Builder middleware(Middleware middleware) {
            catalog.middleware(middleware);
            return this;
        }

        /** The server limits (idle timeout, mailbox depth, ...); the server's defaults otherwise. */
        public Builder limits(ServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder json(JsonCodec json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** How long released handles keep their subscriptions, in kit time. Default 100 ms, as the client. */
        public Builder handleDisposeDelay(Duration delay) {
            this.handleDisposeDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /** The clients' call timeout, in kit time; it only fires when {@link #advance} passes it. Default 10 s. */
        public Builder rpcTimeout(Duration timeout) {
            this.rpcTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public ZocketTestKit build() {
            return new ZocketTestKit(this);
        }
    }
}
