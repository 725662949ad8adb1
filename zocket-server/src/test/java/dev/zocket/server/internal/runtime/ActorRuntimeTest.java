package dev.zocket.server.internal.runtime;

import dev.zocket.spi.TimeSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zocket.Subscription;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.MessageType;
import dev.zocket.protocol.RpcCall;
import dev.zocket.server.Caller;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.fixtures.CounterActor;
import dev.zocket.server.fixtures.CounterBinding;
import dev.zocket.server.fixtures.Recorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The runtime without any network: what each peer is sent, and in what order. */
class ActorRuntimeTest {

    /** A connection that records what it is sent. */
    static final class RecordingPeer implements Peer {
        final String clientId;
        final List<OutgoingMessage> received = new ArrayList<>();

        RecordingPeer(String clientId) {
            this.clientId = clientId;
        }

        @Override
        public String clientId() {
            return clientId;
        }

        @Override
        public Caller caller() {
            return new Caller(clientId, Optional.empty(), Map.of());
        }

        @Override
        public void send(OutgoingMessage message) {
            received.add(message);
        }

        @Override
        public void reply(OutgoingMessage result) {
            received.add(result);
        }

        List<MessageType> types() {
            return received.stream().map(OutgoingMessage::type).toList();
        }
    }

    private static ActorRegistry registry() {
        Recorder recorder = new Recorder();
        ActorType<?, ?, ?> counter = new ActorType<>(CounterBinding.INSTANCE, context -> new CounterActor(context, recorder),
                List.of());
        Codecs codecs = new Codecs(JsonCodec.standard(), Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        TimeSource time = new TimeSource() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public Subscription schedule(Duration delay, Runnable task) {
                return () -> {};
            }
        };
        return new ActorRegistry(Map.of("counter", counter), codecs, new ServerMetrics(new SimpleMeterRegistry()), time,
                Runnable::run, ServerLimits.DEFAULTS);
    }

    @Test
    void eachMessageIsEncodedOnceAndSharedByEveryRecipient() {
        ActorRegistry registry = registry();
        InstanceKey key = new InstanceKey("counter", "shared");
        RecordingPeer first = new RecordingPeer("c1");
        RecordingPeer second = new RecordingPeer("c2");
        for (RecordingPeer peer : List.of(first, second)) {
            registry.deliverSubscribe(key, peer, SubscriptionKind.STATE);
            registry.deliverSubscribe(key, peer, SubscriptionKind.EVENTS);
        }
        first.received.clear();
        second.received.clear();
        RecordingPeer caller = new RecordingPeer("c3");

        registry.deliverRpc(key, caller, new RpcCall("r1", "counter", "shared", "increment", null), 0);

        assertEquals(first.types(), second.types());
        for (int i = 0; i < first.received.size(); i++) {
            assertSame(first.received.get(i), second.received.get(i), "the same bytes go to every subscriber");
        }
        assertEquals(List.of(MessageType.RPC_RESULT), caller.types());
    }

    @Test
    void aCallerSubscribedToStateSeesPatchThenEventThenResult() {
        ActorRegistry registry = registry();
        InstanceKey key = new InstanceKey("counter", "ordered");
        RecordingPeer peer = new RecordingPeer("c1");
        registry.deliverSubscribe(key, peer, SubscriptionKind.STATE);
        registry.deliverSubscribe(key, peer, SubscriptionKind.EVENTS);
        peer.received.clear();

        registry.deliverRpc(key, peer, new RpcCall("r1", "counter", "ordered", "increment", null), 0);

        assertEquals(List.of(MessageType.STATE_PATCH, MessageType.EVENT, MessageType.RPC_RESULT), peer.types());
    }
}
