package dev.zocket.testkit;

import dev.zocket.client.ClientOptions;
import dev.zocket.client.InFlightCalls;
import dev.zocket.client.internal.ClientEngine;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.ServerMessage;
import dev.zocket.server.AuthenticationException;
import dev.zocket.server.Authenticator;
import dev.zocket.server.HandshakeRequest;
import dev.zocket.server.Principal;
import dev.zocket.server.ServerStats;
import dev.zocket.server.ZocketBuilder;
import dev.zocket.server.internal.host.ActorHost;
import dev.zocket.server.internal.host.BuilderAccess;
import dev.zocket.server.internal.host.HostSettings;
import dev.zocket.server.internal.host.StatsView;
import dev.zocket.server.internal.runtime.InstanceKey;
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
 * ChatRoomHandle room = ChatRoomHandle.of(kit.newClient(), "general");
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
    private final Authenticator authenticator;
    private final ProtocolCodec protocol;
    private final Duration handleDisposeDelay;
    private final Duration rpcTimeout;
    private final ServerStats stats;
    private final List<TestClient> clients = new ArrayList<>();

    private ZocketTestKit(Builder builder, HostSettings settings) {
        this.executor = new DeterministicExecutor();
        this.time = new ManualTime(executor);
        this.json = settings.json();
        this.authenticator = settings.authenticator();
        this.protocol = new ProtocolCodec(json);
        this.handleDisposeDelay = builder.handleDisposeDelay;
        this.rpcTimeout = builder.rpcTimeout;
        this.host = new ActorHost(settings.catalog(), settings.limits(), json, new SimpleMeterRegistry(), time,
                executor, settings.authorization(), null);
        this.stats = new StatsView(host.metrics());
        host.registry().startPassivation();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Connects a new anonymous client. */
    public TestClient newClient() {
        return newClient(Principal.anonymous());
    }

    /** Connects a new client as {@code userId}, with {@code claims}, as an authenticator would admit it. */
    public TestClient newClient(String userId, Map<String, Object> claims) {
        return newClient(Principal.user(userId, claims));
    }

    /**
     * Connects a new client as {@code userId} holding {@code roles} (in the {@code roles} claim,
     * where {@code @RolesAllowed} and policy rules look), to test authorization:
     * {@code kit.newClientWithRoles("ann", "admin")}.
     */
    public TestClient newClientWithRoles(String userId, String... roles) {
        return newClient(Principal.user(userId, Map.of()).withRoles(roles));
    }

    /**
     * Connects a new client through the kit's authenticator, as a server would at the WebSocket
     * handshake, so that a test can check who is let in and as whom:
     * {@code kit.newClient(new HandshakeRequest("/", Map.of("token", List.of(token)), Map.of(), null))}.
     *
     * @throws AuthenticationException if the authenticator refuses the request
     */
    public TestClient newClient(HandshakeRequest request) {
        return newClient(authenticator.authenticate(Objects.requireNonNull(request, "request")));
    }

    /** Connects a new client with this principal, as if the authenticator had admitted it. */
    public TestClient newClient(Principal principal) {
        List<ServerMessage> received = new ArrayList<>();
        InMemoryTransport transport = new InMemoryTransport(host, principal,
                frame -> TestClient.record(protocol, received, frame));
        // No heartbeat: an in-memory link cannot go silent, and the kit's clock stays free of its timers.
        ClientOptions options = new ClientOptions(URI.create("ws://zocket-test-kit"), rpcTimeout, Duration.ZERO, true,
                Optional.of(Duration.ZERO), handleDisposeDelay, InFlightCalls.RESEND, Duration.ZERO);
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

    /** The runtime's live counts, read-only: connections, live instances, subscriptions. */
    public ServerStats metrics() {
        return stats;
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

    /**
     * Configures a {@link ZocketTestKit}: the actors, middleware and limits of
     * {@link ZocketBuilder}, exactly as for a server, plus the simulated clients' timings. The
     * kit does not read environment variables, so a test runs the same everywhere.
     */
    public static final class Builder extends ZocketBuilder<Builder> {
        private Duration handleDisposeDelay = Duration.ofMillis(100);
        private Duration rpcTimeout = Duration.ofSeconds(10);

        private Builder() {}

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

        /** @throws IllegalStateException if no actor is registered */
        public ZocketTestKit build() {
            return new ZocketTestKit(this, BuilderAccess.settings(this, Map.of()));
        }
    }
}
