package dev.zocket.bench.jmh;

import dev.zocket.Subscription;
import dev.zocket.bench.TickerActor;
import dev.zocket.bench.TickerBinding;
import dev.zocket.example.counter.CounterActor;
import dev.zocket.example.counter.CounterBinding;
import dev.zocket.example.draw.DrawingRoom;
import dev.zocket.example.draw.DrawingRoomActor;
import dev.zocket.example.draw.DrawingRoomBinding;
import dev.zocket.json.JsonCodec;
import dev.zocket.server.ActorFactory;
import dev.zocket.server.Principal;
import dev.zocket.server.ServerLimits;
import dev.zocket.server.internal.host.ActorCatalog;
import dev.zocket.server.internal.host.ActorHost;
import dev.zocket.server.internal.runtime.OutgoingMessage;
import dev.zocket.server.internal.session.ClientConnection;
import dev.zocket.server.internal.session.Session;
import dev.zocket.spi.TimeSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * The server's whole pipeline without a network: frames go into the protocol handler, actor
 * messages run on the calling thread, and what would be sent is captured.
 */
final class InProcessHost {

    private static final TimeSource CLOCK = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Subscription schedule(Duration delay, Runnable task) {
            return () -> {};
        }
    };

    /** A connection that keeps the last message it was sent. */
    static final class Capture implements ClientConnection {
        OutgoingMessage last;
        long sent;

        @Override
        public void send(OutgoingMessage message) {
            last = message;
            sent++;
        }

        @Override
        public void close(int code, String reason) {}
    }

    /** The defaults, but room for a round of 10,000 strokes (3 MB), which the benchmarks draw into. */
    private static final ServerLimits LIMITS = ServerLimits.DEFAULTS.toBuilder().maxStateBytes(16 << 20).build();

    private final ActorHost host;

    InProcessHost() {
        this(DrawingRoomActor::new);
    }

    /** With drawing rooms made by {@code rooms} instead of the example's own. */
    InProcessHost(ActorFactory<DrawingRoom, DrawingRoom.State, DrawingRoom.Events> rooms) {
        ActorCatalog catalog = new ActorCatalog();
        catalog.add(CounterBinding.INSTANCE, CounterActor::new);
        catalog.add(DrawingRoomBinding.INSTANCE, rooms);
        catalog.add(TickerBinding.INSTANCE, TickerActor::new);
        host = new ActorHost(catalog, LIMITS, JsonCodec.standard(), new SimpleMeterRegistry(), CLOCK, Runnable::run);
    }

    Session connect(Capture connection) {
        return host.protocol().open(connection, Principal.anonymous());
    }

    void receive(Session session, String frame) {
        host.protocol().receive(session, frame);
    }
}
