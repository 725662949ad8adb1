package dev.zocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zocket.internal.SystemTimeSource;
import dev.zocket.json.JsonCodec;
import dev.zocket.server.internal.host.ActorCatalog;
import dev.zocket.server.internal.host.ActorHost;
import dev.zocket.server.internal.runtime.InstanceKey;
import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.session.ClientConnection;
import dev.zocket.server.internal.session.ProtocolHandler;
import dev.zocket.server.internal.session.Session;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connection closed by another thread than the one reading it (the slow-reader hard close, a
 * server stop) while a join is on its way: the join is either handled and followed by the
 * disconnect, or not handled at all. Both threads are released together, 1,000 times, to hit
 * the window between recording the instance and queueing the message.
 */
@Timeout(120)
class CrossThreadCloseTest {

    private static final String JOIN = "{\"type\":\"rpc\",\"id\":\"j\",\"actor\":\"lobby\",\"actorId\":\"main\",\"method\":\"join\"}";

    private static final ClientConnection NOWHERE = new ClientConnection() {
        @Override
        public void send(OutgoingMessage message) {}

        @Override
        public void close(int code, String reason) {}
    };

    @Test
    void aCloseFromAnotherThreadNeverLeavesAGhost() throws Exception {
        LobbyActor.Tally tally = new LobbyActor.Tally();
        ActorCatalog catalog = new ActorCatalog();
        catalog.add(LobbyBinding.INSTANCE, context -> new LobbyActor(context, tally));
        ExecutorService actors = Executors.newFixedThreadPool(2);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        SystemTimeSource time = new SystemTimeSource("cross-thread-test");
        try {
            ActorHost host = new ActorHost(catalog, ServerLimits.DEFAULTS, JsonCodec.standard(), new SimpleMeterRegistry(),
                    time, actors);
            ProtocolHandler protocol = host.protocol();
            for (int i = 0; i < 1_000; i++) {
                Session session = protocol.open(NOWHERE, Principal.anonymous());
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> reader = racers.submit(() -> {
                    start.await();
                    protocol.receive(session, JOIN);
                    return null;
                });
                Future<?> closer = racers.submit(() -> {
                    start.await();
                    protocol.closed(session);
                    return null;
                });
                reader.get();
                closer.get();
            }
            host.shutdown(Duration.ofSeconds(10)); // lets every queued message run first

            assertEquals(tally.connects.get(), tally.disconnects.get(), "every onConnect has its onDisconnect");
            assertEquals(tally.joins.get(), tally.connects.get(), "every join ran for a connected client");
            assertEquals(0, tally.ghostsAtDeactivation(), "players left behind: " + tally.playersAtDeactivation);
            assertEquals(0, host.metrics().attachedClients());
            assertEquals(true, host.registry().peekState(new InstanceKey("lobby", "main")).isEmpty());
        } finally {
            racers.shutdownNow();
            actors.shutdownNow();
            time.close();
        }
    }
}
