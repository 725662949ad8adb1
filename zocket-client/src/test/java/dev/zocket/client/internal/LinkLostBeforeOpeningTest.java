package dev.zocket.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zocket.client.ClientOptions;
import dev.zocket.client.ConnectionStatus;
import dev.zocket.client.transport.Transport;
import dev.zocket.json.JsonCodec;
import dev.zocket.protocol.ClientMessage;
import dev.zocket.protocol.ParseResult;
import dev.zocket.protocol.ProtocolCodec;
import dev.zocket.protocol.RpcCall;
import dev.zocket.protocol.RpcResult;
import dev.zocket.server.fixtures.CounterHandle;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A transport may report a link's end before the future that opens it completes: the JDK's
 * WebSocket reads on its own thread, so a connection cut just after its handshake can be reported
 * closed first. Such a link belongs to an attempt that is already over. It must never be used:
 * a call sent on it would count as sent, so the next link would not carry it, and it would wait
 * for its timeout. Nor may an opening that never completes hold the client: the connect timeout
 * ends the attempt whatever the transport does.
 */
class LinkLostBeforeOpeningTest {

    private static final Duration RECONNECT_DELAY = Duration.ofMillis(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final ProtocolCodec PROTOCOL = ProtocolCodec.standard();

    private final SteppedClock clock = new SteppedClock();
    private final ScriptedTransport transport = new ScriptedTransport();
    private final ClientEngine engine = new ClientEngine(
            new ClientOptions(URI.create("ws://scripted"), Duration.ofSeconds(30), CONNECT_TIMEOUT, true,
                    Optional.of(RECONNECT_DELAY), Duration.ofMillis(100)),
            transport, clock, Runnable::run, JsonCodec.standard());

    @Test
    void anOpeningThatNeverCompletesIsGivenUpAfterTheConnectTimeout() throws Exception {
        transport.nextOpeningHangs = true;
        engine.start();
        CompletableFuture<Integer> call = CounterHandle.of(engine, "counted").increment();

        clock.advance(CONNECT_TIMEOUT.minusMillis(1));
        assertEquals(1, transport.links.size(), "still waiting for the first opening");
        clock.advance(Duration.ofMillis(1).plus(RECONNECT_DELAY).plusMillis(100));
        assertEquals(2, transport.links.size(), "gave the hung opening up and tried again");
        assertEquals(ConnectionStatus.CONNECTED, engine.status());
        transport.links.get(1).answerCalls(7);
        assertEquals(7, call.getNow(-1), "the call went out on the next link");

        ScriptedLink late = transport.links.get(0);
        late.opening.complete(late);
        assertTrue(late.closed, "the hung opening, completed at last, was closed unused");
        assertEquals(List.of(), late.sent);
    }

    @Test
    void aLinkReportedClosedBeforeItOpenedIsClosedAndACallWaitsForTheNextLink() throws Exception {
        transport.nextLinkDiesBeforeOpening = true;
        engine.start();
        CompletableFuture<Integer> call = CounterHandle.of(engine, "counted").increment();

        ScriptedLink dead = transport.links.get(0);
        assertTrue(dead.closed, "the late link was closed");
        assertEquals(List.of(), dead.sent, "nothing was sent on it");
        assertEquals(ConnectionStatus.CONNECTING, engine.status());

        clock.advance(RECONNECT_DELAY.plusMillis(100)); // the reconnection's jitter included
        assertEquals(2, transport.links.size(), "reconnected");
        ScriptedLink next = transport.links.get(1);
        assertEquals(ConnectionStatus.CONNECTED, engine.status());
        next.answerCalls(7);
        assertEquals(7, call.getNow(-1), "the call went out on the next link and was answered");
    }

    /** Opens scripted links; the next one can be made to end before its opening is reported. */
    private static final class ScriptedTransport implements Transport {
        final List<ScriptedLink> links = new ArrayList<>();
        boolean nextLinkDiesBeforeOpening;
        boolean nextOpeningHangs;

        @Override
        public CompletableFuture<Link> open(URI url, Duration connectTimeout, LinkListener listener) {
            ScriptedLink link = new ScriptedLink(listener);
            links.add(link);
            if (nextOpeningHangs) {
                nextOpeningHangs = false;
                return link.opening; // as if the transport's own timeout never fired
            }
            if (nextLinkDiesBeforeOpening) {
                nextLinkDiesBeforeOpening = false;
                listener.onClosed(1006, "cut");
            }
            listener.onMessage("{\"type\":\"welcome\",\"clientId\":\"c" + links.size() + "\"}");
            return CompletableFuture.completedFuture(link);
        }
    }

    /** Records what is sent; the test answers the calls. */
    private static final class ScriptedLink implements Transport.Link {
        final Transport.LinkListener listener;
        final List<String> sent = new ArrayList<>();
        final CompletableFuture<Transport.Link> opening = new CompletableFuture<>();
        boolean closed;

        ScriptedLink(Transport.LinkListener listener) {
            this.listener = listener;
        }

        @Override
        public void send(String text) {
            assertFalse(closed, "sent on a closed link: " + text);
            sent.add(text);
        }

        @Override
        public void close() {
            closed = true;
        }

        /** Answers every call sent so far with {@code result}. */
        void answerCalls(int result) {
            for (String text : List.copyOf(sent)) {
                ClientMessage message =
                        ((ParseResult.Parsed<ClientMessage>) PROTOCOL.parseClientMessage(text)).message();
                if (message instanceof RpcCall call) {
                    RpcResult answer = RpcResult.success(call.id(), JsonCodec.standard().toTree(result));
                    listener.onMessage(PROTOCOL.encodeToString(answer));
                }
            }
        }
    }
}
