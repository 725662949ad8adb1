package dev.zocket.server.internal.session;

import dev.zocket.ErrorCode;
import dev.zocket.protocol.ClientMessage;
import dev.zocket.protocol.EventSub;
import dev.zocket.protocol.EventUnsub;
import dev.zocket.protocol.ParseResult;
import dev.zocket.protocol.ProtocolError;
import dev.zocket.protocol.RpcCall;
import dev.zocket.protocol.RpcResult;
import dev.zocket.protocol.StateSub;
import dev.zocket.protocol.StateUnsub;
import dev.zocket.protocol.Welcome;
import dev.zocket.server.AccessKind;
import dev.zocket.server.AccessRequest;
import dev.zocket.server.Caller;
import dev.zocket.server.Principal;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.internal.authz.Authorization;
import dev.zocket.server.internal.runtime.ActorRegistry;
import dev.zocket.server.internal.runtime.Codecs;
import dev.zocket.server.internal.runtime.Delivery;
import dev.zocket.server.internal.runtime.InstanceKey;
import dev.zocket.server.internal.runtime.ServerMetrics;
import dev.zocket.server.internal.runtime.SubscriptionKind;
import dev.zocket.spi.TimeSource;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads client messages and hands them to actor instances. Runs on the transport's threads and
 * never runs actor code: it parses, checks the connection's limits, queues, and returns. Bad
 * input is answered here, without touching any actor: an {@code rpc:result} error when the
 * message has an {@code id}, an {@code error} message otherwise.
 */
