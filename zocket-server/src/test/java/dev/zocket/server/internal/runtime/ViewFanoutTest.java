package dev.zocket.server.internal.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.zocket.Subscription;
import dev.zocket.json.JsonCodec;
import dev.zocket.json.JsonPatch;
import dev.zocket.protocol.MessageType;
import dev.zocket.protocol.RpcCall;
import dev.zocket.server.Caller;
import dev.zocket.server.Principal;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.internal.runtime.ActorRuntimeTest.RecordingPeer;
import dev.zocket.spi.TimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A contract with views under fan-out to a thousand subscribers, without the network: each
 * subscriber's state, rebuilt from what it was sent, equals the view of the final state for it;
 * no frame holds what its recipient's view does not; each change is encoded once per audience.
 */
class ViewFanoutTest {

    private static final JsonCodec JSON = JsonCodec.standard();
    private static final int GUESSERS = 1_000;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ActorRegistry registry = registry();
    private final InstanceKey key = new InstanceKey("table", "t");
    private int calls;

    private ActorRegistry registry() {
        ActorType<?, ?, ?> table = new ActorType<>(CardTableBinding.INSTANCE, CardTableActor::new, List.of());
        Codecs codecs = new Codecs(JSON, Validation.byDefaultProvider().configure()
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
        return new ActorRegistry(Map.of("table", table), codecs, new ServerMetrics(meters), time, Runnable::run,
                ServerLimits.DEFAULTS);
    }

    private void call(RecordingPeer caller, String method, String input) {
        registry.deliverRpc(key, caller, new RpcCall("r" + (++calls), "table", "t", method,
                input == null ? null : JSON.parse(input)), 0);
    }

    private double encodedPatches() {
        return meters.counter("zocket.patches.encoded").count();
    }

    @Test
    void everySubscriberEndsWithItsOwnViewAndEachChangeIsEncodedOncePerAudience() {
        List<RecordingPeer> peers = new ArrayList<>();
        for (int i = 0; i <= GUESSERS; i++) {
            RecordingPeer peer = new RecordingPeer("c" + i);
            registry.deliverSubscribe(key, peer, SubscriptionKind.STATE);
            peers.add(peer);
        }
        RecordingPeer dealer = peers.get(0);
        RecordingPeer host = new RecordingPeer("host");

        call(host, "deal", "{\"dealerId\":\"c0\",\"card\":\"ace-of-spades\"}");
        double before = encodedPatches();
        call(host, "tick", null);
        call(host, "tick", null);
        assertEquals(4, encodedPatches() - before, "two changes, two audiences: four encodings for 1,001 subscribers");
        OutgoingMessage shared = last(peers.get(1));
        for (RecordingPeer guesser : peers.subList(1, peers.size())) {
            assertSame(shared, last(guesser), "the guessers share one frame");
        }

        call(host, "redraw", "{\"dealerId\":\"c0\",\"card\":\"queen-of-hearts\"}");
        assertEquals("[]", JSON.parse(last(peers.get(1)).text()).path("patches").toString(),
                "a view that did not change still moves to the new version");
        call(host, "deal", "{\"dealerId\":\"c7\",\"card\":\"two-of-clubs\"}");
        call(host, "tick", null);

        JsonNode full = rebuild(peers.get(7));
        assertEquals(JSON.toTree(new CardTable.State("c7", "two-of-clubs", 5)), full);
        JsonNode hidden = JSON.toTree(CardTable.view(new CardTable.State("c7", "two-of-clubs", 5), false));
        for (RecordingPeer peer : peers) {
            if (peer != peers.get(7)) {
                assertEquals(hidden, rebuild(peer), peer.clientId);
            }
        }
        for (RecordingPeer guesser : peers.subList(1, peers.size())) {
            for (OutgoingMessage frame : guesser.received) {
                assertFalse(frame.text().contains("ace-of-spades") || frame.text().contains("queen-of-hearts"),
                        () -> guesser.clientId + " was sent the first dealer's card: " + frame.text());
                if (!guesser.clientId.equals("c7")) {
                    assertFalse(frame.text().contains("two-of-clubs"), () -> guesser.clientId + " got " + frame.text());
                }
            }
        }
        assertEquals("ace-of-spades", cardIn(dealer.received.get(1)), "the dealer's view held its card");
    }

    @Test
    void studiosConnectionSeesTheWholeStateNeverAView() {
        RecordingPeer guesser = new RecordingPeer("guesser");
        StudioPeer studio = new StudioPeer();
        RecordingPeer host = new RecordingPeer("host");
        call(host, "deal", "{\"dealerId\":\"c0\",\"card\":\"ace-of-spades\"}");
        registry.deliverSubscribe(key, guesser, SubscriptionKind.STATE);
        registry.deliverSubscribe(key, studio, SubscriptionKind.STATE);
        call(host, "tick", null);
        call(host, "deal", "{\"dealerId\":\"c1\",\"card\":\"two-of-clubs\"}");

        assertEquals(JSON.toTree(new CardTable.State("c1", "two-of-clubs", 3)), rebuild("studio", studio.received));
        assertEquals("ace-of-spades", JSON.parse(studio.received.get(0).text()).path("state").path("card").asString());
        for (OutgoingMessage frame : guesser.received) {
            assertFalse(frame.text().contains("ace-of-spades") || frame.text().contains("two-of-clubs"), frame.text());
        }
    }

    private static OutgoingMessage last(RecordingPeer peer) {
        return peer.received.get(peer.received.size() - 1);
    }

    private static String cardIn(OutgoingMessage patch) {
        for (JsonNode operation : JSON.parse(patch.text()).path("patches")) {
            if (operation.path("path").asString().equals("/card")) {
                return operation.path("value").asString();
            }
        }
        return null;
    }

    /** A Studio connection: its caller holds the privilege. */
    private static final class StudioPeer implements Peer {
        final List<OutgoingMessage> received = new ArrayList<>();
        private final Caller caller;

        StudioPeer() {
            Principal principal = Privilege.principal("studio@127.0.0.1");
            this.caller = new Caller("studio", principal.userId(), principal.claims());
        }

        @Override
        public String clientId() {
            return caller.clientId();
        }

        @Override
        public Caller caller() {
            return caller;
        }

        @Override
        public void send(OutgoingMessage message) {
            received.add(message);
        }

        @Override
        public void reply(OutgoingMessage result) {
            received.add(result);
        }
    }

    private static JsonNode rebuild(RecordingPeer peer) {
        return rebuild(peer.clientId, peer.received);
    }

    /** A peer's state from its snapshot and patches, checking the versions have no gap. */
    private static JsonNode rebuild(String clientId, List<OutgoingMessage> received) {
        JsonNode state = null;
        long version = -1;
        for (OutgoingMessage frame : received) {
            JsonNode message = JSON.parse(frame.text());
            if (frame.type() == MessageType.STATE_SNAPSHOT) {
                state = message.path("state");
                version = message.path("version").asLong();
            } else if (frame.type() == MessageType.STATE_PATCH) {
                assertEquals(version + 1, message.path("version").asLong(), clientId + ": versions without gaps");
                state = JsonPatch.fromJson(message.path("patches")).apply(state);
                version++;
            }
        }
        return state;
    }
}
