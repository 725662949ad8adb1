package dev.zocket.testkit;

import dev.zocket.ActorClient;
import dev.zocket.client.ConnectionStatus;
import dev.zocket.client.internal.ClientEngine;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonType;
import dev.zocket.protocol.EventMessage;
import dev.zocket.protocol.ParseResult;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.ProtocolError;
import dev.zocket.protocol.RpcResult;
import dev.zocket.protocol.ServerMessage;
import dev.zocket.protocol.StatePatch;
import dev.zocket.protocol.StateSnapshot;
import dev.zocket.spi.HandleFactory;
import dev.zocket.testkit.internal.InMemoryTransport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A simulated client of a {@link ZocketTestKit}: the real client engine, talking the real
 * protocol to the kit's runtime without a socket. Obtain handles exactly as with
 * {@code ZocketClient}:
 *
 * <pre>{@code
 * TestClient alice = kit.newClient();
 * ChatRoomHandle room = ChatRoomHandle.of(alice, "general");
 * room.sendMessage(new ChatRoom.Send("hi")).join();   // already complete
 * }</pre>
 *
 * <p>Everything the server sent this client is kept in order, for assertions:
 * {@link #received()}, {@link #patches()}, {@link #events(String, Class)}, {@link #errors()}.
 */
public final class TestClient implements ActorClient, AutoCloseable {

    private final ClientEngine engine;
    private final InMemoryTransport transport;
    private final ProtocolCodec protocol;
    private final JsonCodec json;
    private final List<ServerMessage> received;

    TestClient(ClientEngine engine, InMemoryTransport transport, ProtocolCodec protocol, JsonCodec json,
            List<ServerMessage> received) {
        this.engine = engine;
        this.transport = transport;
        this.protocol = protocol;
        this.json = json;
        this.received = received;
    }

    /** Records a frame the server sent; called by the transport. */
    static void record(ProtocolCodec protocol, List<ServerMessage> into, String frame) {
        ParseResult<ServerMessage> parsed = protocol.parseServerMessage(frame);
        if (parsed instanceof ParseResult.Parsed<ServerMessage> message) {
            synchronized (into) {
                into.add(message.message());
            }
        }
    }

    /**
     * The id the server gave this client's connection, once its {@code welcome} has arrived
     * (a kit client has it as soon as {@code newClient()} returns), as
     * {@code ZocketClient.clientId()} reports it. A reconnect brings a new id.
     */
    public Optional<String> clientId() {
        return engine.clientId();
    }

    @Override
    public <H> H handle(HandleFactory<H> factory, String actorId) {
        return engine.handle(factory, actorId);
    }

    public ConnectionStatus status() {
        return engine.status();
    }

    /** Every message the server sent this client, in order. */
    public List<ServerMessage> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The {@code state:patch} messages received, in order. */
    public List<StatePatch> patches() {
        return ofType(StatePatch.class);
    }

    /** The {@code state:snapshot} messages received, in order. */
    public List<StateSnapshot> snapshots() {
        return ofType(StateSnapshot.class);
    }

    /** The payloads of the events named {@code event} received, decoded. */
    public <P> List<P> events(String event, Class<P> payloadType) {
        List<P> payloads = new ArrayList<>();
        for (EventMessage message : ofType(EventMessage.class)) {
            if (message.event().equals(event)) {
                payloads.add(json.decode(message.payload(), JsonType.of(payloadType)));
            }
        }
        return payloads;
    }

    /** The failed {@code rpc:result}s received, with their messages and codes. */
    public List<RpcResult> errors() {
        List<RpcResult> errors = new ArrayList<>();
        for (RpcResult result : ofType(RpcResult.class)) {
            if (result.isError()) {
                errors.add(result);
            }
        }
        return errors;
    }

    /**
     * The {@code error} messages received, in order: refused subscriptions ({@code forbidden},
     * {@code overloaded}, unknown actors) and malformed messages.
     */
    public List<ProtocolError> protocolErrors() {
        return ofType(ProtocolError.class);
    }

    /** Forgets what was received so far, to assert on what comes next. */
    public void clearReceived() {
        synchronized (received) {
            received.clear();
        }
    }

    private <M extends ServerMessage> List<M> ofType(Class<M> type) {
        List<M> matching = new ArrayList<>();
        for (ServerMessage message : received()) {
            if (type.isInstance(message)) {
                matching.add(type.cast(message));
            }
        }
        return matching;
    }

    /**
     * Loses the connection as a network failure would: the server runs {@code onDisconnect}, and
     * the client reconnects at once (its reconnect delay is zero in the kit), resuming its state
     * subscriptions from the versions it holds and re-sending its calls in flight.
     */
    public void dropConnection() {
        transport.drop();
    }

    /** Leaves for good, as a user closing the app would: the server runs {@code onDisconnect}. */
    public void disconnect() {
        engine.close();
    }

    @Override
    public void close() {
        disconnect();
    }

    ProtocolCodec protocol() {
        return protocol;
    }
}
