package dev.zocket.server;

import dev.zocket.json.JsonCodec;
import dev.zocket.server.internal.host.ActorCatalog;
import dev.zocket.server.internal.host.BuilderAccess;
import dev.zocket.server.internal.host.HostSettings;
import dev.zocket.server.internal.authz.AccessPolicy;
import dev.zocket.server.internal.authz.Authorization;
import dev.zocket.server.internal.authz.PolicyFiles;
import dev.zocket.spi.ActorBinding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings {@link ZocketServer.Builder} and the test kit's builder share, written once: the
 * actors served, middleware, the authenticator, limits and the JSON codec. A test kit configured like a server
 * hosts the same actors under the same rules.
 *
 * <pre>{@code
 * ZocketServer.builder().actor(ChatRoom.class, ChatRoomActor::new).idleTimeout(Duration.ofMinutes(1)).start();
 * ZocketTestKit.builder().actor(ChatRoom.class, ChatRoomActor::new).idleTimeout(Duration.ofMinutes(1)).build();
 * }</pre>
 *
 * <p>Not thread-safe: configure a builder on one thread.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ZocketBuilder<B extends ZocketBuilder<B>> {

    static {
        BuilderAccess.install((builder, environment) -> builder.settings(environment));
    }

    private final ActorCatalog catalog = new ActorCatalog();
    private Authenticator authenticator = request -> Principal.anonymous();
    private final ServerLimits.Builder limitSettings = ServerLimits.builder();
    private ServerLimits baseLimits = ServerLimits.DEFAULTS;
    private JsonCodec json = JsonCodec.standard();
    private final List<Authorizer> authorizers = new ArrayList<>();
    private AccessPolicy accessPolicy;

    /**
     * The environment variable naming an access policy file, read when
     * {@link #accessPolicy(Path)} was not called.
     */
    public static final String ACCESS_POLICY_VARIABLE = "ZOCKET_ACCESS_POLICY";

    /** For {@link ZocketServer.Builder} and the test kit's builder. */
    protected ZocketBuilder() {}

    /**
     * Serves the actor declared by {@code contract}, creating implementations with
     * {@code factory}, with {@code middleware} running before each of its methods (after the
     * builder-wide middleware). Suits a reference to an implementation's only constructor,
     * {@code actor(ChatRoom.class, ChatRoomActor::new)}. For a lambda, or a class with several
     * constructors, use {@link #actor(ActorBinding, ActorFactory, Middleware...)}: Java infers a
     * factory's state and events types from a binding, never from a {@code Class}.
     *
     * @throws IllegalArgumentException if the contract has no generated binding, or its name is
     *     already registered
     */
    public <C, S extends Record, E> B actor(Class<C> contract, ActorFactory<C, S, E> factory,
            Middleware... middleware) {
        catalog.add(contract, factory, middleware);
        return self();
    }

    /**
     * Serves an actor through its generated binding, which lets the compiler infer and check the
     * factory's state and events types:
     * {@code actor(ChatRoomBinding.INSTANCE, context -> new ChatRoomActor(context, repository))}.
     *
     * @throws IllegalArgumentException if the actor's name is already registered
     */
    public <C, S extends Record, E> B actor(ActorBinding<C, S, E> binding, ActorFactory<C, S, E> factory,
            Middleware... middleware) {
        catalog.add(binding, factory, middleware);
        return self();
    }

    /**
     * Marks the actor declared by {@code contract} as one whose handlers may block: call a
     * database, a file or another service synchronously. Its messages then run on the server's
     * pool (or the {@code executor} given to a server), never on the I/O thread that read them,
     * so a blocked handler holds up only its own instance and one pool thread, not every
     * connection of an I/O thread. The actor must also be registered with {@code actor(...)},
     * before or after this call; starting fails otherwise. Durable actors always run this way.
     *
     * @throws IllegalArgumentException if the contract has no generated binding
     */
    public B blocking(Class<?> contract) {
        catalog.blocking(Objects.requireNonNull(contract, "contract"));
        return self();
    }

    /** Middleware for every actor, running before per-actor middleware. */
    public B middleware(Middleware middleware) {
        catalog.middleware(middleware);
        return self();
    }

    /**
     * Decides who may connect; by default everyone, anonymously. A server runs it at each
     * WebSocket handshake; the test kit when a test connects a client with a handshake request.
     */
    public B authenticator(Authenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        return self();
    }

    /**
     * Adds an authorizer, consulted for every call and subscription before any instance is
     * touched. Several may be added; any that denies wins over those that allow. See
     * {@link Authorizer} for how it combines with the policy file and contract annotations.
     */
    public B authorizer(Authorizer authorizer) {
        authorizers.add(Objects.requireNonNull(authorizer, "authorizer"));
        return self();
    }

    /**
     * Reads the access policy file now (JSON, see docs/security.md); it replaces one named by
     * the {@value #ACCESS_POLICY_VARIABLE} environment variable.
     *
     * @throws IllegalArgumentException if the file cannot be read, or is not a valid policy: the
     *     message names the line and the field
     */
    public B accessPolicy(Path file) {
        this.accessPolicy = PolicyFiles.read(Objects.requireNonNull(file, "file"));
        return self();
    }

    /** The JSON codec, to add Jackson modules for custom types. */
    public B json(JsonCodec json) {
        this.json = Objects.requireNonNull(json, "json");
        return self();
    }

    /**
     * Replaces all limits; the individual setters below (and, for a server, environment
     * variables) still apply on top.
     */
    public B limits(ServerLimits limits) {
        this.baseLimits = Objects.requireNonNull(limits, "limits");
        return self();
    }

    /** See {@link ServerLimits#MAX_FRAME_BYTES}. */
    public B maxFrameBytes(int bytes) {
        limitSettings.maxFrameBytes(bytes);
        return self();
    }

    /** See {@link ServerLimits#MAX_ACTOR_NAME_LENGTH}. */
    public B maxActorNameLength(int characters) {
        limitSettings.maxActorNameLength(characters);
        return self();
    }

    /** See {@link ServerLimits#MAX_ACTOR_ID_LENGTH}. */
    public B maxActorIdLength(int characters) {
        limitSettings.maxActorIdLength(characters);
        return self();
    }

    /** See {@link ServerLimits#MAX_INFLIGHT_RPCS}. */
    public B maxInflightRpcs(int calls) {
        limitSettings.maxInflightRpcs(calls);
        return self();
    }

    /** See {@link ServerLimits#MAX_SUBSCRIPTIONS}. */
    public B maxSubscriptions(int subscriptions) {
        limitSettings.maxSubscriptions(subscriptions);
        return self();
    }

    /** See {@link ServerLimits#MAX_MAILBOX_DEPTH}. */
    public B maxMailboxDepth(int messages) {
        limitSettings.maxMailboxDepth(messages);
        return self();
    }

    /** See {@link ServerLimits#MAX_INSTANCES_PER_CONNECTION}. */
    public B maxInstancesPerConnection(int instances) {
        limitSettings.maxInstancesPerConnection(instances);
        return self();
    }

    /** See {@link ServerLimits#MAX_INSTANCES}. */
    public B maxInstances(int instances) {
        limitSettings.maxInstances(instances);
        return self();
    }

    /** See {@link ServerLimits#MAX_STATE_BYTES}. */
    public B maxStateBytes(int bytes) {
        limitSettings.maxStateBytes(bytes);
        return self();
    }

    /** See {@link ServerLimits#HANDLER_TIMEOUT}. */
    public B handlerTimeout(Duration timeout) {
        limitSettings.handlerTimeout(timeout);
        return self();
    }

    /** See {@link ServerLimits#MAX_IDEMPOTENCY_KEY_LENGTH}. */
    public B maxIdempotencyKeyLength(int characters) {
        limitSettings.maxIdempotencyKeyLength(characters);
        return self();
    }

    /** See {@link ServerLimits#MAX_CALL_OUTCOMES}. */
    public B maxCallOutcomes(int outcomes) {
        limitSettings.maxCallOutcomes(outcomes);
        return self();
    }

    /** See {@link ServerLimits#MAX_CALL_OUTCOME_BYTES}. */
    public B maxCallOutcomeBytes(int bytes) {
        limitSettings.maxCallOutcomeBytes(bytes);
        return self();
    }

    /** See {@link ServerLimits#CALL_OUTCOME_RETENTION}. */
    public B callOutcomeRetention(Duration retention) {
        limitSettings.callOutcomeRetention(retention);
        return self();
    }

    /** See {@link ServerLimits#MAX_RESUME_PATCHES}. */
    public B maxResumePatches(int patches) {
        limitSettings.maxResumePatches(patches);
        return self();
    }

    /** See {@link ServerLimits#MAX_RESUME_BYTES}. */
    public B maxResumeBytes(int bytes) {
        limitSettings.maxResumeBytes(bytes);
        return self();
    }

    /** See {@link ServerLimits#MAX_BUFFERED_BYTES}. */
    public B maxBufferedBytes(long bytes) {
        limitSettings.maxBufferedBytes(bytes);
        return self();
    }

    /** See {@link ServerLimits#MAX_MALFORMED_FRAMES}. */
    public B maxMalformedFrames(int frames) {
        limitSettings.maxMalformedFrames(frames);
        return self();
    }

    /** See {@link ServerLimits#IDLE_TIMEOUT}. */
    public B idleTimeout(Duration timeout) {
        limitSettings.idleTimeout(timeout);
        return self();
    }

    /** See {@link ServerLimits#SHUTDOWN_TIMEOUT}. */
    public B shutdownTimeout(Duration timeout) {
        limitSettings.shutdownTimeout(timeout);
        return self();
    }

    /**
     * How long a connection may be silent before the server pings it; one that stays silent for
     * twice as long (no pong, no message) is closed, and a new connection must finish its
     * handshake within it. Browsers and the JDK client answer pings by themselves. Default 30 s.
     */
    public B heartbeatInterval(Duration interval) {
        limitSettings.heartbeatInterval(interval);
        return self();
    }

    /** See {@link ServerLimits#MAX_CONNECTIONS}. */
    public B maxConnections(int connections) {
        limitSettings.maxConnections(connections);
        return self();
    }

    /** See {@link ServerLimits#MAX_OUTBOUND_BYTES}. */
    public B maxOutboundBytes(long bytes) {
        limitSettings.maxOutboundBytes(bytes);
        return self();
    }

    /** See {@link ServerLimits#FRAME_TIMEOUT}. */
    public B frameTimeout(Duration timeout) {
        limitSettings.frameTimeout(timeout);
        return self();
    }

    /** See {@link ServerLimits#HTTP_REQUEST_TIMEOUT}. */
    public B httpRequestTimeout(Duration timeout) {
        limitSettings.httpRequestTimeout(timeout);
        return self();
    }

    /** Whether no actor is registered yet. */
    final boolean hasNoActors() {
        return catalog.isEmpty();
    }

    /** What was collected; limits are the base, then {@code environment}, then the setters. */
    final HostSettings settings(Map<String, String> environment) {
        catalog.requireBlockingRegistered(); // before a server or test kit starts anything
        ServerLimits limits = limitSettings.applyTo(baseLimits.withEnvironment(environment));
        return new HostSettings(catalog, authenticator, limits, json, authorization(environment));
    }

    private Authorization authorization(Map<String, String> environment) {
        Optional<AccessPolicy> policy = Optional.ofNullable(accessPolicy);
        String file = environment.get(ACCESS_POLICY_VARIABLE);
        if (policy.isEmpty() && file != null && !file.isBlank()) {
            policy = Optional.of(PolicyFiles.read(Path.of(file.strip())));
        }
        return new Authorization(policy, authorizers);
    }

    @SuppressWarnings("unchecked") // B is this builder's own class, by the type parameter's contract
    private B self() {
        return (B) this;
    }
}