public final class ProtocolHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProtocolHandler.class);
    /**
     * How many seconds' worth of the malformed-message rate a connection may send at once: a
     * client that reconnects and replays a queue of stale messages is not cut off for it.
     */
    static final int MALFORMED_BURST_SECONDS = 5;
    /**
     * The one answer to every refused call or subscription: it names neither the method nor the
     * instance, so a refusal tells nothing about what exists.
     */
    static final String FORBIDDEN = "Access denied";

    private final ActorRegistry registry;
    private final Codecs codecs;
    private final ServerLimits limits;
    private final ServerMetrics metrics;
    private final TimeSource time;
    private final Authorization authorization;
    private final ClientIds clientIds = new ClientIds();
    private final Sessions sessions = new Sessions();

    public ProtocolHandler(ActorRegistry registry, Codecs codecs, ServerLimits limits, TimeSource time,
            Authorization authorization) {
        this.registry = registry;
        this.authorization = authorization;
        this.codecs = codecs;
        this.limits = limits;
        this.metrics = registry.metrics();
        this.time = time;
    }

    /** A connection opened: gives it an id and sends {@code welcome}. */
    public Session open(ClientConnection connection, Principal principal) {
        Caller caller = new Caller(clientIds.next(), principal.userId(), principal.claims());
        Session session = new Session(caller, connection, time.nanoTime());
        sessions.opened(session);
        metrics.connectionOpened();
        session.send(codecs.encode(new Welcome(caller.clientId())));
        return session;
    }

    /** The open connections, for diagnostics. */
    public Sessions sessions() {
        return sessions;
    }

    /** A text message arrived. */
    public void receive(Session session, String text) {
        if (!session.isOpen()) {
            return;
        }
        metrics.bytesReceived(text.length()); // characters: JSON is mostly ASCII, and counting UTF-8 would cost a pass
        ParseResult<ClientMessage> parsed = codecs.protocol().parseClientMessage(text);
        if (parsed instanceof ParseResult.Malformed<ClientMessage> malformed) {
            rejectMalformed(session, malformed.reason(), malformed.rpcId());
            return;
        }
        ClientMessage message = ((ParseResult.Parsed<ClientMessage>) parsed).message();
        AddressProblem problem = addressProblem(message);
        if (problem != null) {
            answer(session, message, problem.code(), problem.message());
            return;
        }
        InstanceKey key = new InstanceKey(message.actor(), message.actorId());
        if (message instanceof RpcCall call) {
            receiveRpc(session, key, call);
        } else if (message instanceof StateSub) {
            if (permitted(key, AccessRequest.subscribe(session.caller(), key.actor(), key.id(), AccessKind.STATE))) {
                subscribe(session, key, message, SubscriptionKind.STATE);
            } else {
                answer(session, message, ErrorCode.FORBIDDEN, FORBIDDEN);
            }
        } else if (message instanceof EventSub) {
            if (permitted(key, AccessRequest.subscribe(session.caller(), key.actor(), key.id(), AccessKind.EVENTS))) {
                subscribe(session, key, message, SubscriptionKind.EVENTS);
            } else {
                answer(session, message, ErrorCode.FORBIDDEN, FORBIDDEN);
            }
        } else if (message instanceof StateUnsub) {
            unsubscribe(session, key, SubscriptionKind.STATE);
        } else if (message instanceof EventUnsub) {
            unsubscribe(session, key, SubscriptionKind.EVENTS);
        }
    }

    /** A binary message arrived; the protocol is text only. */
    public void receiveBinary(Session session, int bytes) {
        metrics.bytesReceived(bytes);
        rejectMalformed(session, "Binary messages are not supported: send JSON text", Optional.empty());
    }

    /** The connection closed: every instance it touched hears about it. */
    public void closed(Session session) {
        metrics.connectionClosed();
        sessions.closed(session);
        for (InstanceKey key : session.close()) {
            registry.deliverDisconnect(key, session);
        }
    }

    private void receiveRpc(Session session, InstanceKey key, RpcCall call) {
        long received = time.nanoTime();
        if (registry.isClosing()) {
            reply(session, call, ErrorCode.OVERLOADED, "Server is shutting down");
            return;
        }
        // Before the method is looked up: a refusal must read the same whether it exists or not.
        if (!permitted(key, AccessRequest.call(session.caller(), key.actor(), key.id(), call.method()))) {
            refuseCall(session, key, call, received, ErrorCode.FORBIDDEN, FORBIDDEN);
            return;
        }
        // Decided here, from the generated metadata, so a call to no method creates no instance.
        if (!registry.type(key.actor()).hasMethod(call.method())) {
            refuseCall(session, key, call, received, ErrorCode.NOT_FOUND, "Unknown method: " + call.method());
            return;
        }
        if (call.idempotencyKey() != null && call.idempotencyKey().length() > limits.maxIdempotencyKeyLength()) {
            refuseCall(session, key, call, received, ErrorCode.BAD_REQUEST,
                    "Idempotency key is too long: the limit is " + limits.maxIdempotencyKeyLength() + " characters");
            return;
        }
        Optional<String> notFinite = call.input() == null ? Optional.empty() : NonFiniteNumbers.find(call.input());
        if (notFinite.isPresent()) {
            // Worded like a validation failure: to the client it is one, for every numeric field.
            refuseCall(session, key, call, received, ErrorCode.BAD_REQUEST,
                    "Validation failed for " + call.method() + ": [" + notFinite.get() + ": must be a finite number]");
            return;
        }
        if (!session.tryStartRpc(limits.maxInflightRpcs())) {
            reply(session, call, ErrorCode.OVERLOADED,
                    "Too many calls in flight: the limit is " + limits.maxInflightRpcs() + " per connection");
            return;
        }
        Delivery delivery = session.deliver(key, limits.maxInstancesPerConnection(),
                () -> registry.deliverRpc(key, session, call, received));
        if (delivery != Delivery.ACCEPTED) {
            session.abandonRpc();
            if (delivery != Delivery.CLOSED) {
                reply(session, call, ErrorCode.OVERLOADED, refusal(key, delivery));
            }
        }
    }

    /** Asked before any instance is looked up or created, for calls and subscriptions alike. */
    private boolean permitted(InstanceKey key, AccessRequest request) {
        return authorization.permits(request, registry.type(key.actor()).binding().accessRules());
    }

    private void subscribe(Session session, InstanceKey key, ClientMessage message, SubscriptionKind kind) {
        if (!session.addSubscription(key, kind, limits.maxSubscriptions())) {
            answer(session, message, ErrorCode.OVERLOADED,
                    "Too many subscriptions: the limit is " + limits.maxSubscriptions() + " per connection");
            return;
        }
        OptionalLong since = message instanceof StateSub sub ? sub.since() : OptionalLong.empty();
        Delivery delivery = session.deliver(key, limits.maxInstancesPerConnection(),
                () -> registry.deliverSubscribe(key, session, kind, since));
        if (delivery != Delivery.ACCEPTED) {
            session.removeSubscription(key, kind);
            if (delivery != Delivery.CLOSED) {
                answer(session, message, ErrorCode.OVERLOADED, refusal(key, delivery));
            }
        }
    }

    /** Answers a call for a registered actor that no instance will see, counting it like one that ran. */
    private void refuseCall(Session session, InstanceKey key, RpcCall call, long received, ErrorCode code, String text) {
        reply(session, call, code, text);
        metrics.rpcCompleted(key.actor(), code.wireName(), time.nanoTime() - received);
    }

    /** Why a message was not queued, for the {@code overloaded} answer. */
    private String refusal(InstanceKey key, Delivery delivery) {
        return switch (delivery) {
            case FULL -> "Actor " + key + " is overloaded: " + limits.maxMailboxDepth() + " messages are queued";
            case TOO_MANY_INSTANCES -> "Too many live actor instances: the limit is " + limits.maxInstances();
            case TOO_MANY_FOR_CONNECTION -> "Too many actor instances for one connection: the limit is "
                    + limits.maxInstancesPerConnection();
            default -> "Server is shutting down";
        };
    }

    private void unsubscribe(Session session, InstanceKey key, SubscriptionKind kind) {
        session.removeSubscription(key, kind);
        registry.deliverUnsubscribe(key, session, kind);
    }

    private record AddressProblem(ErrorCode code, String message) {}

    private AddressProblem addressProblem(ClientMessage message) {
        if (message.actor().length() > limits.maxActorNameLength()) {
            return new AddressProblem(ErrorCode.BAD_REQUEST,
                    "Actor name is too long: the limit is " + limits.maxActorNameLength() + " characters");
        }
        if (message.actorId().length() > limits.maxActorIdLength()) {
            return new AddressProblem(ErrorCode.BAD_REQUEST,
                    "Actor id is too long: the limit is " + limits.maxActorIdLength() + " characters");
        }
        if (message.actorId().isEmpty()) {
            return new AddressProblem(ErrorCode.BAD_REQUEST, "Actor id must not be empty");
        }
        if (registry.type(message.actor()) == null) {
            return new AddressProblem(ErrorCode.NOT_FOUND, "Unknown actor: " + message.actor());
        }
        return null;
    }

    private void rejectMalformed(Session session, String reason, Optional<String> rpcId) {
        metrics.malformedMessage();
        if (session.firstTime(reason)) {
            LOG.info("{} sent a malformed message (reported once per connection and reason): {}",
                    session.clientId(), reason);
        }
        if (rpcId.isPresent()) {
            session.send(codecs.encode(RpcResult.failure(rpcId.get(), ErrorCode.BAD_REQUEST, reason)));
        } else {
            session.send(codecs.encode(ProtocolError.malformed(reason)));
        }
        int perSecond = limits.maxMalformedFrames();
        if (!session.chargeMalformed(time.nanoTime(), perSecond, MALFORMED_BURST_SECONDS)) {
            LOG.info("Closing {}: it sends more than {} malformed messages a second", session.clientId(), perSecond);
            session.connection().close(CloseCodes.POLICY_VIOLATION,
                    "Too many malformed messages: more than " + perSecond + " a second");
        }
    }

    /**
     * Logs bad input from a connection once per reason, without a stack trace: a client that
     * repeats a mistake, or sends garbage on purpose, costs one line and not a flood.
     */
    public void logBadInput(Session session, String reason, String detail) {
        if (session.firstTime(reason)) {
            LOG.info("{}: {} (reported once per connection)", session.clientId(), detail);
        }
    }

    private void answer(Session session, ClientMessage message, ErrorCode code, String text) {
        if (message instanceof RpcCall call) {
            reply(session, call, code, text);
        } else {
            session.send(codecs.encode(ProtocolError.about(message, code, text)));
        }
    }

    private void reply(Session session, RpcCall call, ErrorCode code, String text) {
        session.send(codecs.encode(RpcResult.failure(call.id(), code, text)));
    }
}
